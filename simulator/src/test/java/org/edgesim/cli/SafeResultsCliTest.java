package org.edgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Results are never lost or mixed: resume checks whose blocks it finds, damaged blocks are run again, one sweep per folder. */
class SafeResultsCliTest {
    @TempDir
    Path dir;

    private Path study;

    @BeforeEach
    void writeStudy() throws Exception {
        study = dir.resolve("study.yaml");
        // 30 replications: two blocks per point and scheduler (25 + 5).
        Files.writeString(study, TestScenarios.partelStudyYaml().replace("replications: 2", "replications: 30"));
    }

    private CliTestSupport.Outcome run(Path out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", study.toString(), "--out", out.toString(), "-q",
                "--threads", "2"));
        args.addAll(List.of(extra));
        return CliTestSupport.run(args.toArray(String[]::new));
    }

    @Test
    void resumingWithAnotherSeedIsRefusedSayingWhatDiffersAndForceStartsAfresh() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, run(out).code());
        String before = Files.readString(out.resolve("points.csv"));
        CliTestSupport.Outcome o = run(out, "--resume", "--seed", "8");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("holds runs of another study (seed: 7 there, 8 here)"), o.err());
        assertFalse(o.err().strip().contains("\n"), o.err());
        assertEquals(before, Files.readString(out.resolve("points.csv")), "nothing was touched");
        assertEquals(0, run(out, "--resume", "--seed", "8", "--force").code());
        Path fresh = dir.resolve("fresh");
        assertEquals(0, run(fresh, "--seed", "8").code());
        assertEquals(Files.readString(fresh.resolve("points.csv")), Files.readString(out.resolve("points.csv")));
        assertFalse(before.equals(Files.readString(out.resolve("points.csv"))));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"truncated", "emptied", "header only", "edited", "earlier format"})
    void aDamagedBlockIsRunAgainAndTheResultsEqualAnUninterruptedRun(String damage) throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, run(out).code());
        String whole = Files.readString(out.resolve("points.csv"));
        Path block = out.resolve("runs").resolve("p00001-joint-paba-r00000.csv");
        String text = Files.readString(block);
        String body = text.substring(text.indexOf('\n') + 1);
        Files.writeString(block, switch (damage) {
            case "truncated" -> text.substring(0, text.length() / 2);
            case "emptied" -> "";
            case "header only" -> text.substring(0, text.indexOf('\n') + 1);
            case "edited" -> text.replaceFirst(",0\\.", ",1.");
            default -> body;
        });
        CliTestSupport.Outcome o = run(out, "--resume");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("runs/p00001-joint-paba-r00000.csv is damaged ("), o.err());
        assertTrue(o.err().contains("); its runs are run again"), o.err());
        assertEquals(whole, Files.readString(out.resolve("points.csv")));
    }

    @Test
    void aSecondSweepIntoTheSameFolderIsRefusedWhileTheFirstIsAlive() throws Exception {
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve(".edgesim-result"), "edgesim result folder\n");
        Process other = org.edgesim.sweep.JavaSleeper.holding(out.resolve(".edgesim.lock"));
        try {
            CliTestSupport.Outcome o = run(out);
            assertEquals(2, o.code(), o.err());
            assertTrue(o.err().contains("another edgesim (process " + other.pid() + ") is writing"), o.err());
            assertFalse(Files.exists(out.resolve("points.csv")));
        } finally {
            other.destroyForcibly().waitFor();
        }
        // The holder is gone: its lock is stale and taken over; the sweep's own lock is released at the end.
        assertEquals(0, run(out).code());
        assertTrue(Files.exists(out.resolve("points.csv")));
        try (var c = java.nio.channels.FileChannel.open(out.resolve(".edgesim.lock"),
                java.nio.file.StandardOpenOption.WRITE); var l = c.tryLock()) {
            assertTrue(l != null, "the sweep's lock is released at the end");
        }
    }

    @Test
    void aForeignFileInAStudyFolderIsKept() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, run(out).code());
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("runs").resolve("my-analysis.csv"), "a,b\n");
        assertEquals(0, run(out, "--force").code());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals("a,b\n", Files.readString(out.resolve("runs").resolve("my-analysis.csv")));
        try (Stream<Path> s = Files.list(out.resolve("runs"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".tmp-")), "no temporary file left");
        }
    }

    @Test
    void aKilledSingleRunsStagingFolderIsRemovedByTheNextRun() throws Exception {
        Path scenario = Files.writeString(dir.resolve("one.yaml"), TestScenarios.partelYaml());
        Path out = dir.resolve("one");
        Path litter = Files.createDirectories(dir.resolve(".one.partial-999999"));
        Files.writeString(litter.resolve("rounds.csv"), "half");
        Path live = Files.createDirectories(dir.resolve(".one.partial-" + ProcessHandle.current().pid() + "0"));
        CliTestSupport.Outcome o = CliTestSupport.run("run", scenario.toString(), "--out", out.toString(), "-q");
        assertEquals(0, o.code(), o.err());
        assertFalse(Files.exists(litter), "left by a process that is gone: removed");
        assertTrue(Files.exists(out.resolve("rounds.csv")));
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"commit\""), manifest);
        Files.deleteIfExists(live);
    }
}

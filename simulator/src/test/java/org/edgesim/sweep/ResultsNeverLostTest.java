package org.edgesim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.schedulers.BaselineScheduler;
import org.edgesim.protocol.partel.schedulers.Proportional;
import org.edgesim.report.CodeIdentity;
import org.edgesim.report.ResultFolders;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.edgesim.sched.SchedulerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study's results are complete, of one study and one code, or they say what is missing; two
 * edgesims never interleave in one folder; nothing is deleted before a run is accepted.
 */
class ResultsNeverLostTest {
    @TempDir
    Path dir;

    private static final String COMPARE = "[baseline, joint-paba, bandwidth-aware-parameter, parameter-aware-bandwidth]";

    private Path study(String compare, String replications) throws IOException {
        String yaml = SweepTest.STUDY.formatted(compare).replace("replications: 4", "replications: " + replications);
        if (compare.equals(COMPARE)) {
            // A legend map of four entries: its order must not change from one JVM to the next.
            yaml += """
                  - name: named
                    x: radio.bandwidth
                    y: realised_latency_s_mean
                    panel: protocol.groups
                    seriesNames: {baseline: Baseline, joint-paba: Joint, bandwidth-aware-parameter: BA,
                                  parameter-aware-bandwidth: PA}
                """;
        }
        return Files.writeString(dir.resolve("study.yaml"), yaml);
    }

    private static Study load(Catalog c, Path file) throws Exception {
        return new StudyLoader(c.loader()).load(file, true);
    }

    @Test
    void theSameStudyGivesTheSameStudyJsonBytesInFiveJvms() throws Exception {
        Path file = study(COMPARE, "1");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<byte[]> manifests = new ArrayList<>();
        List<byte[]> runsManifests = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Path out = dir.resolve("out" + i);
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.edgesim.cli.Main",
                    "run", file.toString(), "--quick", "--out", out.toString(), "--threads", "1", "-q")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child" + i + ".log").toFile()).start();
            assertEquals(0, p.waitFor(), Files.readString(dir.resolve("child" + i + ".log")));
            manifests.add(Files.readAllBytes(out.resolve(Studies.STUDY)));
            runsManifests.add(Files.readAllBytes(out.resolve(SweepRunner.RUNS).resolve(SweepRunner.RUNS_STUDY)));
        }
        for (int i = 1; i < 5; i++) {
            assertArrayEquals(manifests.get(0), manifests.get(i), "study.json of JVM " + i);
            assertArrayEquals(runsManifests.get(0), runsManifests.get(i), "runs/study.json of JVM " + i);
        }
        JsonNode m = new ObjectMapper().readTree(manifests.get(0));
        assertTrue(m.path("code").path("commit").asText().matches("[0-9a-f]{40}|unknown"), m.toString());
        assertTrue(m.path("code").has("dirty"), m.toString());
        List<String> order = new ArrayList<>();
        m.path("scenario").path("figures").get(2).path("seriesNames").fieldNames().forEachRemaining(order::add);
        assertEquals(List.of("baseline", "joint-paba", "bandwidth-aware-parameter", "parameter-aware-bandwidth"), order,
                "the file's order");
    }

    @Test
    void resumingWithAChangedSchedulerScriptIsRefusedByName() throws Exception {
        Path examples = Path.of("..", "examples", "python").toAbsolutePath().normalize();
        for (String f : List.of("partel_baseline.py", "edgesim_scheduler.py")) {
            Files.copy(examples.resolve(f), dir.resolve(f));
        }
        Path script = dir.resolve("partel_baseline.py");
        String yaml = SweepTest.STUDY.formatted("[baseline, mine]").replace("replications: 4", "replications: 1")
                + "externalSchedulers:\n  mine:\n    command: [python3, " + script + "]\n";
        Path file = Files.writeString(dir.resolve("external.yaml"), yaml);
        Catalog c = Catalog.standard();
        Study s = load(c, file);
        Path out = dir.resolve("out");
        SweepRunner runner = new SweepRunner(new Simulation(c), 1);
        assertEquals(List.of(), runner.run(s, out, false, SweepProgress.NONE).failures());
        JsonNode code = new ObjectMapper().readTree(out.resolve("runs/study.json").toFile()).path("code");
        assertEquals(CodeIdentity.sha256(script), code.path("scripts").path(script.toString()).asText());

        Files.writeString(script, Files.readString(script) + "\n# changed\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SweepRunner(new Simulation(c), 1).run(s, out, true, SweepProgress.NONE));
        assertTrue(e.getMessage().contains("(scheduler script " + script + " changed)"), e.getMessage());
    }

    @Test
    void aChangedPlugInJarOrAnotherCommitIsNamed() throws Exception {
        Path jar = Files.writeString(dir.resolve("plug.jar"), "one");
        CodeIdentity before = CodeIdentity.of(List.of(jar), List.of());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode there = before.toJson(mapper);
        assertEquals(java.util.Optional.empty(), before.differenceFrom(there));
        Files.writeString(jar, "two");
        CodeIdentity after = CodeIdentity.of(List.of(jar), List.of());
        assertEquals("plug-in jar " + jar + " changed", after.differenceFrom(there).orElseThrow());
        CodeIdentity otherCommit = new CodeIdentity(before.version(), "0".repeat(40), false, "", before.plugins(),
                before.scripts());
        assertTrue(otherCommit.differenceFrom(there).orElseThrow().startsWith("edgesim was built from commit "),
                otherCommit.differenceFrom(there).orElseThrow());
        assertFalse(before.canonical().equals(after.canonical()), "the fingerprint moves with the jar");
        // The same commit with other uncommitted changes: told apart by the code's own hash.
        CodeIdentity dirtyOne = new CodeIdentity(before.version(), "1".repeat(40), true, "aa", before.plugins(),
                before.scripts());
        CodeIdentity dirtyTwo = new CodeIdentity(before.version(), "1".repeat(40), true, "bb", before.plugins(),
                before.scripts());
        assertTrue(dirtyTwo.differenceFrom(dirtyOne.toJson(mapper)).orElseThrow().startsWith("edgesim's own code"
                + " changed"), dirtyTwo.differenceFrom(dirtyOne.toJson(mapper)).toString());
    }

    /** Deletes one finished block once the executor has computed everything, as an outsider would. */
    private static SweepExecutor deletingOneBlock(SweepExecutor inner, Path runs, String id) {
        return new SweepExecutor() {
            @Override
            public void execute(Study study, List<SweepTask> tasks, SweepProgress progress,
                                java.util.function.Consumer<SweepTask.Result> done)
                    throws IOException, InterruptedException {
                inner.execute(study, tasks, progress, done);
                Files.delete(runs.resolve(id + ".csv"));
            }

            @Override
            public String describe() {
                return inner.describe();
            }
        };
    }

    @Test
    void aBlockDeletedWhileTheSweepRunsIsAMissingRunNotASilentGap() throws Exception {
        Catalog c = Catalog.standard();
        Study s = load(c, study("[baseline, joint-paba]", "2"));
        Path out = dir.resolve("out");
        SweepRunner runner = new SweepRunner(deletingOneBlock(new LocalExecutor(new Simulation(c), 2),
                out.resolve("runs"), "p00000-joint-paba-r00000"), c);
        SweepRunner.Outcome o = runner.run(s, out, false, SweepProgress.NONE);
        assertEquals(1, o.failures().size(), o.failures().toString());
        assertTrue(o.failures().get(0).contains("scheduler joint-paba replications 0-1: its block"
                + " runs/p00000-joint-paba-r00000.csv is missing or damaged"), o.failures().get(0));
        assertTrue(Files.readString(out.resolve(SweepRunner.FAILURES)).contains("p00000-joint-paba-r00000"));
        // --resume computes what is missing, and the study is whole again.
        SweepRunner.Outcome resumed = new SweepRunner(new Simulation(c), 2).run(s, out, true, SweepProgress.NONE);
        assertEquals(List.of(), resumed.failures());
        assertEquals(s.runs() - 2, resumed.resumed());
        assertFalse(Files.exists(out.resolve(SweepRunner.FAILURES)));
        assertEquals(s.runs() + 1, Files.readAllLines(out.resolve(SweepRunner.POINTS)).size());
    }

    /** PARTEL's baseline, failing in the replications whose first worker's SNR has odd bits: deterministic. */
    private static Catalog catalogWithAFlakyScheduler() {
        Catalog c = Catalog.standard();
        c.schedulers().register(SchedulerProvider.of("flaky", "partel", "fails in some replications", () -> {
            BaselineScheduler baseline = new BaselineScheduler(Proportional.of(Map.of(), BaselineScheduler.DEFAULT_RULE));
            PartelScheduler s = snapshot -> {
                if (snapshot.round() == 1
                        && Long.bitCount(Double.doubleToLongBits(snapshot.workers().get(0).upSnrPerHz())) % 2 == 1) {
                    throw new IllegalStateException("flaky fails here");
                }
                return baseline.plan(snapshot);
            };
            return s;
        }));
        return c;
    }

    @Test
    void resumingAfterFailedRunsReportsThemAgain() throws Exception {
        Catalog c = catalogWithAFlakyScheduler();
        Study s = new StudyLoader(c.loader()).load(study("[baseline, flaky]", "6"), false);
        Path out = dir.resolve("out");
        SweepRunner.Outcome first = new SweepRunner(new Simulation(c), 2).run(s, out, false, SweepProgress.NONE);
        assertFalse(first.failures().isEmpty(), "some replications fail");
        assertTrue(first.failures().size() < s.runs() / 2, "and some of flaky's do not: " + first.failures().size());
        assertTrue(first.failures().stream().allMatch(f -> f.contains("scheduler flaky replication")), first.failures()
                .toString());
        String failures = Files.readString(out.resolve(SweepRunner.FAILURES));
        SweepRunner.Outcome resumed = new SweepRunner(new Simulation(c), 2).run(s, out, true, SweepProgress.NONE);
        assertEquals(s.runs(), resumed.resumed(), "nothing is run again");
        assertEquals(first.failures(), resumed.failures());
        assertEquals(failures, Files.readString(out.resolve(SweepRunner.FAILURES)));
    }

    @Test
    void aRefusedRunDeletesNothingNotEvenTheClaims() throws Exception {
        Catalog c = Catalog.standard();
        Path file = study("[baseline, joint-paba]", "1");
        Files.writeString(file, Files.readString(file) + """
                claims:
                  - id: c1
                    figure: latency
                    statement: "joint PABA is faster"
                    kind: reduction
                    metric: realised_latency_s_mean
                    of: joint-paba
                    against: baseline
                    at: {radio.bandwidth: 10 MHz, protocol.groups: 2}
                    paper: 0.4
                    tolerance: "±0.05"
                    quote: "Test paper, Fig. 1: 'joint PABA is 40% faster'"
                """);
        Study s = load(c, file);
        Path out = dir.resolve("out");
        AtomicBoolean staleRemoved = new AtomicBoolean();
        Studies.run(new SweepRunner(new Simulation(c), 2), s, out, out, false, false, true, SweepProgress.NONE, () -> { });
        byte[] claims = Files.readAllBytes(out.resolve("claims.csv"));
        assertThrows(IllegalStateException.class, () -> Studies.run(new SweepRunner(new Simulation(c), 2), s, out, out,
                false, false, true, SweepProgress.NONE, () -> staleRemoved.set(true)));
        assertArrayEquals(claims, Files.readAllBytes(out.resolve("claims.csv")), "the finished claims stay");
        assertFalse(staleRemoved.get(), "nothing stale is removed before the run is accepted");
    }

    @Test
    void theWholeStudyHoldsTheLockSoThatASecondWaitsForNothingAndTouchesNothing() throws Exception {
        Catalog c = Catalog.standard();
        Study s = load(c, study("[baseline, joint-paba]", "1"));
        Path out = dir.resolve("out");
        // While the first study draws its figures (after its sweep), a second one into the folder is refused.
        SweepRunner second = new SweepRunner(new Simulation(c), 1);
        List<String> refusals = new ArrayList<>();
        Studies.run(new SweepRunner(new Simulation(c), 1), s, out, out, false, false, true, SweepProgress.NONE, () -> {
            try {
                Studies.run(second, s, out, out, true, false, true, SweepProgress.NONE, () -> { });
            } catch (IllegalStateException e) {
                refusals.add(e.getMessage());
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
        });
        assertEquals(1, refusals.size());
        assertTrue(refusals.get(0).contains("is writing " + out), refusals.get(0));
        assertFalse(FolderLock.held(out.resolve(SweepRunner.LOCK)), "released at the end");
    }

    @Test
    void aLockFileWhoseProcessIsGoneOrWhoseIdWasReusedIsTakenAndALiveHolderIsRefused() throws Exception {
        Path lock = dir.resolve(".edgesim.lock");
        Files.writeString(lock, "1"); // init's id, left by a process that is gone: no one holds the lock
        try (FolderLock l = FolderLock.acquire(lock)) {
            assertEquals(Long.toString(ProcessHandle.current().pid()), Files.readString(lock));
            assertTrue(FolderLock.held(lock));
        }
        assertFalse(FolderLock.held(lock));
        Process other = JavaSleeper.holding(lock);
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> FolderLock.acquire(lock));
            assertTrue(e.getMessage().contains("another edgesim (process " + other.pid() + ")"), e.getMessage());
        } finally {
            other.destroyForcibly().waitFor();
        }
        // Killed: the system released its lock.
        try (FolderLock l = FolderLock.acquire(lock)) {
            assertTrue(FolderLock.held(lock));
        }
    }

    @Test
    void onlyEdgesimsMarkerMakesAResultFolder() throws Exception {
        Path foreign = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(foreign.resolve("study.json"), "{\"my\": \"notes\"}");
        Files.writeString(foreign.resolve("points.csv"), "mine\n");
        assertFalse(ResultFolders.isResultFolder(foreign));
        Catalog c = Catalog.standard();
        Study s = load(c, study("[baseline]", "1"));
        assertThrows(ResultFolders.UnsafeOutputException.class, () -> Studies.run(new SweepRunner(new Simulation(c), 1),
                s, foreign, foreign, false, false, true, SweepProgress.NONE, () -> { }));
        assertEquals("mine\n", Files.readString(foreign.resolve("points.csv")));
        assertEquals("{\"my\": \"notes\"}", Files.readString(foreign.resolve("study.json")));
    }

    @Test
    void temporaryFilesAKilledEdgesimLeftAreRemoved() throws Exception {
        Catalog c = Catalog.standard();
        Study s = load(c, study("[baseline]", "1"));
        Path out = dir.resolve("out");
        new SweepRunner(new Simulation(c), 1).run(s, out, false, SweepProgress.NONE);
        Path runs = out.resolve("runs");
        Files.writeString(runs.resolve(".p00000-baseline-r00000.csv.tmp-999999-41"), "half a block");
        Files.writeString(out.resolve(".points.csv.tmp-999999-1"), "half");
        Files.writeString(runs.resolve("notes.tmp"), "mine");
        new SweepRunner(new Simulation(c), 1).run(s, out, true, SweepProgress.NONE);
        try (var files = Files.list(runs)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp-")));
        }
        assertFalse(Files.exists(out.resolve(".points.csv.tmp-999999-1")));
        assertEquals("mine", Files.readString(runs.resolve("notes.tmp")), "not edgesim's: kept");
    }
}

package org.edgesim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep killed with SIGKILL in another JVM, then resumed, ends with the bytes of an uninterrupted one. */
class KillAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void killedSweepResumesToIdenticalResults() throws Exception {
        Path file = Files.writeString(dir.resolve("study.yaml"), SweepTest.STUDY.formatted("[baseline, joint-paba]")
                .replace("replications: 4", "replications: 100"));
        Catalog c = Catalog.standard();
        Study study = new StudyLoader(c.loader()).load(file, false);
        long total = study.runs();
        long blocks = SweepRunner.runs(study).size();

        Path killed = dir.resolve("killed");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.edgesim.cli.Main",
                "run", file.toString(), "--out", killed.toString(), "--threads", "2", "-q")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path runs = killed.resolve(SweepRunner.RUNS);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (count(runs) < blocks / 4 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
        long before = count(runs);
        assertTrue(before > 0 && before < blocks, "killed mid-sweep: " + before + " of " + blocks + " blocks\n"
                + Files.readString(dir.resolve("child.log")));
        assertTrue(!Files.exists(killed.resolve(SweepRunner.POINTS)), "no final results from a killed sweep");

        SweepRunner.Outcome resumed = new SweepRunner(new Simulation(c), 2).run(study, killed, true, SweepProgress.NONE);
        assertEquals(before * SweepRunner.BLOCK, resumed.resumed(), "whole blocks of 25 were kept");
        Path clean = dir.resolve("clean");
        new SweepRunner(new Simulation(c), 1).run(study, clean, false, SweepProgress.NONE);
        for (String f : List.of(SweepRunner.POINTS, SweepRunner.SUMMARY, SweepRunner.ROUNDS, SweepRunner.TRACE)) {
            assertArrayEquals(Files.readAllBytes(clean.resolve(f)), Files.readAllBytes(killed.resolve(f)), f);
        }
        assertEquals(total + 1, Files.readAllLines(killed.resolve(SweepRunner.POINTS)).size(), "no run lost or doubled");
        File[] leftovers = runs.toFile().listFiles((d, n) -> n.startsWith("."));
        assertEquals(0, leftovers.length, "the killed sweep's temporary files are removed on resume");
    }

    private static long count(Path runs) throws Exception {
        if (!Files.isDirectory(runs)) {
            return 0;
        }
        try (var s = Files.list(runs)) {
            // Finished blocks: <id>.csv (a block's <id>.rounds.csv is written first and does not count).
            return s.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".csv") && !f.endsWith(".rounds.csv") && !f.endsWith(".failures.csv")
                            && !f.startsWith(".")).count();
        }
    }
}

package org.edgesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgesim.simulation.Catalog;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** paired.csv: differences paired by replication against the reference, by hand. */
class PairedTest {
    @TempDir
    Path dir;

    @Test
    void differencesArePairedByReplicationAgainstTheReference() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, TestScenarios.partelStudyYaml().replace("replications: 2", "replications: 3"));
        Study study = new StudyLoader(Catalog.standard().loader()).load(file, false);
        assertEquals("baseline", study.reference(), "the first compared scheduler by default");
        List<List<String>> points = List.of(
                List.of("point", "radio.bandwidth", "scheduler", "replication", "realised_latency_s_mean"),
                List.of("0", "10000000", "baseline", "0", "10"), List.of("0", "10000000", "baseline", "1", "12"),
                List.of("0", "10000000", "baseline", "2", "14"), List.of("0", "10000000", "joint-paba", "0", "5"),
                List.of("0", "10000000", "joint-paba", "1", "7"), List.of("0", "10000000", "joint-paba", "2", "6"),
                // Point 1: replication 1 of joint PABA and 2 of the baseline failed: one pair is left.
                List.of("1", "20000000", "baseline", "0", "6"), List.of("1", "20000000", "baseline", "1", "8"),
                List.of("1", "20000000", "joint-paba", "0", "3"), List.of("1", "20000000", "joint-paba", "2", "5"));
        List<List<String>> paired = Summary.paired(study, points, "baseline");
        assertEquals(List.of("point", "radio.bandwidth", "scheduler", "reference", "metric", "n", "mean_difference",
                "sd", "ci95_low", "ci95_high", "relative_difference"), paired.get(0));
        assertEquals(3, paired.size());
        List<String> p0 = paired.get(1);
        // joint - baseline: -5, -5, -8: mean -6, sd sqrt(3); t(0.975, 2) = 4.302652729911275.
        assertEquals(List.of("0", "10000000", "joint-paba", "baseline", "realised_latency_s_mean", "3"), p0.subList(0, 6));
        assertEquals(-6, Double.parseDouble(p0.get(6)), 1e-12);
        assertEquals(Math.sqrt(3), Double.parseDouble(p0.get(7)), 1e-12);
        assertEquals(-6 - 4.302652729911275, Double.parseDouble(p0.get(8)), 1e-9);
        assertEquals(-6 + 4.302652729911275, Double.parseDouble(p0.get(9)), 1e-9);
        assertEquals(-0.5, Double.parseDouble(p0.get(10)), 1e-12, "(6 - 12) / 12");
        List<String> p1 = paired.get(2);
        assertEquals("1", p1.get(5));
        assertEquals(-3, Double.parseDouble(p1.get(6)), 1e-12);
        assertEquals(-0.5, Double.parseDouble(p1.get(10)), 1e-12);
    }
}

package org.edgesim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.edgesim.scenario.TestScenarios;
import org.edgesim.simulation.Catalog;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.edgesim.table.Column;
import org.edgesim.table.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A summary's 95% interval ends where its metric's values end: an accuracy's at 1 and 0, a
 * duration's at 0; unbounded metrics keep the t interval, computed here by hand.
 */
class BoundedIntervalsTest {
    // t(0.975, 2), from a table.
    private static final double T2 = 4.302652729911275;

    @TempDir
    Path dir;

    @Test
    void anAccuracysIntervalEndsAtOneAndALatencysAtZero() throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, TestScenarios.partelStudyYaml().replace("replications: 2", "replications: 3"));
        Study study = new StudyLoader(Catalog.standard().loader()).load(file, false);
        List<List<String>> points = List.of(
                List.of("point", "radio.bandwidth", "scheduler", "replication", "test_accuracy_final",
                        "realised_latency_s_mean", "latency_gap_s_mean"),
                // The accuracies 1, 1, 0.7 (mean 0.9, sd sqrt(0.03)).
                List.of("0", "10000000", "baseline", "0", "1", "0.1", "-1"),
                List.of("0", "10000000", "baseline", "1", "1", "0.2", "-2"),
                List.of("0", "10000000", "baseline", "2", "0.7", "3", "3"));
        Map<String, Range> ranges = Map.of("test_accuracy", new Range(0, 1),
                "realised_latency_s", new Range(0, Double.POSITIVE_INFINITY));
        List<List<String>> summary = Summary.of(study, points, ranges);
        double accuracyHalf = T2 * Math.sqrt(0.03) / Math.sqrt(3);
        List<String> accuracy = summary.get(1);
        assertEquals("test_accuracy_final", accuracy.get(3));
        assertEquals(0.9 - accuracyHalf, Double.parseDouble(accuracy.get(7)), 1e-9, "the lower end is inside [0, 1]");
        assertEquals(1.0, Double.parseDouble(accuracy.get(8)), 0, "0.9 + " + accuracyHalf + " clipped to 1");
        List<String> latency = summary.get(2);
        assertEquals("realised_latency_s_mean", latency.get(3));
        assertEquals(0.0, Double.parseDouble(latency.get(7)), 0, "a latency's interval does not go below 0");
        double sd = Math.sqrt(((0.1 - 1.1) * (0.1 - 1.1) + (0.2 - 1.1) * (0.2 - 1.1) + (3 - 1.1) * (3 - 1.1)) / 2);
        assertEquals(1.1 + T2 * sd / Math.sqrt(3), Double.parseDouble(latency.get(8)), 1e-9);
        List<String> gap = summary.get(3);
        assertEquals("latency_gap_s_mean", gap.get(3));
        assertEquals(0 - T2 * Math.sqrt(7) / Math.sqrt(3), Double.parseDouble(gap.get(7)), 1e-9,
                "a signed metric keeps its whole interval");
    }

    @Test
    void theProtocolsDeclareTheirAccuraciesAndLossesBounded() throws Exception {
        Catalog catalog = Catalog.standard();
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, TestScenarios.partelYaml() + "learning:\n  data: fashion-mnist-small\n"
                + "  model: logistic-regression\n  stepSize: 0.1\n");
        var scenario = catalog.loader().load(file);
        Map<String, Range> byHeader = new java.util.HashMap<>();
        for (Column<?> c : catalog.protocol("partel").orElseThrow().roundColumns(scenario)) {
            byHeader.put(c.header(), c.range());
        }
        assertEquals(new Range(0, 1), byHeader.get("test_accuracy"));
        assertEquals(new Range(0, 1), byHeader.get("train_accuracy"));
        assertEquals(new Range(0, Double.POSITIVE_INFINITY), byHeader.get("train_loss"));
        assertEquals(new Range(0, Double.POSITIVE_INFINITY), byHeader.get("realised_latency_s"));
        assertEquals(Range.ANY, byHeader.get("latency_gap_s"));
    }
}

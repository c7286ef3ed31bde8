package org.edgesim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study that asks for precision runs batches until the intervals are narrow enough, and no longer. */
class SequentialReplicationsTest {
    /** Student's t, 97.5% quantiles for 1 to 40 degrees of freedom (tables), for the hand computation. */
    private static final double[] T975 = {12.7062, 4.3027, 3.1824, 2.7764, 2.5706, 2.4469, 2.3646, 2.3060, 2.2622,
        2.2281, 2.2010, 2.1788, 2.1604, 2.1448, 2.1314, 2.1199, 2.1098, 2.1009, 2.0930, 2.0860, 2.0796, 2.0739,
        2.0687, 2.0639, 2.0595, 2.0555, 2.0518, 2.0484, 2.0452, 2.0423, 2.0395, 2.0369, 2.0345, 2.0322, 2.0301,
        2.0281, 2.0262, 2.0244, 2.0227, 2.0211};
    private static final double TARGET = 0.2;

    @TempDir
    Path dir;

    private Study load() throws Exception {
        String yaml = SweepTest.STUDY.formatted("[baseline, joint-paba]")
                .replace("replications: 4", "replications: 3\n  precision: {metric: realised_latency_s_mean,"
                        + " relativeHalfWidth: " + TARGET + ", maxReplications: 39}");
        Path file = Files.writeString(dir.resolve("study.yaml"), yaml);
        return new StudyLoader(Catalog.standard().loader()).load(file, false);
    }

    @Test
    void theBatchesStopWhereAHandComputationSaysAndGiveTheSameBytesOnOneAndTwoThreads() throws Exception {
        Catalog c = Catalog.standard();
        Study study = load();
        Path one = dir.resolve("one");
        SweepRunner.Outcome o = Studies.run(new SweepRunner(new Simulation(c), 1), study, one, one, false, false, false,
                SweepProgress.NONE, () -> { });
        int n = o.replications();
        assertEquals(0, n % 3, "whole batches of 3");
        assertTrue(n > 3 && n < 39, "the target takes a few batches, not one and not all: " + n);
        Map<String, List<Double>> values = read(one.resolve(SweepRunner.POINTS));
        assertEquals(study.points().size() * 2, values.size());
        for (int k = 3; k <= n; k += 3) {
            assertEquals(k == n, precise(values, k), "precise after " + k + " replications only at the end (" + n
                    + ")");
        }
        Path two = dir.resolve("two");
        Studies.run(new SweepRunner(new Simulation(c), 2), study, two, two, false, false, false, SweepProgress.NONE,
                () -> { });
        for (String f : List.of(SweepRunner.POINTS, SweepRunner.SUMMARY, Studies.STUDY)) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
        }
        assertTrue(Files.readString(one.resolve(Studies.STUDY)).contains("\"replications\" : " + n),
                "study.json says how many ran");
        // Resumed, it finds every batch done and stops at the same count.
        SweepRunner.Outcome again = new SweepRunner(new Simulation(c), 2).run(study, one, true, SweepProgress.NONE);
        assertEquals(n, again.replications());
        assertEquals(again.runs(), again.resumed());
    }

    /** Whether every point and scheduler's mean over its first {@code k} replications is within TARGET. */
    private static boolean precise(Map<String, List<Double>> values, int k) {
        for (List<Double> all : values.values()) {
            List<Double> v = all.subList(0, k);
            double mean = v.stream().mapToDouble(Double::doubleValue).sum() / k;
            double ss = v.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
            double half = T975[k - 2] * Math.sqrt(ss / (k - 1)) / Math.sqrt(k);
            if (half > TARGET * Math.abs(mean)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, List<Double>> read(Path points) throws Exception {
        Map<String, List<Double>> out = new HashMap<>();
        try (Reader in = Files.newBufferedReader(points)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                List<Double> v = out.computeIfAbsent(r.get("point") + "/" + r.get("scheduler"), x -> new ArrayList<>());
                assertEquals(v.size(), Integer.parseInt(r.get("replication")), "in replication order");
                v.add(Double.parseDouble(r.get("realised_latency_s_mean")));
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }
}

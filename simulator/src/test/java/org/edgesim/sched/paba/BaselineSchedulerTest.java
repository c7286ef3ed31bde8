package org.edgesim.sched.paba;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.UplinkNoise;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

class BaselineSchedulerTest {
    /** A hand-built snapshot with random workers. */
    static PartelSnapshot randomSnapshot(RandomStream r, int groups, int perGroup, long params) {
        List<Worker> workers = new ArrayList<>();
        for (int k = 0; k < groups; k++) {
            for (int n = 0; n < perGroup; n++) {
                workers.add(new Worker(k * perGroup + n, k, 100 + r.nextInt(0, 1000), 1e8 + 9e8 * r.nextDouble(),
                        1 + 10 * r.nextDouble(), 1 + 10 * r.nextDouble(), 1e6 + 1e9 * r.nextDouble()));
            }
        }
        return new PartelSnapshot(1, groups, perGroup, params, 1e8, 32, 32, 1, 0.01, UplinkNoise.EQUAL_SHARE, workers);
    }

    @Test
    void blocksFollowTheSlowestWorkerOfEachGroupAndSharesAreEqual() {
        RandomStream r = new RandomStreams(5).stream("test/baseline");
        for (int trial = 0; trial < 500; trial++) {
            int k = 1 + r.nextInt(0, 15);
            int n = 1 + r.nextInt(0, 15);
            PartelSnapshot s = randomSnapshot(r, k, n, k + r.nextInt(0, 1_500_000));
            PartelPlan plan = new BaselineScheduler().plan(s);
            long[] b = plan.blocks();
            assertEquals(s.modelParameters(), Arrays.stream(b).sum());
            double[] speed = new double[k];
            for (int g = 0; g < k; g++) {
                double slowest = 0;
                for (int p = 0; p < n; p++) {
                    Worker w = s.worker(g, p);
                    slowest = Math.max(slowest, w.samples() * s.cyclesPerParameterPerSample() / w.speedHz());
                }
                speed[g] = 1 / slowest;
            }
            double total = Arrays.stream(speed).sum();
            for (int g = 0; g < k; g++) {
                double quota = s.modelParameters() * speed[g] / total;
                assertTrue(Math.abs(b[g] - quota) <= 1 + 1e-9 * quota, "group " + g + ": " + b[g] + " vs " + quota);
            }
            for (int i = 0; i < k * n; i++) {
                assertEquals(1.0 / (k * n), plan.share(i), 1e-15);
            }
            assertEquals(s.latency(b, plan.shares()), plan.plannedLatencyS());
        }
    }

    @Test
    void plansRejectBrokenConstraints() {
        PartelSnapshot s = randomSnapshot(new RandomStreams(1).stream("t"), 2, 2, 100);
        double[] quarter = {0.25, 0.25, 0.25, 0.25};
        assertThrows(IllegalArgumentException.class, () -> PartelPlan.of(s, new long[] {50, 49}, quarter, 1));
        assertThrows(IllegalArgumentException.class, () -> PartelPlan.of(s, new long[] {100, 0}, quarter, 1));
        assertThrows(IllegalArgumentException.class, () -> PartelPlan.of(s, new long[] {50, 50}, new double[] {0.5, 0.5, 0.5, 0}, 1));
        assertThrows(IllegalArgumentException.class, () -> PartelPlan.of(s, new long[] {50, 50}, new double[] {0.3, 0.3, 0.3, 0.3}, 1));
        assertThrows(IllegalArgumentException.class, () -> PartelPlan.of(s, new long[] {50, 50}, quarter, Double.NaN));
        assertEquals(50, PartelPlan.of(s, new long[] {50, 50}, quarter, 1).block(1));
    }
}

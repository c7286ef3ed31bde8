package org.edgesim.protocol.partel.schedulers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;
import org.edgesim.radio.UplinkNoise;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

    /** Per group, the weight each reading gives, computed here from the workers directly. */
    private static double[] expectedWeights(PartelSnapshot s, Proportional rule) {
        double[] weight = new double[s.groups()];
        for (int g = 0; g < s.groups(); g++) {
            double slowest = 0;
            double capability = 0;
            for (int p = 0; p < s.workersPerGroup(); p++) {
                Worker w = s.worker(g, p);
                slowest = Math.max(slowest, w.samples() * s.cyclesPerParameterPerSample() / w.speedHz());
                capability += w.speedHz();
            }
            weight[g] = rule == Proportional.CAPABILITY ? capability : 1 / slowest;
        }
        return weight;
    }

    @ParameterizedTest
    @EnumSource(Proportional.class)
    void blocksFollowTheChosenRuleAndSharesAreEqual(Proportional rule) {
        RandomStream r = new RandomStreams(5).stream("test/baseline");
        for (int trial = 0; trial < 500; trial++) {
            int k = 1 + r.nextInt(0, 15);
            int n = 1 + r.nextInt(0, 15);
            PartelSnapshot s = randomSnapshot(r, k, n, k + r.nextInt(0, 1_500_000));
            PartelPlan plan = new BaselineScheduler(rule).plan(s);
            long[] b = plan.blocks();
            assertEquals(s.modelParameters(), Arrays.stream(b).sum());
            double[] weight = expectedWeights(s, rule);
            double total = Arrays.stream(weight).sum();
            for (int g = 0; g < k; g++) {
                double quota = s.modelParameters() * weight[g] / total;
                assertTrue(Math.abs(b[g] - quota) <= 1 + 1e-9 * quota, "group " + g + ": " + b[g] + " vs " + quota);
            }
            for (int i = 0; i < k * n; i++) {
                assertEquals(1.0 / (k * n), plan.share(i), 1e-15);
            }
            assertEquals(s.latency(b, plan.shares()), plan.plannedLatencyS());
            // Alg. 2 takes the same proportional blocks.
            assertArrayEquals(b, new ParameterAwareBandwidthScheduler(rule).plan(s).blocks());
        }
    }

    @Test
    void theTwoReadingsDifferWhenAGroupHasOneSlowWorker() {
        // Group 0: two 1 GHz workers; group 1: one 1 GHz and one 0.1 GHz worker, same data each.
        List<Worker> workers = List.of(new Worker(0, 0, 100, 1e9, 5, 5, 1e9), new Worker(1, 0, 100, 1e9, 5, 5, 1e9),
                new Worker(2, 1, 100, 1e9, 5, 5, 1e9), new Worker(3, 1, 100, 1e8, 5, 5, 1e9));
        PartelSnapshot s = new PartelSnapshot(1, 2, 2, 1100, 1e8, 32, 32, 1, 0, UplinkNoise.EQUAL_SHARE, workers);
        // Capability: 2 GHz against 1.1 GHz, so 1100 * 2 / 3.1 = 709.7 and 390.3.
        assertArrayEquals(new long[] {710, 390}, new BaselineScheduler(Proportional.CAPABILITY).plan(s).blocks());
        // Slowest: 1 / (100 / 1e9) against 1 / (100 / 1e8), ten to one: 1000 and 100.
        assertArrayEquals(new long[] {1000, 100}, new BaselineScheduler(Proportional.SLOWEST).plan(s).blocks());
    }

    @Test
    void theOptionNamesTheRule() {
        assertEquals(Proportional.CAPABILITY, Proportional.of(Map.of(), Proportional.CAPABILITY));
        assertEquals(Proportional.SLOWEST, Proportional.of(Map.of(), Proportional.SLOWEST));
        assertEquals(Proportional.SLOWEST, Proportional.of(Map.of("proportionalTo", "slowest"), Proportional.CAPABILITY));
        assertEquals(Proportional.CAPABILITY, Proportional.of(Map.of("proportionalTo", "capability"),
                Proportional.SLOWEST));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Proportional.of(Map.of("proportionalTo", "fastest"), Proportional.CAPABILITY));
        assertTrue(e.getMessage().contains("'capability'") && e.getMessage().contains("fastest"), e.getMessage());
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

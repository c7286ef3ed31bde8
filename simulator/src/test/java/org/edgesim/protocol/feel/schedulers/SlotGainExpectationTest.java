package org.edgesim.protocol.feel.schedulers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.edgesim.simulation.Catalog;
import org.edgesim.scenario.ClaimSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;

/**
 * The reference of Figs. 4-5's slot-gain model checks ({@code fig4-slots-gain}, {@code fig5-slots-gain}):
 * the expected reduction of the round latency that the optimal TDMA slots give over equal slots, both
 * with {@code B_k = Bmax}, over random drops of the paper's set-up (Table I: K = 6 GPUs in a 200 m
 * cell, 10 MHz, 28 dBm both ways, -174 dBm/Hz, 128.1 + 37.6 log10 d[km] with Rayleigh fading, DenseNet121's
 * 8,062,504 parameters at 32 bits; GPU 50 ms up to 32 samples then 1.5 ms per sample, update 1.5 ms).
 * Computed here by a Monte Carlo of its own (positions, ergodic rates by quadrature, common finish
 * times by bisection, checked against brute force), none of the simulator's code, and compared with
 * the value the scenarios state before their run.
 */
class SlotGainExpectationTest {
    private static final double BITS = 32.0 * 8_062_504;
    private static final int K = 6;
    private static final double COMPUTE = 0.05 + 1.5e-3 * (128 - 32);
    private static final double UPDATE = 1.5e-3;

    /** {@code E[log2(1 + snr g)]}, {@code g ~ Exp(1)}: Simpson's rule in {@code x = ln g}. */
    static double ergodic(double snr) {
        int n = 20_000;
        double lo = -30;
        double h = (Math.log(50) - lo) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double g = Math.exp(lo + i * h);
            double f = Math.log1p(snr * g) / Math.log(2) * Math.exp(-g) * g;
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return sum * h / 3;
    }

    /** The common finish {@code T} with {@code sum_k cost_k / (T - ready_k) = 1} (frame shares), by bisection. */
    static double commonFinish(double[] ready, double[] cost) {
        double lo = Arrays.stream(ready).max().orElseThrow();
        double hi = lo + Arrays.stream(cost).sum();
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            double s = 0;
            for (int k = 0; k < ready.length; k++) {
                s += cost[k] / (mid - ready[k]);
            }
            if (s > 1) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** {@code 1 - T_opt / T_equal} for one drop of up and down rates (bit/s). */
    static double reduction(double[] up, double[] down) {
        double[] t = latencies(up, down);
        return 1 - t[0] / t[1];
    }

    /** {@code {T_opt, T_equal}} for one drop. */
    static double[] latencies(double[] up, double[] down) {
        double[] costUp = new double[K];
        double[] costDown = new double[K];
        double equalUp = 0;
        double equalDown = 0;
        for (int k = 0; k < K; k++) {
            costUp[k] = BITS / up[k];
            costDown[k] = BITS / down[k];
            equalUp = Math.max(equalUp, COMPUTE + K * costUp[k]);
            equalDown = Math.max(equalDown, K * costDown[k] + UPDATE);
        }
        double[] computeReady = new double[K];
        Arrays.fill(computeReady, COMPUTE);
        // Downlink: t_D[k] + t_M finishes together, i.e. the transfers end together at T_D - t_M.
        double optimal = commonFinish(computeReady, costUp) + commonFinish(new double[K], costDown) + UPDATE;
        return new double[] {optimal, equalUp + equalDown};
    }

    /**
     * Mean and 5th and 95th percentiles of the reduction over {@code drops} drops, and the reduction
     * of the mean latencies {@code 1 - E[T_opt] / E[T_equal]} (what a {@code reduction} claim measures:
     * a ratio of paired means).
     */
    static double[] expectation(int drops, long seed) {
        MRG32k3a r = new MRG32k3a();
        r.setSeed(new long[] {seed, seed, seed, seed, seed, seed});
        double noise = Math.pow(10, (-174 - 30) / 10.0) * 10e6;
        double power = Math.pow(10, (28 - 30) / 10.0);
        double[] values = new double[drops];
        double opt = 0;
        double equal = 0;
        for (int i = 0; i < drops; i++) {
            double[] up = new double[K];
            double[] down = new double[K];
            for (int k = 0; k < K; k++) {
                double d = Math.max(1, 200 * Math.sqrt(r.nextDouble()));
                double gain = Math.pow(10, -(128.1 + 37.6 * Math.log10(d / 1000)) / 10);
                up[k] = 10e6 * ergodic(power * gain / noise);
                down[k] = up[k];
            }
            double[] t = latencies(up, down);
            values[i] = 1 - t[0] / t[1];
            opt += t[0];
            equal += t[1];
        }
        Arrays.sort(values);
        return new double[] {Arrays.stream(values).average().orElseThrow(), values[(int) (0.05 * drops)],
            values[(int) (0.95 * drops)], 1 - opt / equal};
    }

    @Test
    void commonFinishAgainstBruteForceOnTwoDevices() {
        double[] ready = {0.2, 0.5};
        double[] cost = {1.0, 3.0};
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < 1_000_000; i++) {
            double share = i / 1e6;
            best = Math.min(best, Math.max(ready[0] + cost[0] / share, ready[1] + cost[1] / (1 - share)));
        }
        assertEquals(best, commonFinish(ready, cost), 1e-5);
    }

    @Test
    void equalRatesGainNothingAndUnequalRatesGain() {
        double[] same = new double[K];
        Arrays.fill(same, 1e8);
        assertEquals(0, reduction(same, same), 1e-9);
        double[] spread = {2e7, 5e7, 1e8, 1e8, 1e8, 1e8};
        assertTrue(reduction(spread, spread) > 0.2, "one slow device dominates equal slots");
    }

    @Test
    void theScenariosStateTheModelsExpectation() throws Exception {
        double[] e = expectation(1000, 12345);
        // The spread of one drop's reduction and the Monte Carlo's own error (about 0.06 / sqrt(1000)).
        assertEquals(0.158, e[0], 0.01, Arrays.toString(e));
        assertEquals(0.07, e[1], 0.02, Arrays.toString(e));
        assertEquals(0.25, e[2], 0.03, Arrays.toString(e));
        for (String name : new String[] {"feel-fig4", "feel-fig5"}) {
            Scenario s = Catalog.standard().loader().parse(name + ".yaml",
                    Files.readString(Path.of("..", "scenarios", name + ".yaml")), ScenarioLoader.Format.YAML);
            ClaimSpec gain = s.claims().stream().filter(c -> c.id().equals(name.substring(5) + "-slots-gain"))
                    .findFirst().orElseThrow();
            assertEquals(e[3], gain.paper(), 0.005, name + " states " + gain.paper() + ", the Monte Carlo "
                    + Arrays.toString(e));
        }
    }
}

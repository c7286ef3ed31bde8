package org.edgesim.sched.paba;

import java.util.function.DoubleUnaryOperator;
import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.scenario.UplinkNoise;
import org.edgesim.sched.Apportion;

/**
 * The paper's Algorithms 3-4: blocks and shares chosen jointly.
 *
 * <p>For a window {@code T = t - T_ph - T_s}, group {@code k} carrying {@code b} parameters needs
 * the share {@code G_k(b) = sum_n rho_n(b, T)}, convex and increasing in {@code b}. The least band
 * that carries the whole model, {@code F(T) = min sum_k G_k(b_k)} over {@code sum b_k = N_p}, is
 * reached when every group has the same marginal share per parameter {@code nu} (the paper's
 * Lemma 3); the optimal latency is the smallest {@code T} with {@code F(T) <= 1}. Three nested
 * root searches ({@link Roots}), each on a monotone function: {@code T}; {@code nu} such that the
 * blocks sum to {@code N_p}; each group's block where its marginal share equals {@code nu}. The
 * paper uses primal-dual steps for the inner problem; these searches reach the same optimum to a
 * relative 1e-14.
 *
 * <p>The relaxed blocks are then made integers summing to {@code N_p}, and the shares re-solved for
 * them exactly (Algorithm 2's step). The integer problem itself is not solved exactly; so that
 * rounding never costs more than another scheme's allocation, the plan is the best of: the
 * rounded joint blocks, Algorithm 1's blocks and the proportional blocks, each with its optimal
 * shares.
 */
public final class JointPabaScheduler implements PartelScheduler {
    public static final String NAME = "joint-paba";

    /** The relaxed (real-valued) optimum: latency and blocks. */
    record Relaxed(double latency, double[] blocks) {
    }

    @Override
    public PartelPlan plan(PartelSnapshot s) {
        PabaMath math = new PabaMath(s);
        Relaxed relaxed = relax(math);
        long[][] candidates = {
            Apportion.largestRemainder(relaxed.blocks(), s.modelParameters(), 1),
            BandwidthAwareParameterScheduler.blocks(s, 1.0 / s.workers().size()),
            Apportion.largestRemainder(BaselineScheduler.groupSpeeds(s), s.modelParameters(), 1),
        };
        PartelPlan best = null;
        for (long[] blocks : candidates) {
            PartelPlan plan = ParameterAwareBandwidthScheduler.forBlocks(s, math, blocks);
            if (best == null || plan.plannedLatencyS() < best.plannedLatencyS()) {
                best = plan;
            }
        }
        return best;
    }

    /** The relaxed joint optimum. */
    static Relaxed relax(PabaMath math) {
        PartelSnapshot s = math.s;
        double np = s.modelParameters();
        // Below this window the groups cannot compute N_p parameters at all (sum of caps = N_p).
        double inverse = 0;
        for (int k = 0; k < s.groups(); k++) {
            inverse += math.blockCap(k, 1.0);
        }
        double floor = np / inverse;
        double lo = floor * (1 + 1e-9);
        while (!Double.isFinite(minimumShare(math, lo))) {
            lo = floor + 2 * (lo - floor);
        }
        double hi = lo * 2;
        while (minimumShare(math, hi) > 1) {
            lo = hi;
            hi *= 2;
            if (Double.isInfinite(hi)) {
                throw new IllegalStateException("no latency carries the model within the band");
            }
        }
        double window = Roots.increasing(t -> 1 - minimumShare(math, t), lo, hi);
        return new Relaxed(math.fixed + window, blocksAt(math, window, np));
    }

    /** {@code F(T)}: the least total share that carries {@code N_p} within window {@code T}. */
    static double minimumShare(PabaMath math, double window) {
        double np = math.s.modelParameters();
        double capacity = 0;
        for (int k = 0; k < math.s.groups(); k++) {
            capacity += math.blockCap(k, window);
        }
        if (!(capacity > np)) {
            return Double.POSITIVE_INFINITY;
        }
        double[] blocks = blocksAt(math, window, np);
        double total = 0;
        for (int k = 0; k < blocks.length; k++) {
            total += math.groupShare(k, blocks[k], window);
        }
        return total;
    }

    /** Blocks summing to {@code np} with equal marginal share per parameter, at window {@code T}. */
    static double[] blocksAt(PabaMath math, double window, double np) {
        int groups = math.s.groups();
        // Blocks proportional to the caps sum to np and are feasible; at the least of their
        // marginal shares every block is at most its proportional one, at the largest at least:
        // a bracket of nu without any search.
        double capacity = 0;
        for (int k = 0; k < groups; k++) {
            capacity += math.blockCap(k, window);
        }
        double nuLo = Double.POSITIVE_INFINITY;
        double nuHi = 0;
        for (int k = 0; k < groups; k++) {
            double slope = math.groupSlope(k, np * math.blockCap(k, window) / capacity, window);
            nuLo = Math.min(nuLo, slope);
            nuHi = Math.max(nuHi, slope);
        }
        if (nuHi <= nuLo) {
            return proportional(math, window, np, capacity);
        }
        // The blocks grow with nu; solve on log(nu), where the sum is far more linear.
        double logNu = Roots.increasing(x -> sum(blocksFor(math, Math.exp(x), window)) - np,
                Math.log(nuLo), Math.log(nuHi));
        double[] blocks = blocksFor(math, Math.exp(logNu), window);
        // Spread the solver's last relative 1e-14 so that the blocks sum to np exactly.
        double scale = np / sum(blocks);
        for (int k = 0; k < groups; k++) {
            blocks[k] = Math.min(blocks[k] * scale, math.blockCap(k, window));
        }
        return blocks;
    }

    /** Each group's block whose marginal share per parameter is {@code nu} (0 if even the first costs more). */
    static double[] blocksFor(PabaMath math, double nu, double window) {
        double[] blocks = new double[math.s.groups()];
        for (int k = 0; k < blocks.length; k++) {
            if (math.groupSlope(k, 0, window) >= nu) {
                continue;
            }
            int group = k;
            double cap = math.blockCap(k, window);
            double hi = cap * (1 - 1e-12);
            while (!Double.isFinite(math.groupSlope(group, hi, window))) {
                hi = cap - 2 * (cap - hi);
            }
            // 1/sqrt(slope) is linear in b for a single worker under equal-share noise (slope =
            // U T / (T - e b)^2) and nearly so otherwise: a root the solver finds in a few steps.
            double target = 1 / Math.sqrt(nu);
            DoubleUnaryOperator gap = b -> target - 1 / Math.sqrt(math.groupSlope(group, b, window));
            if (math.s.uplinkNoise() == UplinkNoise.EQUAL_SHARE) {
                blocks[k] = Roots.increasing(gap, 0, hi);
            } else {
                // Under allocated noise the slope rises from 0 like 1/ln(1/b): search on log b.
                double lo = Math.log(hi) - 60; // 1e-26 of the cap stands for 0
                blocks[k] = gap.applyAsDouble(Math.exp(lo)) >= 0 ? 0
                        : Math.exp(Roots.increasing(x -> gap.applyAsDouble(Math.exp(x)), lo, Math.log(hi)));
            }
        }
        return blocks;
    }

    private static double[] proportional(PabaMath math, double window, double np, double capacity) {
        double[] blocks = new double[math.s.groups()];
        for (int k = 0; k < blocks.length; k++) {
            blocks[k] = np * math.blockCap(k, window) / capacity;
        }
        return blocks;
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}

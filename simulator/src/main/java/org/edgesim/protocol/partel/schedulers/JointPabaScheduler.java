package org.edgesim.protocol.partel.schedulers;

import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.sched.Apportion;

/**
 * The paper's Algorithms 3-4: blocks and shares chosen jointly.
 *
 * <p>For a window {@code T = t - T_ph - T_s}, group {@code k} carrying {@code b} parameters needs
 * the share {@code G_k(b) = sum_n rho_n(b, T)}, convex and increasing in {@code b}. The least band
 * that carries the whole model, {@code F(T) = min sum_k G_k(b_k)} over {@code sum b_k = N_p}, is
 * reached when every group has the same marginal share per parameter {@code nu} (the paper's
 * Lemma 3); the optimal latency is the smallest {@code T} with {@code F(T) <= 1}. Three nested
 * root searches ({@link JointRelaxation}), each on a monotone function: {@code T}; {@code nu} such
 * that the blocks sum to {@code N_p}; each group's block where its marginal share equals
 * {@code nu}. The paper uses primal-dual steps for the inner problem; these searches reach the
 * same optimum to a relative 1e-13.
 *
 * <p>The relaxed blocks are then made integers summing to {@code N_p}, and the shares re-solved for
 * them exactly (Algorithm 2's step). The integer problem itself is not solved exactly; so that
 * rounding never costs more than another scheme's allocation, the plan is the best of: the
 * rounded joint blocks, Algorithm 1's blocks and the proportional blocks (both rules of
 * {@link Proportional}), each with its optimal
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
            Proportional.CAPABILITY.blocks(s),
            Proportional.SLOWEST.blocks(s),
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

    /** The relaxed joint optimum ({@link JointRelaxation}). */
    static Relaxed relax(PabaMath math) {
        return new JointRelaxation(math).solve();
    }
}

package org.edgesim.protocol.feel.schedulers;

import org.edgesim.protocol.feel.FeelPlan;
import org.edgesim.protocol.feel.FeelScheduler;
import org.edgesim.protocol.feel.FeelSnapshot;
import org.edgesim.protocol.feel.Update;

/**
 * The paper's scheme (docs/models/feel.md, Theorems 1-2, Alg. 1): the relaxed optimum of
 * {@link FeelMath#optimum}, its batches rounded to integers, then the optimal slots for those
 * integer batches. Rounding starts from the floors of the real batches and moves one device by
 * one sample at a time while that raises the efficiency (with optimal slots), so that small
 * batches, where one sample is a large step, do not lose to a nearby integer point. Beyond
 * {@link #EXHAUSTIVE_UP_TO} devices, where one sample in the global batch moves the efficiency by
 * O(1/B) and trying every neighbour exactly costs O(K^2) per step, rounding is to the nearest
 * integers and the polish tries the neighbours in the order of their first-order gain.
 */
public final class ProposedScheduler implements FeelScheduler {
    public static final String NAME = "feel-proposed";

    @Override
    public FeelPlan plan(FeelSnapshot s) {
        double[] real = FeelMath.optimum(s).uplink().batches();
        boolean large = s.size() > EXHAUSTIVE_UP_TO;
        int[] batches = new int[real.length];
        for (int k = 0; k < batches.length; k++) {
            // Many devices: the nearest integers, whose efficiency is within O(1/B) of the relaxed optimum.
            double b = large ? Math.rint(real[k]) : Math.floor(real[k] + 1e-9);
            batches[k] = (int) Math.max(1, Math.min(s.maxBatch(), b));
        }
        FixedBatches.Downlink down = FixedBatches.Downlink.of(s);
        FeelPlan best = FixedBatches.withOptimalSlots(s, Update.GRADIENT, batches, down);
        return large ? rankedPolish(s, best, down) : exhaustivePolish(s, best, down);
    }

    /** Every one-sample neighbour evaluated exactly; the best taken while it improves. */
    private static FeelPlan exhaustivePolish(FeelSnapshot s, FeelPlan start, FixedBatches.Downlink down) {
        FeelPlan best = start;
        // Each step raises the efficiency strictly, so the search ends; the bound keeps it short on huge inputs.
        for (int steps = 0; steps < MAX_STEPS; steps++) {
            FeelPlan next = best;
            int[] current = best.batches();
            for (int k = 0; k < current.length; k++) {
                for (int step : new int[] {1, -1}) {
                    int b = current[k] + step;
                    if (b < 1 || b > s.maxBatch()) {
                        continue;
                    }
                    int[] trial = current.clone();
                    trial[k] = b;
                    FeelPlan p = FixedBatches.withOptimalSlots(s, Update.GRADIENT, trial, down);
                    if (p.efficiency() > next.efficiency()) {
                        next = p;
                    }
                }
            }
            if (next == best) {
                return best;
            }
            best = next;
        }
        return best;
    }

    /**
     * Many devices: the one-sample neighbours ranked by their first-order efficiency (the uplink's
     * common finish {@code T} moves by {@code (c_k / (T - r_k)^2) dr_k / sum_j c_j / (T - r_j)^2}
     * when device k's ready time moves by {@code dr_k}, from {@code sum_j c_j / (T - r_j) = Tf}),
     * the best of them evaluated exactly and taken if it improves, at most {@link #RANKED_STEPS}
     * steps: each costs O(K) where the exhaustive search costs O(K^2).
     */
    private static FeelPlan rankedPolish(FeelSnapshot s, FeelPlan start, FixedBatches.Downlink down) {
        FeelPlan best = start;
        int n = s.size();
        for (int steps = 0; steps < RANKED_STEPS; steps++) {
            int[] current = best.batches();
            double t = best.uplinkS();
            double[] ready = FixedBatches.computeTimes(s, current);
            double s2 = 0;
            for (int k = 0; k < n; k++) {
                double slack = t - ready[k];
                s2 += s.upCost(k) / (slack * slack);
            }
            long global = best.globalBatch();
            double tDown = best.downlinkS();
            int bestK = -1;
            int bestStep = 0;
            double bestEstimate = best.efficiency();
            for (int k = 0; k < n; k++) {
                double slack = t - ready[k];
                double weight = s.upCost(k) / (slack * slack) / s2;
                for (int step : new int[] {1, -1}) {
                    int b = current[k] + step;
                    if (b < 1 || b > s.maxBatch()) {
                        continue;
                    }
                    double dr = s.device(k).compute().time(b) - ready[k];
                    double estimate = Math.sqrt(global + step) / (t + weight * dr + tDown);
                    if (estimate > bestEstimate) {
                        bestEstimate = estimate;
                        bestK = k;
                        bestStep = step;
                    }
                }
            }
            if (bestK < 0) {
                return best;
            }
            int[] trial = current.clone();
            trial[bestK] += bestStep;
            FeelPlan p = FixedBatches.withOptimalSlots(s, Update.GRADIENT, trial, down);
            if (!(p.efficiency() > best.efficiency())) {
                return best;
            }
            best = p;
        }
        return best;
    }

    /** Up to this many devices the polish evaluates every neighbour exactly. */
    static final int EXHAUSTIVE_UP_TO = 256;

    /** Steps of the ranked polish at most. */
    static final int RANKED_STEPS = 50;

    /** Improving steps of the integer polish at most (one batch by one sample each). */
    static final int MAX_STEPS = 100_000;
}

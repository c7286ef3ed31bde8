package org.edgesim.sched.feel;

import org.edgesim.protocol.feel.FeelPlan;
import org.edgesim.protocol.feel.FeelScheduler;
import org.edgesim.protocol.feel.FeelSnapshot;
import org.edgesim.protocol.feel.Update;

/**
 * The paper's scheme (feel-batchsize.md, Theorems 1-2, Alg. 1): the relaxed optimum of
 * {@link FeelMath#optimum}, its batches rounded to integers, then the optimal slots for those
 * integer batches. Rounding starts from the floors of the real batches and moves one device by
 * one sample at a time while that raises the efficiency (with optimal slots), so that small
 * batches, where one sample is a large step, do not lose to a nearby integer point.
 */
public final class ProposedScheduler implements FeelScheduler {
    public static final String NAME = "feel-proposed";

    @Override
    public FeelPlan plan(FeelSnapshot s) {
        double[] real = FeelMath.optimum(s).uplink().batches();
        int[] batches = new int[real.length];
        for (int k = 0; k < batches.length; k++) {
            batches[k] = (int) Math.max(1, Math.min(s.maxBatch(), Math.floor(real[k] + 1e-9)));
        }
        FixedBatches.Downlink down = FixedBatches.Downlink.of(s);
        FeelPlan best = FixedBatches.withOptimalSlots(s, Update.GRADIENT, batches, down);
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

    /** Improving steps of the integer polish at most (one batch by one sample each). */
    static final int MAX_STEPS = 100_000;
}

package org.edgesim.protocol.mel.schedulers;

import org.edgesim.protocol.mel.MelPlan;
import org.edgesim.protocol.mel.MelScheduler;
import org.edgesim.protocol.mel.MelSnapshot;

/**
 * {@code hu-async} (equal task allocation, docs/models/async-mel.md): {@code d / K} samples each (the first
 * {@code d mod K} one more), clamped to the bounds, and as many updates as fit in the cycle.
 */
public final class HuAsyncScheduler implements MelScheduler {
    public static final String NAME = "hu-async";

    @Override
    public MelPlan plan(MelSnapshot s) {
        MelMath.checkFeasible(s);
        int n = s.size();
        long[][] bounds = new long[n][];
        double[] target = new double[n];
        for (int k = 0; k < n; k++) {
            bounds[k] = new long[] {s.minShare(), s.maxShare()};
            target[k] = s.samples() / n + (k < s.samples() % n ? 1 : 0);
        }
        long[] d = MelMath.fill(s, bounds, target);
        long[] updates = new long[n];
        for (int k = 0; k < n; k++) {
            updates[k] = s.learner(k).updatesThatFit(s.cycleS(), d[k]);
            if (updates[k] < 0) {
                throw new org.edgesim.protocol.InfeasibleScenarioException("learner " + k + " cannot receive its model"
                        + " and " + d[k] + " samples and return within the " + s.cycleS() + " s cycle");
            }
        }
        return new MelPlan(d, updates);
    }
}

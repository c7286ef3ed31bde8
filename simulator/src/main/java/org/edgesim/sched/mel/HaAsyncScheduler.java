package org.edgesim.sched.mel;

import org.edgesim.protocol.mel.MelLearner;
import org.edgesim.protocol.mel.MelPlan;
import org.edgesim.protocol.mel.MelScheduler;
import org.edgesim.protocol.mel.MelSnapshot;

/**
 * {@code ha-async} (async-mel.md): relax (the common real {@code tau*}, {@link MelMath#relaxedUpdates}),
 * then suggest and improve: suggest windows of updates {@code [a, a + s]} for {@code s = 0, 1, ...},
 * nearest to {@code tau*} first, and take the first whose sample intervals can hold {@code d}; the
 * samples are the relaxed ones moved into those intervals. Each learner then does as many updates
 * as fit. The maximum staleness is the least possible (window feasibility is exact).
 */
public final class HaAsyncScheduler implements MelScheduler {
    public static final String NAME = "ha-async";

    @Override
    public MelPlan plan(MelSnapshot s) {
        double tau = MelMath.relaxedUpdates(s);
        long most = MelMath.mostUpdates(s);
        long centre = Math.min(most, (long) Math.floor(tau));
        for (long width = 0; width <= most; width++) {
            // Windows [a, a + width] by distance of their start from floor(tau* - width / 2).
            long first = Math.max(0, Math.min(most, centre - width / 2));
            for (long offset = 0; offset <= most; offset++) {
                for (long a : new long[] {first - offset, first + offset + 1}) {
                    if (a < 0 || a > most) {
                        continue;
                    }
                    long[][] intervals = MelMath.window(s, a, a + width);
                    if (intervals != null) {
                        return plan(s, intervals, tau);
                    }
                }
                if (first - offset < 0 && first + offset + 1 > most) {
                    break;
                }
            }
        }
        throw new IllegalStateException("no window of updates holds d = " + s.samples() + " samples; the bounds were"
                + " checked, so this is a bug");
    }

    private static MelPlan plan(MelSnapshot s, long[][] intervals, double tau) {
        int n = s.size();
        double[] target = new double[n];
        for (int k = 0; k < n; k++) {
            target[k] = MelMath.relaxedSamples(s, s.learner(k), tau);
        }
        long[] d = MelMath.fill(s, intervals, target);
        long[] updates = new long[n];
        for (int k = 0; k < n; k++) {
            MelLearner l = s.learner(k);
            updates[k] = l.updatesThatFit(s.cycleS(), d[k]);
        }
        return new MelPlan(d, updates);
    }
}

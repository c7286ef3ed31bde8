package org.edgesim.protocol.mel.schedulers;

import java.util.Arrays;
import org.edgesim.protocol.mel.MelPlan;
import org.edgesim.protocol.mel.MelScheduler;
import org.edgesim.protocol.mel.MelSnapshot;

/**
 * {@code ha-sync} (docs/models/async-mel.md): one common number of updates for every learner, the largest for
 * which samples within the bounds, each fitting that many updates in the cycle, can add up to
 * {@code d}. Faster learners may then idle before the cycle ends.
 */
public final class HaSyncScheduler implements MelScheduler {
    public static final String NAME = "ha-sync";

    @Override
    public MelPlan plan(MelSnapshot s) {
        MelMath.checkFeasible(s);
        for (long tau = MelMath.mostUpdates(s); tau >= 0; tau--) {
            // Exactly tau updates: the samples may be anything up to the most that fit tau updates.
            long[][] intervals = new long[s.size()][];
            long lo = 0;
            long hi = 0;
            boolean ok = true;
            for (int k = 0; k < s.size() && ok; k++) {
                long most = MelMath.interval(s, s.learner(k), tau, Long.MAX_VALUE - 1)[1];
                intervals[k] = new long[] {s.minShare(), most};
                ok = most >= s.minShare();
                lo += s.minShare();
                hi += most;
            }
            if (ok && lo <= s.samples() && s.samples() <= hi) {
                double[] target = new double[s.size()];
                for (int k = 0; k < s.size(); k++) {
                    target[k] = (double) s.samples() * intervals[k][1] / hi;
                }
                long[] updates = new long[s.size()];
                Arrays.fill(updates, tau);
                return new MelPlan(MelMath.fill(s, intervals, target), updates);
            }
        }
        throw new IllegalStateException("no common number of updates fits; the bounds were checked, so this is a bug");
    }
}

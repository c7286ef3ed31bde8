package org.edgesim.sched.mel;

import org.edgesim.protocol.mel.MelLearner;
import org.edgesim.protocol.mel.MelPlan;
import org.edgesim.protocol.mel.MelScheduler;
import org.edgesim.protocol.mel.MelSnapshot;

/**
 * {@code ha-async} (async-mel.md): relax (the common real {@code tau*}, {@link MelMath#relaxedUpdates}),
 * then suggest and improve: suggest windows of updates {@code [a, a + s]} for {@code s = 0, 1, ...},
 * nearest to {@code tau*} first, and take the first that an allocation can fill. Every learner
 * does as many updates as fit its samples.
 *
 * <p>Work-conserving (the default, the paper's (7b) as an equality): every learner but the one
 * that takes the rounding's remainder works the whole cycle, with no room for one more sample
 * ({@link WorkConserving}, exact); so learners mix {@code floor(tau*)} and {@code ceil(tau*)}
 * updates and the least maximum staleness is usually 1. If no window has such an allocation (or
 * {@code d} is too large for its exact search), the idle-allowed search decides. Idle-allowed
 * ({@code ha-async-idle}): samples anywhere in the intervals, learners may idle; this makes a
 * common {@code floor(tau*)} feasible, so it gives {@code ha-sync}'s staleness of 0.
 */
public final class HaAsyncScheduler implements MelScheduler {
    public static final String NAME = "ha-async";
    public static final String IDLE_NAME = "ha-async-idle";
    /** Windows tried before giving up on the work-conserving search. */
    static final int WINDOW_BUDGET = 100_000;

    private final boolean workConserving;

    public HaAsyncScheduler(boolean workConserving) {
        this.workConserving = workConserving;
    }

    /** The work-conserving scheduler. */
    public HaAsyncScheduler() {
        this(true);
    }

    @FunctionalInterface
    private interface Window {
        /** The samples of an allocation in {@code [a, b]}, or null. */
        long[] fill(long a, long b);
    }

    @Override
    public MelPlan plan(MelSnapshot s) {
        double tau = MelMath.relaxedUpdates(s);
        double[] target = new double[s.size()];
        for (int k = 0; k < target.length; k++) {
            target[k] = MelMath.relaxedSamples(s, s.learner(k), tau);
        }
        if (workConserving && s.samples() <= WorkConserving.MAX_SAMPLES) {
            WorkConserving wc = new WorkConserving(s);
            long[] d = search(s, tau, (a, b) -> wc.allocate(a, b, target), WINDOW_BUDGET);
            if (d != null) {
                return plan(s, d);
            }
        }
        long[] d = search(s, tau, (a, b) -> {
            long[][] intervals = MelMath.window(s, a, b);
            return intervals == null ? null : MelMath.fill(s, intervals, target);
        }, Integer.MAX_VALUE);
        if (d == null) {
            throw new IllegalStateException("no window of updates holds d = " + s.samples() + " samples; the bounds were"
                    + " checked, so this is a bug");
        }
        return plan(s, d);
    }

    /** Windows {@code [a, a + width]} by width, then by the distance of {@code a} from {@code floor(tau* - width / 2)}. */
    private static long[] search(MelSnapshot s, double tau, Window window, int budget) {
        long most = MelMath.mostUpdates(s);
        long centre = Math.min(most, (long) Math.floor(tau));
        int tried = 0;
        for (long width = 0; width <= most; width++) {
            long first = Math.max(0, Math.min(most, centre - width / 2));
            for (long offset = 0; offset <= most; offset++) {
                for (long a : new long[] {first - offset, first + offset + 1}) {
                    if (a < 0 || a > most) {
                        continue;
                    }
                    if (++tried > budget) {
                        return null;
                    }
                    long[] d = window.fill(a, a + width);
                    if (d != null) {
                        return d;
                    }
                }
                if (first - offset < 0 && first + offset + 1 > most) {
                    break;
                }
            }
        }
        return null;
    }

    private static MelPlan plan(MelSnapshot s, long[] d) {
        long[] updates = new long[s.size()];
        for (int k = 0; k < s.size(); k++) {
            MelLearner l = s.learner(k);
            updates[k] = l.updatesThatFit(s.cycleS(), d[k]);
        }
        return new MelPlan(d, updates);
    }
}

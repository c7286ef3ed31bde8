package org.edgesim.protocol.mel.schedulers;

import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.mel.MelLearner;
import org.edgesim.protocol.mel.MelSnapshot;
import org.edgesim.sched.Roots;

/**
 * The allocation problem of docs/models/async-mel.md. A learner works the whole cycle, so its updates follow
 * from its samples: {@code tau_k = floor((T - c0 - c1 d_k) / (c2 d_k))}, decreasing in {@code d_k}.
 * Learner {@code k} does between {@code a} and {@code b} updates exactly when {@code d_k} lies in
 * an integer interval ({@link #interval}); a maximum staleness {@code s} is achievable when some
 * window {@code [a, a + s]} has intervals that are all non-empty and whose ends bracket {@code d}.
 * Trying {@code s = 0, 1, ...} gives the least maximum staleness exactly.
 */
public final class MelMath {
    private MelMath() {
    }

    /**
     * Most local updates one learner may make in a cycle: each is an event, and every scheduler's
     * search is over update counts, so a clock that allows more (a few FLOPs per sample on a fast
     * CPU) is refused rather than left to run for hours.
     */
    public static final long MAX_UPDATES = 1_000_000;

    /**
     * Checks that the bounds can sum to {@code d}, every learner can at least receive and return
     * with {@code d_lo}, and none could make more than {@link #MAX_UPDATES} updates in a cycle.
     */
    public static void checkFeasible(MelSnapshot s) {
        int n = s.size();
        if (Math.multiplyExact((long) n, s.minShare()) > s.samples() || Math.multiplyExact((long) n, s.maxShare()) < s.samples()) {
            throw new InfeasibleScenarioException(String.format(java.util.Locale.ROOT, "cycle %d: %d learners with"
                    + " between %d and %d samples each cannot share d = %d samples", s.cycle(), n, s.minShare(),
                    s.maxShare(), s.samples()));
        }
        long capacity = 0;
        for (MelLearner l : s.learners()) {
            if (l.updatesThatFit(s.cycleS(), s.minShare()) < 0) {
                throw new InfeasibleScenarioException(String.format(java.util.Locale.ROOT, "learner %d cannot receive"
                        + " its model and %d samples and return within the %.4g s cycle: that alone takes %.4g s",
                        l.index(), s.minShare(), s.cycleS(), l.time(s.minShare(), 0)));
            }
            capacity += zeroUpdateLimit(s, l);
            long most = l.updatesThatFit(s.cycleS(), s.minShare());
            if (most > MAX_UPDATES) {
                throw new InfeasibleScenarioException(String.format(java.util.Locale.ROOT, "learner %d could make %d"
                        + " local updates in the %s s cycle (%s s each with d_lo = %d samples); each is simulated"
                        + " as an event, at most %,d per learner and cycle: check protocol.flopsPerSample and the"
                        + " learners' speeds", l.index(), most, s.cycleS(),
                        l.c2() * s.minShare(), s.minShare(), MAX_UPDATES));
            }
        }
        if (capacity < s.samples()) {
            throw new InfeasibleScenarioException(String.format(java.util.Locale.ROOT, "cycle %d: within the %.4g s"
                    + " cycle the %d learners can receive at most %d of the d = %d samples (within their bounds), even"
                    + " without a single update", s.cycle(), s.cycleS(), s.size(), capacity, s.samples()));
        }
    }

    /** Real-valued samples at a common real number of updates {@code tau}, within the bounds. */
    static double relaxedSamples(MelSnapshot s, MelLearner l, double tau) {
        double d = (s.cycleS() - l.c0()) / (l.c2() * tau + l.c1());
        return Math.max(s.minShare(), Math.min(s.maxShare(), d));
    }

    /**
     * The relaxed optimum: the common real {@code tau*} at which every learner's real samples,
     * each using the whole cycle, add up to {@code d} (staleness zero). 0 if even no update at
     * all leaves room for {@code d} samples only at the bounds.
     */
    public static double relaxedUpdates(MelSnapshot s) {
        checkFeasible(s);
        double hi = 1;
        for (MelLearner l : s.learners()) {
            hi = Math.max(hi, (s.cycleS() - l.c0()) / (l.c2() * s.minShare()));
        }
        // Total samples decrease in tau: find where they meet d.
        return Roots.increasing(tau -> {
            double total = 0;
            for (MelLearner l : s.learners()) {
                total += relaxedSamples(s, l, tau);
            }
            return s.samples() - total;
        }, 0.0, hi);
    }

    /**
     * {@code [lo, hi]}: the samples with which learner {@code l} does between {@code a} and {@code b}
     * updates, within the bounds (empty when {@code lo > hi}).
     */
    public static long[] interval(MelSnapshot s, MelLearner l, long a, long b) {
        long hi = a == 0 ? s.maxShare() : Math.min(s.maxShare(), l.samplesFor(s.cycleS(), a));
        long lo = Math.max(s.minShare(), l.samplesFor(s.cycleS(), b + 1) + 1);
        // With zero updates the learner must still fit sending and returning.
        hi = Math.min(hi, zeroUpdateLimit(s, l));
        return new long[] {lo, hi};
    }

    private static long zeroUpdateLimit(MelSnapshot s, MelLearner l) {
        if (l.c1() == 0) {
            return s.maxShare();
        }
        long d = (long) Math.floor((s.cycleS() - l.c0()) / l.c1());
        while (d > 0 && l.time(d, 0) > s.cycleS()) {
            d--;
        }
        return Math.min(s.maxShare(), d);
    }

    /** The intervals of every learner for the window {@code [a, b]}, or null if they cannot hold {@code d}. */
    static long[][] window(MelSnapshot s, long a, long b) {
        long[][] out = new long[s.size()][];
        long lo = 0;
        long hi = 0;
        for (int k = 0; k < s.size(); k++) {
            out[k] = interval(s, s.learner(k), a, b);
            if (out[k][0] > out[k][1]) {
                return null;
            }
            lo += out[k][0];
            hi += out[k][1];
        }
        return lo <= s.samples() && s.samples() <= hi ? out : null;
    }

    /** Most updates any learner can do (with {@code d_lo} samples). */
    static long mostUpdates(MelSnapshot s) {
        long most = 0;
        for (MelLearner l : s.learners()) {
            most = Math.max(most, l.updatesThatFit(s.cycleS(), s.minShare()));
        }
        return most;
    }

    /**
     * Integer samples in the given intervals adding up to {@code d}, as close to {@code target} as
     * a greedy fix-up gets: rounded targets clamped to the intervals, then single samples moved
     * to (or from) the learners with the most room, lowest index first on ties.
     */
    static long[] fill(MelSnapshot s, long[][] intervals, double[] target) {
        int n = s.size();
        long[] d = new long[n];
        long total = 0;
        for (int k = 0; k < n; k++) {
            d[k] = Math.max(intervals[k][0], Math.min(intervals[k][1], Math.round(target[k])));
            total += d[k];
        }
        while (total != s.samples()) {
            int best = -1;
            long room = 0;
            for (int k = 0; k < n; k++) {
                long r = total < s.samples() ? intervals[k][1] - d[k] : d[k] - intervals[k][0];
                if (r > room) {
                    room = r;
                    best = k;
                }
            }
            long step = Math.min(room, Math.abs(s.samples() - total));
            d[best] += total < s.samples() ? step : -step;
            total += total < s.samples() ? step : -step;
        }
        return d;
    }
}

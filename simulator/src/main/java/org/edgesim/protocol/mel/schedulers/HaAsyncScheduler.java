package org.edgesim.protocol.mel.schedulers;

import org.edgesim.protocol.mel.MelLearner;
import org.edgesim.protocol.mel.MelPlan;
import org.edgesim.protocol.mel.MelScheduler;
import org.edgesim.protocol.mel.MelSnapshot;

/**
 * {@code ha-async} (docs/models/async-mel.md): relax (the common real {@code tau*}, {@link MelMath#relaxedUpdates}),
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
 *
 * <p>Among the allocations with the least maximum staleness it keeps the first its search finds
 * ({@link TieBreak#FIRST}, the default), or, with option {@code tieBreak}, the one with the least
 * or the most average staleness ({@link Ties}, exact, in the same reading); {@link #tieRange}
 * gives that range.
 */
public final class HaAsyncScheduler implements MelScheduler {
    public static final String NAME = "ha-async";
    public static final String IDLE_NAME = "ha-async-idle";
    /** Windows tried before giving up on the work-conserving search. */
    static final int WINDOW_BUDGET = 100_000;

    private final boolean workConserving;
    private final TieBreak tieBreak;

    public HaAsyncScheduler(boolean workConserving, TieBreak tieBreak) {
        this.workConserving = workConserving;
        this.tieBreak = java.util.Objects.requireNonNull(tieBreak, "tieBreak");
    }

    public HaAsyncScheduler(boolean workConserving) {
        this(workConserving, TieBreak.FIRST);
    }

    /** The work-conserving scheduler. */
    public HaAsyncScheduler() {
        this(true);
    }

    /**
     * The least maximum staleness and the range of the average staleness over the allocations that
     * reach it, in the reading this scheduler uses (whichever tie it keeps).
     *
     * @param maxStaleness   the least maximum staleness
     * @param leastAverage   the least average staleness of those allocations
     * @param mostAverage    the most (the worst tie)
     * @param workConserving whether the work-conserving reading decided (else the idle-allowed one)
     */
    public record TieRange(long maxStaleness, double leastAverage, double mostAverage, boolean workConserving) {
    }

    /** The first allocation found: its window's width (the least maximum staleness) and reading. */
    private record Found(long width, long[] samples, boolean workConserving, double[] target) {
    }

    @FunctionalInterface
    private interface Window {
        /** The samples of an allocation in {@code [a, b]}, or null. */
        long[] fill(long a, long b);
    }

    @Override
    public MelPlan plan(MelSnapshot s) {
        Found f = leastMaximum(s);
        if (tieBreak == TieBreak.FIRST) {
            return plan(s, f.samples());
        }
        return plan(s, new Ties(s, f.width(), f.workConserving(), f.target()).allocation(tieBreak == TieBreak.WORST));
    }

    /** The range of average staleness over the allocations with the least maximum staleness (exact). */
    public TieRange tieRange(MelSnapshot s) {
        Found f = leastMaximum(s);
        Ties t = new Ties(s, f.width(), f.workConserving(), f.target());
        return new TieRange(f.width(), t.leastAverage(), t.mostAverage(), f.workConserving());
    }

    private Found leastMaximum(MelSnapshot s) {
        double tau = MelMath.relaxedUpdates(s);
        double[] target = new double[s.size()];
        for (int k = 0; k < target.length; k++) {
            target[k] = MelMath.relaxedSamples(s, s.learner(k), tau);
        }
        if (workConserving && WorkConserving.fits(s)) {
            WorkConserving wc = new WorkConserving(s);
            Found f = search(s, tau, (a, b) -> wc.allocate(a, b, target), WINDOW_BUDGET, true, target);
            if (f != null) {
                return f;
            }
        }
        Found f = search(s, tau, (a, b) -> {
            long[][] intervals = MelMath.window(s, a, b);
            return intervals == null ? null : MelMath.fill(s, intervals, target);
        }, Integer.MAX_VALUE, false, target);
        if (f == null) {
            throw new IllegalStateException("no window of updates holds d = " + s.samples() + " samples; the bounds were"
                    + " checked, so this is a bug");
        }
        return f;
    }

    /**
     * Windows {@code [a, a + width]} by width, then by the distance of {@code a} from
     * {@code floor(tau* - width / 2)} ({@code first}, then {@code first + 1}, {@code first - 1}, ...);
     * {@code budget} windows at most, counted in that order. Only the windows whose learners' sample
     * intervals can add up to {@code d} are tried: both interval sums fall as {@code a} grows, so
     * for each width those windows form one run of {@code a}, found by bisection; the others (which
     * every fill refuses) are counted, not visited, so a search over K learners costs
     * O(K log(updates)) per width instead of O(K) per window.
     */
    private static Found search(MelSnapshot s, double tau, Window window, int budget, boolean conserving,
                                double[] target) {
        long most = MelMath.mostUpdates(s);
        long centre = Math.min(most, (long) Math.floor(tau));
        long tried = 0;
        for (long width = 0; width <= most; width++) {
            long first = Math.max(0, Math.min(most, centre - width / 2));
            long w = width;
            // Feasible a: sum of the lower bounds <= d (a >= from) and sum of the upper bounds >= d (a <= to).
            long from = firstAtMost(a -> lowerSum(s, a, a + w) <= s.samples(), 0, most);
            long to = lastAtLeast(a -> upperSum(s, a, a + w) >= s.samples(), 0, most);
            long left = Math.min(first, to);
            long right = Math.max(first + 1, from);
            while (left >= from || right <= to) {
                long keyLeft = left >= from ? 2 * (first - left) : Long.MAX_VALUE;
                long keyRight = right <= to ? 2 * (right - first - 1) + 1 : Long.MAX_VALUE;
                long a = keyLeft < keyRight ? left : right;
                long key = Math.min(keyLeft, keyRight);
                if (keyLeft < keyRight) {
                    left--;
                } else {
                    right++;
                }
                if (tried + rank(key, first, most) > budget) {
                    return null;
                }
                long[] d = window.fill(a, a + width);
                if (d != null) {
                    return new Found(width, d, conserving, target);
                }
            }
            tried += most + 1;
            if (tried > budget) {
                return null;
            }
        }
        return null;
    }

    /** The 1-based place, among the windows {@code a} in {@code [0, most]} of one width, of the one with order key {@code key}. */
    private static long rank(long key, long first, long most) {
        long before = Math.min(first + 1, (key + 1) / 2) + (key < 1 ? 0 : Math.min(most - first, key / 2));
        return before + 1;
    }

    static long lowerSum(MelSnapshot s, long a, long b) {
        long sum = 0;
        for (int k = 0; k < s.size(); k++) {
            sum += MelMath.interval(s, s.learner(k), a, b)[0];
        }
        return sum;
    }

    static long upperSum(MelSnapshot s, long a, long b) {
        long sum = 0;
        for (int k = 0; k < s.size(); k++) {
            sum += MelMath.interval(s, s.learner(k), a, b)[1];
        }
        return sum;
    }

    /** The least {@code a} in {@code [lo, hi]} where the (false, then true) {@code test} holds; {@code hi + 1} if none. */
    static long firstAtMost(java.util.function.LongPredicate test, long lo, long hi) {
        long l = lo;
        long h = hi + 1;
        while (l < h) {
            long m = l + (h - l) / 2;
            if (test.test(m)) {
                h = m;
            } else {
                l = m + 1;
            }
        }
        return l;
    }

    /** The greatest {@code a} in {@code [lo, hi]} where the (true, then false) {@code test} holds; {@code lo - 1} if none. */
    static long lastAtLeast(java.util.function.LongPredicate test, long lo, long hi) {
        long l = lo - 1;
        long h = hi;
        while (l < h) {
            long m = l + (h - l + 1) / 2;
            if (test.test(m)) {
                l = m;
            } else {
                h = m - 1;
            }
        }
        return l;
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

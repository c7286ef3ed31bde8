package org.edgesim.protocol.mel.schedulers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.mel.MelLearner;
import org.edgesim.protocol.mel.MelSnapshot;

/**
 * The allocations with a given maximum staleness {@code w} (the least, found by {@code ha-async})
 * and the range of their average staleness, exactly. An allocation's average staleness depends
 * only on how many learners make each number of updates: in a window {@code [a, a + w]}, with
 * {@code N_j} learners making at least {@code a + j} updates, the pairs' differences add up to
 * {@code sum_{j=1..w} N_j (K - N_j)}. So the reachable sums of samples of the subset-sum programme
 * of {@link WorkConserving} are kept per count vector (how many learners so far make {@code a},
 * {@code a + 1}, ..., {@code a + w} updates): a vector is feasible when its sums reach {@code d}.
 * With {@code w = 1} a vector is one number, {@code m} learners at {@code a + 1}, and the average
 * is {@code m (K - m) / (K (K - 1) / 2)}.
 *
 * <p>The reading is {@code ha-async}'s: work-conserving (at most one learner with room for one
 * more sample, every other one at the most samples its updates allow or at {@code d_hi}), or,
 * where no such allocation exists, idle-allowed (samples anywhere with those updates).
 */
final class Ties {
    private final MelSnapshot s;
    private final boolean workConserving;
    private final int d;
    private final double[] target;
    private long bits;
    private long leastPairs = Long.MAX_VALUE;
    private long mostPairs = Long.MIN_VALUE;
    private long[] least;
    private long[] most;

    /**
     * Every window of width {@code w} whose intervals can hold {@code d}, each decided exactly; the
     * free learner's samples (or, idle-allowed, every learner's) nearest {@code target}.
     *
     * @throws InfeasibleScenarioException if the bit sets would pass {@link WorkConserving#MAX_BITS}
     * @throws IllegalStateException       if no allocation has maximum staleness {@code w} (a bug of the caller)
     */
    Ties(MelSnapshot s, long w, boolean workConserving, double[] target) {
        if (s.samples() > WorkConserving.MAX_SAMPLES) {
            throw tooLarge(s, w);
        }
        this.s = s;
        this.workConserving = workConserving;
        this.d = (int) s.samples();
        this.target = target.clone();
        long most = MelMath.mostUpdates(s);
        long from = HaAsyncScheduler.firstAtMost(a -> HaAsyncScheduler.lowerSum(s, a, a + w) <= s.samples(), 0, most);
        long to = HaAsyncScheduler.lastAtLeast(a -> HaAsyncScheduler.upperSum(s, a, a + w) >= s.samples(), 0, most);
        for (long a = from; a <= to; a++) {
            new Programme(a, (int) w).visit();
        }
        if (least == null) {
            throw new IllegalStateException("no allocation has maximum staleness " + w + ": the caller found one, so"
                    + " this is a bug");
        }
    }

    /** The least average staleness of the allocations. */
    double leastAverage() {
        return average(leastPairs);
    }

    /** The most average staleness of the allocations. */
    double mostAverage() {
        return average(mostPairs);
    }

    /** The samples of an allocation with the least ({@code worst} false) or most average staleness. */
    long[] allocation(boolean worst) {
        return (worst ? most : least).clone();
    }

    private double average(long pairs) {
        int n = s.size();
        return n < 2 ? 0.0 : pairs / (n * (n - 1) / 2.0);
    }

    private static InfeasibleScenarioException tooLarge(MelSnapshot s, long w) {
        return new InfeasibleScenarioException(String.format(Locale.ROOT, "cycle %d: the exact tie-break over the"
                + " allocations with maximum staleness %d (%d learners, d = %d samples) needs more than %d MB of bit"
                + " sets; use tieBreak: first", s.cycle(), w, s.size(), s.samples(), WorkConserving.MAX_BITS / 8 / 1_000_000));
    }

    /** One window {@code [a, a + w]}: reachable sums per count vector, learner by learner. */
    private final class Programme {
        private final int w;
        private final int n = s.size();
        /** Working samples of learner k with a + j updates, or -1. */
        private final long[][] work = new long[n][];
        /** Samples of learner k with exactly a + j updates: {lo, hi}, empty when lo > hi. */
        private final long[][][] free = new long[n][][];
        /** Per layer k (learners 0..k-1 placed), per count vector: all working (idle-allowed: all placed). */
        private final List<Map<List<Integer>, WorkConserving.Sums>> none = new ArrayList<>();
        /** The same with exactly one learner free (work-conserving only). */
        private final List<Map<List<Integer>, WorkConserving.Sums>> one = new ArrayList<>();

        Programme(long a, int w) {
            this.w = w;
            bits = 0; // one window's programme at a time
            for (int k = 0; k < n; k++) {
                MelLearner l = s.learner(k);
                work[k] = new long[w + 1];
                free[k] = new long[w + 1][];
                for (int j = 0; j <= w; j++) {
                    free[k][j] = MelMath.interval(s, l, a + j, a + j);
                    long v = free[k][j][1];
                    work[k][j] = v >= s.minShare() && l.updatesThatFit(s.cycleS(), v) == a + j ? v : -1;
                }
            }
            Map<List<Integer>, WorkConserving.Sums> start = new LinkedHashMap<>();
            start.put(zeros(), sums());
            start.values().iterator().next().set(0);
            none.add(start);
            one.add(new LinkedHashMap<>());
            for (int k = 0; k < n; k++) {
                layer(k);
            }
        }

        private List<Integer> zeros() {
            List<Integer> z = new ArrayList<>();
            for (int j = 0; j <= w; j++) {
                z.add(0);
            }
            return z;
        }

        private WorkConserving.Sums sums() {
            bits += d + 1L;
            if (bits > WorkConserving.MAX_BITS) {
                throw tooLarge(s, w);
            }
            return new WorkConserving.Sums(d);
        }

        private WorkConserving.Sums at(Map<List<Integer>, WorkConserving.Sums> m, List<Integer> key) {
            return m.computeIfAbsent(key, x -> sums());
        }

        private List<Integer> plus(List<Integer> v, int j, int by) {
            List<Integer> out = new ArrayList<>(v);
            out.set(j, v.get(j) + by);
            return out;
        }

        private void layer(int k) {
            Map<List<Integer>, WorkConserving.Sums> nextNone = new LinkedHashMap<>();
            Map<List<Integer>, WorkConserving.Sums> nextOne = new LinkedHashMap<>();
            for (var e : none.get(k).entrySet()) {
                for (int j = 0; j <= w; j++) {
                    List<Integer> key = plus(e.getKey(), j, 1);
                    long[] f = free[k][j];
                    if (!workConserving) {
                        if (f[0] <= f[1]) {
                            at(nextNone, key).orRange(e.getValue(), f[0], f[1]);
                        }
                        continue;
                    }
                    if (work[k][j] >= 0) {
                        at(nextNone, key).orShifted(e.getValue(), work[k][j]);
                    }
                    if (f[0] <= f[1]) {
                        at(nextOne, key).orRange(e.getValue(), f[0], f[1]);
                    }
                }
            }
            for (var e : one.get(k).entrySet()) {
                for (int j = 0; j <= w; j++) {
                    if (work[k][j] >= 0) {
                        at(nextOne, plus(e.getKey(), j, 1)).orShifted(e.getValue(), work[k][j]);
                    }
                }
            }
            nextNone.values().removeIf(WorkConserving.Sums::isEmpty);
            nextOne.values().removeIf(WorkConserving.Sums::isEmpty);
            none.add(nextNone);
            one.add(nextOne);
        }

        /** Records the least and most average staleness of the vectors that reach {@code d}. */
        void visit() {
            java.util.Set<List<Integer>> keys = new java.util.LinkedHashSet<>(none.get(n).keySet());
            keys.addAll(one.get(n).keySet());
            for (List<Integer> v : keys) {
                boolean all = reaches(none.get(n), v, d);
                if (!all && !reaches(one.get(n), v, d)) {
                    continue;
                }
                long pairs = 0;
                int atLeast = 0;
                for (int j = w; j >= 1; j--) {
                    atLeast += v.get(j);
                    pairs += (long) atLeast * (n - atLeast);
                }
                if (pairs < leastPairs) {
                    leastPairs = pairs;
                    least = allocate(v, all);
                }
                if (pairs > mostPairs) {
                    mostPairs = pairs;
                    most = allocate(v, all);
                }
            }
        }

        private boolean reaches(Map<List<Integer>, WorkConserving.Sums> m, List<Integer> v, long sum) {
            WorkConserving.Sums x = m.get(v);
            return x != null && x.get((int) sum);
        }

        /** The samples of an allocation with count vector {@code v}, back through the layers. */
        private long[] allocate(List<Integer> v, boolean allWorking) {
            long[] out = new long[n];
            long left = d;
            boolean oneFree = workConserving && !allWorking;
            for (int k = n - 1; k >= 0; k--) {
                boolean placed = false;
                for (int j = 0; j <= w && !placed && workConserving; j++) {
                    List<Integer> prev = plus(v, j, -1);
                    long x = work[k][j];
                    if (v.get(j) > 0 && x >= 0 && reaches((oneFree ? one : none).get(k), prev, left - x)) {
                        out[k] = x;
                        left -= x;
                        v = prev;
                        placed = true;
                    }
                }
                // Learner k is free (the one that takes the remainder; idle-allowed: every learner).
                for (int j = 0; j <= w && !placed && (oneFree || !workConserving); j++) {
                    List<Integer> prev = plus(v, j, -1);
                    long best = -1;
                    for (long x = free[k][j][0]; v.get(j) > 0 && x <= free[k][j][1]; x++) {
                        if (reaches(none.get(k), prev, left - x)
                                && (best < 0 || Math.abs(x - target[k]) < Math.abs(best - target[k]))) {
                            best = x;
                        }
                    }
                    if (best >= 0) {
                        out[k] = best;
                        left -= best;
                        v = prev;
                        placed = true;
                        oneFree = false;
                    }
                }
                if (!placed) {
                    throw new IllegalStateException("the reachable sums said yes and the way back found none: a bug");
                }
            }
            return out;
        }
    }
}

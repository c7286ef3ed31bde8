package org.edgesim.protocol.mel.schedulers;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.protocol.mel.MelLearner;
import org.edgesim.protocol.mel.MelSnapshot;

/**
 * Allocations in which every learner works the whole cycle (docs/models/async-mel.md, "Constraint": the
 * paper's (7b) is an equality). With integers that reads: a learner with {@code d_k} samples does
 * the {@code tau_k} updates that fit, and has no room left for one more sample's work
 * ({@code T - t_k < c2 tau_k + c1}), unless it is at the upper bound {@code d_hi}. Since the
 * {@code d_k} must add up to {@code d} exactly, one learner may be left with room: the one that
 * takes the remainder of the integer rounding.
 *
 * <p>A window of updates {@code [a, b]} is feasible when some such allocation has every
 * {@code tau_k} in it. A working learner's choices are few: for each {@code t} in the window, the
 * most samples that fit {@code t} updates ({@link MelLearner#samplesFor}, clamped to the bounds);
 * the one free learner may take any samples of its interval ({@link MelMath#interval}). Whether
 * the choices can add up to {@code d} is a subset-sum question, answered exactly by dynamic
 * programming over the reachable sums (bit sets of {@code d + 1} bits, two per learner: before and
 * after the free learner is chosen).
 */
final class WorkConserving {
    /** Above this many samples the sums' bit sets are too large: callers fall back. */
    static final long MAX_SAMPLES = 20_000_000;
    /**
     * Above this many bits for all the sums of one window ({@code 2 (K + 1) (d + 1)}: 256 MB) the
     * search would not fit a small heap: callers fall back (e.g. 100,000 learners).
     */
    static final long MAX_BITS = 1L << 31;

    /** Whether the exact search fits: {@code d <= MAX_SAMPLES} and its bit sets within {@link #MAX_BITS}. */
    static boolean fits(MelSnapshot s) {
        return s.samples() <= MAX_SAMPLES && 2.0 * (s.size() + 1) * (s.samples() + 1) <= MAX_BITS;
    }

    private final MelSnapshot s;
    private final int d;

    WorkConserving(MelSnapshot s) {
        if (s.samples() > MAX_SAMPLES) {
            throw new IllegalArgumentException("d = " + s.samples() + " is above " + MAX_SAMPLES);
        }
        this.s = s;
        this.d = (int) s.samples();
    }

    /** The samples of a working learner for each number of updates in {@code [a, b]}, distinct, with their updates in the window. */
    private long[] working(MelLearner l, long a, long b) {
        List<Long> out = new ArrayList<>();
        for (long t = a; t <= b; t++) {
            long v = MelMath.interval(s, l, t, t)[1];
            if (v < s.minShare() || out.contains(v)) {
                continue;
            }
            long tau = l.updatesThatFit(s.cycleS(), v);
            if (tau >= a && tau <= b) {
                out.add(v);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * The samples of an allocation with every learner's updates in {@code [a, b]}, every learner
     * but at most one working the whole cycle; null if there is none. The free learner's samples
     * are chosen nearest to {@code target}.
     */
    long[] allocate(long a, long b, double[] target) {
        int n = s.size();
        long[][] options = new long[n][];
        long[][] free = new long[n][];
        for (int k = 0; k < n; k++) {
            options[k] = working(s.learner(k), a, b);
            free[k] = MelMath.interval(s, s.learner(k), a, b);
        }
        // none[k]: sums reachable by learners 0..k-1 all working; one[k]: with exactly one of them free.
        Sums[] none = new Sums[n + 1];
        Sums[] one = new Sums[n + 1];
        none[0] = new Sums(d);
        none[0].set(0);
        one[0] = new Sums(d);
        for (int k = 0; k < n; k++) {
            none[k + 1] = new Sums(d);
            one[k + 1] = new Sums(d);
            for (long v : options[k]) {
                none[k + 1].orShifted(none[k], v);
                one[k + 1].orShifted(one[k], v);
            }
            if (free[k][0] <= free[k][1]) {
                one[k + 1].orRange(none[k], free[k][0], free[k][1]);
            }
        }
        boolean anyFree;
        if (none[n].get(d)) {
            anyFree = false;
        } else if (one[n].get(d)) {
            anyFree = true;
        } else {
            return null;
        }
        long[] out = new long[n];
        long left = d;
        for (int k = n - 1; k >= 0; k--) {
            Sums before = anyFree ? one[k] : none[k];
            boolean placed = false;
            for (long v : options[k]) {
                if (left - v >= 0 && before.get((int) (left - v))) {
                    out[k] = v;
                    left -= v;
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                // Learner k is the free one: samples of its interval, nearest the target, that the others can complete.
                long best = -1;
                for (long v = free[k][0]; v <= free[k][1]; v++) {
                    if (left - v >= 0 && none[k].get((int) (left - v))
                            && (best < 0 || Math.abs(v - target[k]) < Math.abs(best - target[k]))) {
                        best = v;
                    }
                }
                if (best < 0 || !anyFree) {
                    throw new IllegalStateException("the reachable sums said yes and the way back found none: a bug");
                }
                out[k] = best;
                left -= best;
                anyFree = false;
            }
        }
        return out;
    }

    /** Reachable sums {@code 0..max} as bits, with the two operations the programme needs. */
    static final class Sums {
        private final long[] words;
        private final int max;

        Sums(int max) {
            this.max = max;
            this.words = new long[(max >> 6) + 1];
        }

        void set(int i) {
            words[i >> 6] |= 1L << i;
        }

        boolean isEmpty() {
            for (long word : words) {
                if (word != 0) {
                    return false;
                }
            }
            return true;
        }

        boolean get(int i) {
            return i >= 0 && i <= max && (words[i >> 6] & (1L << i)) != 0;
        }

        /** {@code this |= from << shift}, dropping sums above {@code max}. */
        void orShifted(Sums from, long shift) {
            if (shift > max) {
                return;
            }
            int whole = (int) (shift >> 6);
            int bits = (int) (shift & 63);
            for (int i = words.length - 1; i >= whole; i--) {
                long v = from.words[i - whole] << bits;
                if (bits != 0 && i - whole - 1 >= 0) {
                    v |= from.words[i - whole - 1] >>> (64 - bits);
                }
                words[i] |= v;
            }
            clearAbove();
        }

        /** {@code this |= from << v} for every {@code v} in {@code [lo, hi]}, by doubling: O(log(hi - lo)) shifts. */
        void orRange(Sums from, long lo, long hi) {
            long width = Math.min(hi, max) - lo + 1;
            if (width <= 0) {
                return;
            }
            Sums block = new Sums(max); // from << 0 .. from << (span - 1), OR-ed
            block.orShifted(from, 0);
            long span = 1;
            long offset = lo;
            while (width > 0) {
                if ((width & 1) != 0) {
                    orShifted(block, offset);
                    offset += span;
                }
                width >>= 1;
                if (width > 0) {
                    Sums doubled = new Sums(max);
                    doubled.orShifted(block, 0);
                    doubled.orShifted(block, span);
                    block = doubled;
                    span *= 2;
                }
            }
        }

        private void clearAbove() {
            int last = max & 63;
            if (last != 63) {
                words[words.length - 1] &= (1L << (last + 1)) - 1;
            }
        }
    }
}

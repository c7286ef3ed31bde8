package org.edgesim.protocol.cpsl.schedulers;

import org.edgesim.protocol.cpsl.CpslLatency;

/** Subcarriers of one cluster: the paper's greedy Alg. 3, and equal shares. */
public final class Subcarriers {
    private Subcarriers() {
    }

    /**
     * A device's phase times with 1 to {@code most} subcarriers (index {@code x}; 0 unused) and its
     * own total {@code start + (L - 1) inner + end}: the doubles {@link CpslLatency.Terms} gives,
     * computed once.
     */
    public record Phases(double[] start, double[] inner, double[] end, double[] own) {
        public static Phases of(CpslLatency.Terms t, int most, int epochs) {
            double[] start = new double[most + 1];
            double[] inner = new double[most + 1];
            double[] end = new double[most + 1];
            double[] own = new double[most + 1];
            for (int x = 1; x <= most; x++) {
                start[x] = t.start(x);
                inner[x] = t.inner(x);
                end[x] = t.end(x);
                own[x] = start[x] + (epochs - 1) * inner[x] + end[x];
            }
            return new Phases(start, inner, end, own);
        }
    }

    /**
     * Alg. 3: one subcarrier each, then the other {@code C - K_m} one at a time to the device whose
     * extra subcarrier lowers {@code D_m} most. {@code D_m} is a maximum, so when two devices tie as
     * the bottleneck no single extra subcarrier lowers it; ties are then broken by the largest
     * drop of the device's own phase times, then by the lower index.
     */
    public static int[] greedy(CpslLatency.Terms[] terms, int subcarriers, double server, int epochs) {
        Phases[] p = new Phases[terms.length];
        for (int i = 0; i < terms.length; i++) {
            p[i] = Phases.of(terms[i], subcarriers - terms.length + 1, epochs);
        }
        return greedy(p, subcarriers, server, epochs);
    }

    /** {@link #greedy(CpslLatency.Terms[], int, double, int)} on devices' phases computed beforehand (up to {@code C - K_m + 1}). */
    public static int[] greedy(Phases[] p, int subcarriers, double server, int epochs) {
        int n = p.length;
        int[] x = new int[n];
        java.util.Arrays.fill(x, 1);
        // Each candidate changes one device's phases: D_m with it is the maximum of the others' (the
        // maxima before and after it, folded as CpslLatency.cluster folds them) and its new times,
        // the same doubles as recomputing D_m, in O(n) a subcarrier instead of O(n^2).
        double[][] before = new double[3][n + 1];
        double[][] after = new double[3][n + 1];
        double current = Double.NaN;
        for (int left = subcarriers - n; left >= 0; left--) {
            for (int i = 0; i < n; i++) {
                before[0][i + 1] = Math.max(before[0][i], p[i].start[x[i]]);
                before[1][i + 1] = Math.max(before[1][i], p[i].inner[x[i]]);
                before[2][i + 1] = Math.max(before[2][i], p[i].end[x[i]]);
            }
            if (left == subcarriers - n) {
                current = CpslLatency.phases(before[0][n], before[1][n], before[2][n], server, epochs);
            }
            if (left == 0) {
                break;
            }
            for (int i = n - 1; i >= 0; i--) {
                after[0][i] = Math.max(after[0][i + 1], p[i].start[x[i]]);
                after[1][i] = Math.max(after[1][i + 1], p[i].inner[x[i]]);
                after[2][i] = Math.max(after[2][i + 1], p[i].end[x[i]]);
            }
            int best = -1;
            double bestDrop = -1;
            double bestOwn = -1;
            double bestValue = current;
            for (int i = 0; i < n; i++) {
                int more = x[i] + 1;
                double start = Math.max(Math.max(before[0][i], after[0][i + 1]), p[i].start[more]);
                double inner = Math.max(Math.max(before[1][i], after[1][i + 1]), p[i].inner[more]);
                double end = Math.max(Math.max(before[2][i], after[2][i + 1]), p[i].end[more]);
                double value = CpslLatency.phases(start, inner, end, server, epochs);
                double drop = current - value;
                double own = p[i].own[x[i]] - p[i].own[more];
                if (drop > bestDrop || (drop == bestDrop && own > bestOwn)) {
                    best = i;
                    bestDrop = drop;
                    bestOwn = own;
                    bestValue = value;
                }
            }
            x[best]++;
            current = bestValue;
        }
        return x;
    }

    /** {@code floor(C / K_m)} each, the first {@code C mod K_m} devices one more. */
    public static int[] equal(int devices, int subcarriers) {
        int[] x = new int[devices];
        for (int i = 0; i < devices; i++) {
            x[i] = subcarriers / devices + (i < subcarriers % devices ? 1 : 0);
        }
        return x;
    }
}

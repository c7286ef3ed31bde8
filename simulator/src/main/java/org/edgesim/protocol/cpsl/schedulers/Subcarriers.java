package org.edgesim.protocol.cpsl.schedulers;

import org.edgesim.protocol.cpsl.CpslLatency;

/** Subcarriers of one cluster: the paper's greedy Alg. 3, and equal shares. */
public final class Subcarriers {
    private Subcarriers() {
    }

    /**
     * Alg. 3: one subcarrier each, then the other {@code C - K_m} one at a time to the device whose
     * extra subcarrier lowers {@code D_m} most. {@code D_m} is a maximum, so when two devices tie as
     * the bottleneck no single extra subcarrier lowers it; ties are then broken by the largest
     * drop of the device's own phase times, then by the lower index.
     */
    public static int[] greedy(CpslLatency.Terms[] terms, int subcarriers, double server, int epochs) {
        int n = terms.length;
        int[] x = new int[n];
        java.util.Arrays.fill(x, 1);
        double current = CpslLatency.cluster(terms, x, server, epochs);
        for (int left = subcarriers - n; left > 0; left--) {
            int best = -1;
            double bestDrop = -1;
            double bestOwn = -1;
            double bestValue = current;
            for (int i = 0; i < n; i++) {
                x[i]++;
                double value = CpslLatency.cluster(terms, x, server, epochs);
                x[i]--;
                double drop = current - value;
                double own = own(terms[i], x[i], epochs) - own(terms[i], x[i] + 1, epochs);
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

    private static double own(CpslLatency.Terms t, int x, int epochs) {
        return t.start(x) + (epochs - 1) * t.inner(x) + t.end(x);
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

package org.edgesim.sched;

/** Integer allocations that add up exactly to a total. */
public final class Apportion {
    private Apportion() {
    }

    /**
     * Splits {@code total} into integers proportional to {@code weights} by the largest-remainder
     * (Hamilton) method: floors of the quotas, then the leftover units to the largest fractional
     * parts, ties to the lower index. Parts below {@code minimum} are then raised to it, one unit
     * at a time from the currently largest part, so every part is within one unit of its quota
     * unless a minimum binds.
     *
     * @throws IllegalArgumentException if a weight is negative or not finite, all are zero, or
     *                                  {@code total < minimum * weights.length}
     */
    public static long[] largestRemainder(double[] weights, long total, long minimum) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("nothing to apportion to");
        }
        if (total < minimum * n) {
            throw new IllegalArgumentException("cannot give " + n + " parts at least " + minimum + " each out of " + total);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("weight " + i + " must be finite and >= 0, got " + weights[i]);
            }
            sum += weights[i];
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("all weights are zero");
        }
        long[] parts = new long[n];
        double[] remainder = new double[n];
        long given = 0;
        for (int i = 0; i < n; i++) {
            double quota = total * (weights[i] / sum);
            parts[i] = (long) Math.floor(quota);
            remainder[i] = quota - parts[i];
            given += parts[i];
        }
        for (long left = total - given; left != 0; ) {
            if (left > 0) {
                int best = argMax(remainder);
                parts[best]++;
                remainder[best] = Double.NEGATIVE_INFINITY;
                left--;
            } else { // floating-point excess in the floors
                parts[argMax(parts)]--;
                left++;
            }
        }
        for (int i = 0; i < n; i++) {
            while (parts[i] < minimum) {
                parts[argMax(parts)]--;
                parts[i]++;
            }
        }
        return parts;
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int argMax(long[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}

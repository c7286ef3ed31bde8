package org.edgesim.protocol.mel;

/**
 * A task allocation: samples {@code d_k} and local updates {@code tau_k} per learner.
 *
 * @param samples  {@code d_k}
 * @param updates  {@code tau_k}
 */
public record MelPlan(long[] samples, long[] updates) {
    public MelPlan {
        if (samples.length != updates.length || samples.length == 0) {
            throw new IllegalArgumentException(samples.length + " sample counts for " + updates.length + " update counts");
        }
        for (int k = 0; k < samples.length; k++) {
            if (samples[k] < 0 || updates[k] < 0) {
                throw new IllegalArgumentException("learner " + k + " gets " + samples[k] + " samples and " + updates[k]
                        + " updates; both must be >= 0");
            }
        }
        samples = samples.clone();
        updates = updates.clone();
    }

    /** {@code max_{k<l} |tau_k - tau_l|}. */
    public long maxStaleness() {
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (long t : updates) {
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        return hi - lo;
    }

    /** The mean of {@code |tau_k - tau_l|} over the {@code K(K-1)/2} pairs (0 for one learner). */
    public double averageStaleness() {
        int n = updates.length;
        if (n < 2) {
            return 0.0;
        }
        // Sorted, the pairs' differences add up to sum_j x_j (2j - n + 1): O(K log K), exact in integers.
        long[] x = updates.clone();
        java.util.Arrays.sort(x);
        long sum = 0;
        for (int j = 0; j < n; j++) {
            sum += x[j] * (2L * j - n + 1);
        }
        return sum / (n * (n - 1) / 2.0);
    }

    public long totalSamples() {
        long d = 0;
        for (long v : samples) {
            d += v;
        }
        return d;
    }
}

package org.edgesim.learning;

import java.util.List;

/** Weighted averages of parameter or gradient vectors: FedAvg, and aggregation of batch gradients. */
public final class Averaging {
    private Averaging() {
    }

    /**
     * {@code sum_k w_k v_k / sum_k w_k}. With {@code v_k} the mean-loss gradient of a batch of
     * {@code B_k} samples and {@code w_k = B_k}, this is the mean-loss gradient of the union batch;
     * with models and data sizes, it is FedAvg.
     */
    public static double[] weighted(List<double[]> vectors, double[] weights) {
        if (vectors.isEmpty() || vectors.size() != weights.length) {
            throw new IllegalArgumentException(vectors.size() + " vectors for " + weights.length + " weights");
        }
        int n = vectors.get(0).length;
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
            }
            total += w;
        }
        if (total == 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        double[] out = new double[n];
        for (int k = 0; k < weights.length; k++) {
            double[] v = vectors.get(k);
            if (v.length != n) {
                throw new IllegalArgumentException("vectors of lengths " + n + " and " + v.length);
            }
            double f = weights[k] / total;
            for (int i = 0; i < n; i++) {
                out[i] += f * v[i];
            }
        }
        return out;
    }
}

package org.edgesim.device;

/**
 * A GPU whose latency for a batch of {@code B} samples is flat up to {@code thresholdBatch}, then
 * linear: {@code t(B) = fixedS} if {@code B <= Bth}, else {@code fixedS + perSampleS (B - Bth)}.
 */
public record GpuProfile(double fixedS, double perSampleS, double thresholdBatch) implements ComputeProfile {
    public GpuProfile {
        if (!(fixedS >= 0) || !Double.isFinite(fixedS)) {
            throw new IllegalArgumentException("GPU fixed latency must be >= 0 s, got " + fixedS);
        }
        if (!(perSampleS > 0) || !Double.isFinite(perSampleS)) {
            throw new IllegalArgumentException("GPU per-sample latency must be > 0 s, got " + perSampleS);
        }
        if (!(thresholdBatch >= 0) || !Double.isFinite(thresholdBatch)) {
            throw new IllegalArgumentException("GPU threshold batch must be >= 0, got " + thresholdBatch);
        }
    }

    /** Seconds to process a batch of {@code batch} samples. */
    public double latency(double batch) {
        if (!(batch >= 0)) {
            throw new IllegalArgumentException("batch must be >= 0, got " + batch);
        }
        return batch <= thresholdBatch ? fixedS : fixedS + perSampleS * (batch - thresholdBatch);
    }
}

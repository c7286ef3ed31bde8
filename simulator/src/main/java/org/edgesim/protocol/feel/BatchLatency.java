package org.edgesim.protocol.feel;

import org.edgesim.device.GpuProfile;

/**
 * A device's gradient-computation time against its batch size {@code B}:
 * {@code t(B) = fixedS + perSampleS * max(0, B - thresholdBatch)}. A CPU is linear
 * ({@code fixedS = thresholdBatch = 0}, {@code perSampleS = C / f}); a GPU is flat up to its
 * threshold, then linear (docs/models/feel.md, "One round").
 */
public record BatchLatency(double fixedS, double perSampleS, double thresholdBatch) {
    public BatchLatency {
        if (!(fixedS >= 0) || !(perSampleS > 0) || !(thresholdBatch >= 0) || !Double.isFinite(fixedS)
                || !Double.isFinite(perSampleS) || !Double.isFinite(thresholdBatch)) {
            throw new IllegalArgumentException("batch latency needs fixed >= 0 s, per-sample > 0 s and threshold >= 0,"
                    + " got " + fixedS + ", " + perSampleS + ", " + thresholdBatch);
        }
    }

    /** A CPU running {@code cyclesPerSample} cycles per sample. */
    public static BatchLatency cpu(double speedHz, double cyclesPerSample) {
        return new BatchLatency(0.0, cyclesPerSample / speedHz, 0.0);
    }

    public static BatchLatency gpu(GpuProfile gpu) {
        return new BatchLatency(gpu.fixedS(), gpu.perSampleS(), gpu.thresholdBatch());
    }

    /** Seconds for a batch of {@code batch} samples. */
    public double time(double batch) {
        return fixedS + perSampleS * Math.max(0.0, batch - thresholdBatch);
    }

    /**
     * One local epoch over {@code samples} samples in batches of {@code batch} (the last one
     * smaller): {@code ceil(samples / batch)} gradients, each followed by an update of {@code updateS}.
     */
    public double epochTime(int samples, int batch, double updateS) {
        int full = samples / batch;
        int rest = samples % batch;
        int steps = full + (rest > 0 ? 1 : 0);
        return full * time(batch) + (rest > 0 ? time(rest) : 0.0) + steps * updateS;
    }

    /**
     * The intercept of the linear region: {@code t(B) = intercept + perSample * B} for
     * {@code B >= thresholdBatch}.
     */
    public double intercept() {
        return fixedS - perSampleS * thresholdBatch;
    }

    /**
     * The smallest batch worth choosing, {@code max(1, threshold)} capped at {@code maxBatch}:
     * below the threshold a GPU takes as long as at it.
     */
    public double smallestUseful(double maxBatch) {
        return Math.min(maxBatch, Math.max(1.0, thresholdBatch));
    }
}

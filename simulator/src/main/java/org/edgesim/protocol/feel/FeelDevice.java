package org.edgesim.protocol.feel;

/**
 * One device as the scheduler sees it in a round.
 *
 * @param index       0-based device index
 * @param compute     gradient time against batch size
 * @param updateS     local model update time {@code t_M} (s)
 * @param samples     training samples held, {@code D_k}
 * @param rateUpBps   ergodic uplink rate over the whole band {@code R_U} (bit/s)
 * @param rateDownBps ergodic downlink rate {@code R_D} (bit/s)
 */
public record FeelDevice(int index, BatchLatency compute, double updateS, int samples, double rateUpBps,
                         double rateDownBps) {
    public FeelDevice {
        if (!(rateUpBps > 0) || !(rateDownBps > 0) || !Double.isFinite(rateUpBps) || !Double.isFinite(rateDownBps)) {
            throw new IllegalArgumentException("device " + index + " needs finite rates > 0, got up " + rateUpBps
                    + " and down " + rateDownBps + " bit/s");
        }
        if (!(updateS >= 0) || samples < 1) {
            throw new IllegalArgumentException("device " + index + " needs an update time >= 0 and a sample, got "
                    + updateS + " s and " + samples + " samples");
        }
    }
}

package org.edgesim.protocol.feel;

import java.util.List;
import umontreal.ssj.rng.RandomStream;

/**
 * What a FEEL scheduler sees at the start of a round.
 *
 * @param round      1-based
 * @param bits       the payload of this round's transfers {@code s = b p} (bits): a gradient's in
 *                   the snapshot a round starts with; {@link #forModels()} gives the view for schemes
 *                   that send models
 * @param modelBits  a model's size (bits), {@code protocol.bitsPerModelParameter} times {@code p}
 * @param frameUpS   uplink TDMA frame {@code Tf_U} (s)
 * @param frameDownS downlink TDMA frame {@code Tf_D} (s)
 * @param maxBatch   {@code Bmax}
 * @param devices    in index order
 * @param random     the schedulers' own stream ({@code scheduler/feel}), for those that draw
 * @param airComp    with {@code protocol.aggregation: aircomp}, what the over-the-air sum is made of; else null
 * @param upBits     what a device uploads (bits): {@code bits}, or fewer with {@code protocol.compression}
 * @param modelUpBits what a device uploads when it sends a model (bits), likewise
 */
public record FeelSnapshot(int round, double bits, double modelBits, double frameUpS, double frameDownS, int maxBatch,
                           List<FeelDevice> devices, RandomStream random, AirCompView airComp, double upBits,
                           double modelUpBits) {
    public FeelSnapshot {
        devices = List.copyOf(devices);
        if (devices.isEmpty() || maxBatch < 1 || !(bits > 0) || !(modelBits > 0) || !(frameUpS > 0) || !(frameDownS > 0)
                || !(upBits > 0) || !(modelUpBits > 0)) {
            throw new IllegalArgumentException("a FEEL round needs devices, Bmax >= 1, bits > 0 and frames > 0");
        }
        if (airComp != null && airComp.largeScale().length != devices.size()) {
            throw new IllegalArgumentException("the over-the-air view has " + airComp.largeScale().length
                    + " devices of " + devices.size());
        }
    }

    /** A digital round's snapshot (no over-the-air view). */
    public FeelSnapshot(int round, double bits, double modelBits, double frameUpS, double frameDownS, int maxBatch,
                        List<FeelDevice> devices, RandomStream random) {
        this(round, bits, modelBits, frameUpS, frameDownS, maxBatch, devices, random, null, bits, modelBits);
    }

    /** The same round for a scheme that sends models: its payload is {@link #modelBits()}. */
    public FeelSnapshot forModels() {
        return new FeelSnapshot(round, modelBits, modelBits, frameUpS, frameDownS, maxBatch, devices, random, airComp,
                modelUpBits, modelUpBits);
    }

    /** The snapshot whose payload is what {@code update} sends. */
    public FeelSnapshot payloadOf(Update update) {
        return update == Update.GRADIENT ? this : forModels();
    }

    public int size() {
        return devices.size();
    }

    public FeelDevice device(int k) {
        return devices.get(k);
    }

    /** {@code s Tf_U / R_U[k]}: device k's uplink slot time times its upload time ({@code s} what it uploads). */
    public double upCost(int k) {
        return upBits * frameUpS / devices.get(k).rateUpBps();
    }

    /** The payload broadcast to every device over the whole band at the weakest one's rate, {@code s / min_k R_D[k]}, s. */
    public double broadcastS() {
        double weakest = Double.POSITIVE_INFINITY;
        for (FeelDevice d : devices) {
            weakest = Math.min(weakest, d.rateDownBps());
        }
        return bits / weakest;
    }

    /** {@code s Tf_D / R_D[k]}. */
    public double downCost(int k) {
        return bits * frameDownS / devices.get(k).rateDownBps();
    }
}

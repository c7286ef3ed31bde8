package org.edgesim.radio;

import umontreal.ssj.probdist.NegativeBinomialDist;
import umontreal.ssj.rng.RandomStream;

/**
 * Packet loss with ARQ ({@code radio.packetErrorRate}, {@code radio.packetBits}): a payload goes
 * in {@code ceil(bits / packetBits)} packets of {@code packetBits} (the last one padded), each lost
 * independently with probability {@code errorRate} and sent again until it is received (no retry
 * limit; the acknowledgements take no time). The failures of {@code n} packets are negative
 * binomial: one uniform draw per transfer gives them, and they cost {@code failures x packetBits}
 * retransmitted bits, sent at the link's rate.
 *
 * @param errorRate  per-packet loss probability, in [0, 1)
 * @param packetBits bits per packet, > 0
 */
public record PacketLoss(double errorRate, double packetBits) {
    /** No loss: nothing is retransmitted and nothing is drawn. */
    public static final PacketLoss NONE = new PacketLoss(0.0, 12_000);

    public PacketLoss {
        if (!(errorRate >= 0 && errorRate < 1)) {
            throw new IllegalArgumentException("packet error rate must be in [0, 1), got " + errorRate);
        }
        if (!(packetBits > 0) || !Double.isFinite(packetBits)) {
            throw new IllegalArgumentException("packet size must be > 0 bits, got " + packetBits);
        }
    }

    /** Whether packets are lost at all (else no stream is drawn from). */
    public boolean lossy() {
        return errorRate > 0;
    }

    /** The packets a payload of {@code bits} goes in. */
    public long packets(double bits) {
        return (long) Math.ceil(bits / packetBits);
    }

    /** The bits retransmitted to deliver {@code bits}, from one draw of {@code stream}; 0 without loss. */
    public double retransmitted(double bits, RandomStream stream) {
        if (!lossy() || bits <= 0) {
            return 0.0;
        }
        long n = packets(bits);
        return NegativeBinomialDist.inverseF(n, 1 - errorRate, stream.nextDouble()) * packetBits;
    }
}

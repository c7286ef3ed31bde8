package org.edgesim.channel;

import org.edgesim.rng.Draws;
import umontreal.ssj.rng.RandomStream;

/**
 * CPSL's channel law, named {@value #NAME}: each device's SNR is given in dB, Gaussian around the
 * device's mean with deviation {@code sigmaDb} (0: the mean itself), drawn afresh per round and per
 * fading block; uplink and downlink alike (time-division duplex). The rate of one subcarrier per
 * hertz is eq. (14) of the paper, {@code log2(1 + SNR)}, under the two readings of its SNR
 * ({@code protocol.rate}): {@code instantaneous} (the SNR as drawn, the default) or {@code ergodic},
 * the rate averaged over Rayleigh fading around that SNR, {@code E[log2(1 + SNR |h|^2)]} with
 * {@code |h|^2 ~ Exp(1)}, which is {@code e^(1/SNR) E1(1/SNR) / ln 2} (E1 the exponential integral).
 * The paper does not state the second; its FL round of 33.43 s appears under it (docs/models/cpsl.md). It has no
 * path loss: a scenario's {@code radio.pathLoss} and {@code radio.fading} laws do not apply to it.
 *
 * @param sigmaDb the per-round deviation of the SNR around its mean, dB: finite, 0 to {@value #MAX_SIGMA_DB}
 * @param ergodic whether the rate is the ergodic one over Rayleigh fading around the drawn SNR
 */
public record SnrDbLaw(double sigmaDb, boolean ergodic) {
    public static final String NAME = "gaussian-snr-db";
    public static final String INSTANTANEOUS = "instantaneous";
    public static final String ERGODIC = "ergodic";
    /** A deviation beyond which the law draws SNRs no link budget gives (a 3-sigma swing of 90 dB). */
    public static final double MAX_SIGMA_DB = 30;

    public SnrDbLaw {
        if (!(sigmaDb >= 0 && sigmaDb <= MAX_SIGMA_DB)) {
            throw new IllegalArgumentException("the SNR's deviation must be 0 to " + MAX_SIGMA_DB + " dB, got " + sigmaDb);
        }
    }

    /** The law's line in a manifest. */
    public String describe() {
        String sigma = sigmaDb == Math.rint(sigmaDb) ? Long.toString((long) sigmaDb) : Double.toString(sigmaDb);
        return NAME + " (sigma " + sigma + " dB, " + (ergodic ? ERGODIC : INSTANTANEOUS) + " rate)";
    }

    /** A device's SNR in dB around its mean {@code meanDb}, from {@code stream} (nothing drawn when sigma is 0). */
    public double draw(RandomStream stream, double meanDb) {
        return sigmaDb == 0 ? meanDb : Draws.normal(stream, meanDb, sigmaDb);
    }

    /**
     * Device {@code k}'s SNR in dB as the scheduler sees it when it is {@code snrDb} around
     * {@code meanDb}, through what it knows of the channel ({@link ChannelKnowledge#snrDb}).
     */
    public double seen(ChannelKnowledge csi, int k, double snrDb, double meanDb) {
        return csi.snrDb(k, snrDb, meanDb, sigmaDb);
    }

    /**
     * Bits per second over {@code bandwidth} hertz at {@code snrDb} (computed in the order
     * {@code bandwidth * ln(1 + SNR) / ln 2}, the bits of edgesim's earlier outputs).
     */
    public double rate(double bandwidth, double snrDb) {
        return rate(ergodic, bandwidth, snrDb);
    }

    /** Bits per second over {@code bandwidth} hertz at {@code snrDb} under the reading {@code ergodic}. */
    static double rate(boolean ergodic, double bandwidth, double snrDb) {
        double snr = Math.pow(10, snrDb / 10);
        return ergodic ? bandwidth * ExpIntegral.scaledE1(1 / snr) / Math.log(2) : bandwidth * Math.log1p(snr) / Math.log(2);
    }

    /** Bits per second per hertz at {@code snrDb}. */
    public double bitsPerHz(double snrDb) {
        double snr = Math.pow(10, snrDb / 10);
        return ergodic ? ExpIntegral.scaledE1(1 / snr) / Math.log(2) : Math.log1p(snr) / Math.log(2);
    }
}

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
 * The paper does not state the second; its FL round of 33.43 s appears under it (cpsl.md). It has no
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
    private static final double EULER = 0.5772156649015329;

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
        return ergodic ? bandwidth * scaledE1(1 / snr) / Math.log(2) : bandwidth * Math.log1p(snr) / Math.log(2);
    }

    /** Bits per second per hertz at {@code snrDb}. */
    public double bitsPerHz(double snrDb) {
        double snr = Math.pow(10, snrDb / 10);
        return ergodic ? scaledE1(1 / snr) / Math.log(2) : Math.log1p(snr) / Math.log(2);
    }

    /**
     * {@code e^x E1(x)} for {@code x > 0}: the power series of E1 up to 1, the continued fraction
     * beyond (Numerical Recipes' expint), which gives the scaled value without overflow.
     */
    static double scaledE1(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("E1 needs x > 0, got " + x);
        }
        if (x <= 1) {
            double sum = 0;
            double term = 1;
            for (int k = 1; k < 200; k++) {
                term *= -x / k;
                double add = -term / k;
                sum += add;
                if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                    break;
                }
            }
            return Math.exp(x) * (-EULER - Math.log(x) + sum);
        }
        double tiny = 1e-300;
        double b = x + 1;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double a = -(double) i * i;
            b += 2;
            d = 1 / (a * d + b);
            c = b + a / c;
            double del = c * d;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) {
                break;
            }
        }
        return h;
    }
}

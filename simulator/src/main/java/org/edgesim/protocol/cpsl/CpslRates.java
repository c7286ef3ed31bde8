package org.edgesim.protocol.cpsl;

/**
 * The rate of one subcarrier per hertz, eq. (14) of the paper, {@code log2(1 + SNR)}, under the
 * two readings of its SNR ({@code protocol.rate}): {@code instantaneous} (the SNR as drawn, the
 * default) or {@code ergodic}, the rate averaged over Rayleigh fading around that SNR,
 * {@code E[log2(1 + SNR |h|^2)]} with {@code |h|^2 ~ Exp(1)}, which is
 * {@code e^(1/SNR) E1(1/SNR) / ln 2} (E1 the exponential integral). The paper does not state the
 * second; its FL round of 33.43 s appears under it (cpsl.md).
 */
public final class CpslRates {
    public static final String INSTANTANEOUS = "instantaneous";
    public static final String ERGODIC = "ergodic";
    private static final double EULER = 0.5772156649015329;

    private CpslRates() {
    }

    /**
     * Bits per second over {@code bandwidth} hertz at {@code snrDb} under the reading (computed in
     * the order {@code bandwidth * ln(1 + SNR) / ln 2}, the bits of edgesim's earlier outputs).
     */
    public static double rate(boolean ergodic, double bandwidth, double snrDb) {
        double snr = Math.pow(10, snrDb / 10);
        return ergodic ? bandwidth * scaledE1(1 / snr) / Math.log(2) : bandwidth * Math.log1p(snr) / Math.log(2);
    }

    /** Bits per second per hertz at {@code snrDb} under the reading. */
    public static double bitsPerHz(boolean ergodic, double snrDb) {
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

package org.edgesim.channel;

/**
 * What the schedulers know of one round's channel, device by device: an estimation error in dB
 * ({@code radio.csiError}) and, with {@code radio.csiAge}, the channel as it was that long before.
 * The outdated complex gain is {@code rho h + sqrt(1 - rho^2) w}, {@code w ~ CN(0, 1)} independent,
 * {@code rho = J_0(2 pi f_D csiAge)} (Jakes), so its power gain is again unit-mean exponential,
 * correlated {@code rho^2} with the true one. Knowledge is perfect when there is neither.
 *
 * @param errorDb     per device, the error in dB multiplying every gain (0: none)
 * @param correlation {@code rho}, the correlation of the complex gain seen with the true one (1: fresh)
 * @param innovations per device four standard normal draws (uplink real and imaginary parts of
 *                    {@code w}, then the downlink's); null when the knowledge is fresh
 * @param rayleigh    whether there is small-scale fading to be outdated ({@code radio.fading})
 */
public record ChannelKnowledge(double[] errorDb, double correlation, double[][] innovations, boolean rayleigh) {
    /** Whether the schedulers see the channel as it is. */
    public boolean perfect() {
        for (double e : errorDb) {
            if (e != 0) {
                return false;
            }
        }
        return innovations == null;
    }

    /** The factor {@code 10^(e_k / 10)} of device {@code k}'s estimation error. */
    public double errorFactor(int k) {
        return Math.pow(10, errorDb[k] / 10);
    }

    /** Device {@code k}'s Rayleigh small-scale power gain {@code g} as seen: outdated on the uplink or downlink. */
    public double fading(int k, boolean uplink, double g) {
        int i = uplink ? 0 : 2;
        double s = Math.sqrt((1 - correlation * correlation) / 2);
        double re = correlation * Math.sqrt(g) + s * innovations[k][i];
        double im = s * innovations[k][i + 1];
        return re * re + im * im;
    }

    /**
     * Device {@code k}'s SNR in dB as seen, when the true one, {@code snrDb}, is Gaussian of mean
     * {@code meanDb} and deviation {@code sigmaDb} (CPSL's law): outdated, it is correlated
     * {@code rho^2} with the truth (as Rayleigh power gains are) with the same law,
     * {@code mean + rho^2 (x - mean) + sqrt(1 - rho^4) sigma z}; then off by the error.
     */
    public double snrDb(int k, double snrDb, double meanDb, double sigmaDb) {
        double x = snrDb;
        if (innovations != null) {
            double r = correlation * correlation;
            x = meanDb + r * (snrDb - meanDb) + Math.sqrt(1 - r * r) * sigmaDb * innovations[k][0];
        }
        return x + errorDb[k];
    }
}

package org.edgesim.channel;

import org.edgesim.rng.Draws;
import umontreal.ssj.rng.RandomStream;

/**
 * Over-the-air aggregation by broadband analog aggregation (BAA; G. Zhu, Y. Wang and K. Huang,
 * "Broadband Analog Aggregation for Low-Latency Federated Edge Learning", IEEE Trans. Wireless
 * Commun., 2020): the selected devices send their updates at once, one real coordinate per
 * subcarrier and OFDM symbol, over {@code M} subcarriers of the band {@code B}; the access point
 * receives their sum plus noise. An update of {@code q} coordinates takes {@code ceil(q / M)}
 * symbols of {@code M / B} seconds, whatever the number of devices.
 * <p>
 * Truncated channel inversion: device {@code k} sends coordinate {@code i} on subcarrier
 * {@code m = i mod M} as {@code sqrt(rho0) u_k[i] / (s sqrt(L_k) h^_km)} when the small-scale power
 * gain it sees there, {@code |h^_km|^2}, is at least the threshold {@code g_th}, and nothing
 * otherwise; {@code L_k} is its large-scale gain (path loss and shadowing, known), {@code s} a scale
 * common to the devices (the largest root mean square of their updates, sent digitally at a
 * negligible cost: an assumption, so that every coordinate sent has mean power at most 1). Its mean
 * power per subcarrier is then at most {@code rho0 E[|h|^-2; |h|^2 >= g_th] / L_k}, {@code E_1(g_th)}
 * under Rayleigh fading, which the device's power {@code P / M} per subcarrier must cover:
 * {@code rho0 = min_k (P / M) L_k / E_1(g_th)}, set by the weakest selected device. The access
 * point takes the real part of what it receives, scales it by {@code s / sqrt(rho0)} and divides by
 * the number of devices that sent on the subcarrier ({@code |K_m|}; none: the coordinate is 0).
 * The aggregate's error is the noise, {@code s n / (sqrt(rho0) |K_m|)} with
 * {@code n ~ N(0, sigma^2 / 2)}, {@code sigma^2 = N_0 B / M}, and the missing (truncated) updates.
 * <p>
 * Imperfect CSI (the channel's {@link ChannelKnowledge}): everything is set on the gains as seen.
 * A device's large-scale gain is seen off by the error factor {@code f_k} ({@code radio.csiError}),
 * and its small-scale gain outdated by {@code rho} ({@code rho h + sqrt(1 - rho^2) w},
 * {@code w ~ CN(0, 1)} per subcarrier); {@code rho0} is computed on the seen {@code f_k L_k}, each
 * device truncates on its seen small-scale gain and inverts what it sees, so that each keeps its
 * power budget; its coordinates then arrive multiplied by {@code Re(h / h^) / sqrt(f_k)} instead of
 * 1 (the imaginary part is lost).
 */
public final class AnalogAggregation {
    private AnalogAggregation() {
    }

    /** Symbols an update of {@code coordinates} takes over {@code subcarriers}: {@code ceil(q / M)}. */
    public static long symbols(long coordinates, int subcarriers) {
        return (coordinates + subcarriers - 1) / subcarriers;
    }

    /** The airtime of one aggregation, s: {@code ceil(q / M) M / B} (OFDM symbols of {@code M / B}, no cyclic prefix). */
    public static double airtimeS(long coordinates, int subcarriers, double bandHz) {
        return symbols(coordinates, subcarriers) * (subcarriers / bandHz);
    }

    /**
     * {@code E[|h|^-2; |h|^2 >= g]} of a unit-mean small-scale power gain: {@code E_1(g)} under
     * Rayleigh fading; without fading 1 when {@code g <= 1}, else infinite (nothing is ever sent).
     */
    public static double inversePower(double threshold, boolean rayleigh) {
        if (rayleigh) {
            return threshold > 0 ? ExpIntegral.e1(threshold) : Double.POSITIVE_INFINITY;
        }
        return threshold <= 1 ? 1.0 : Double.POSITIVE_INFINITY;
    }

    /** The expected share of coordinates a device truncates: {@code 1 - exp(-g)} under Rayleigh; without fading 0 or 1. */
    public static double truncation(double threshold, boolean rayleigh) {
        return rayleigh ? -Math.expm1(-threshold) : threshold <= 1 ? 0.0 : 1.0;
    }

    /**
     * {@code rho0 = min_k (P / M) L_k / E[|h|^-2; |h|^2 >= g]} over the devices' large-scale gains
     * {@code largeScale}: the common received power per coordinate every device affords on average, W.
     */
    public static double rho0(double powerW, int subcarriers, double[] largeScale, double threshold, boolean rayleigh) {
        double weakest = Double.POSITIVE_INFINITY;
        for (double l : largeScale) {
            weakest = Math.min(weakest, l);
        }
        return powerW / subcarriers * weakest / inversePower(threshold, rayleigh);
    }

    /**
     * The settings of an aggregation.
     *
     * @param subcarriers  {@code M}
     * @param bandHz       {@code B}
     * @param noiseDensity {@code N_0}, W/Hz
     * @param powerW       a device's transmit power {@code P}, W, spread over the subcarriers
     * @param threshold    {@code g_th}, of the small-scale power gain (unit mean)
     * @param rayleigh     Rayleigh fading per subcarrier, else none
     */
    public record Settings(int subcarriers, double bandHz, double noiseDensity, double powerW, double threshold,
                           boolean rayleigh) {
        public Settings {
            if (subcarriers < 1 || !(bandHz > 0) || !(noiseDensity > 0) || !(powerW > 0) || !(threshold >= 0)) {
                throw new IllegalArgumentException("analog aggregation needs M >= 1, B > 0, N0 > 0, P > 0 and g_th >= 0,"
                        + " got " + subcarriers + ", " + bandHz + ", " + noiseDensity + ", " + powerW + ", " + threshold);
            }
        }

        /** The noise power on one subcarrier, {@code sigma^2 = N_0 B / M}, W. */
        public double noisePerSubcarrier() {
            return noiseDensity * bandHz / subcarriers;
        }
    }

    /**
     * One aggregation's channel: per device (index in the arrays given) and subcarrier, the factor
     * its coordinates arrive with, 0 where it truncates.
     *
     * @param coefficients per device, per subcarrier
     * @param rho0         the common received power per coordinate, W
     * @param noise        the noise on one subcarrier, {@code sigma^2}, W (with several cells, the
     *                     interference the access point heard added: {@link #plusNoise})
     * @param emittedW     per device, the power it puts out over its subcarriers,
     *                     {@code sum_m rho0 / (f_k L_k |h^_km|^2)} over those it sends on, W (a coordinate's
     *                     mean power taken at its bound, 1): what other cells hear of it
     */
    public record Round(double[][] coefficients, double rho0, double noise, double[] emittedW) {
        public Round {
            if (emittedW.length != coefficients.length) {
                throw new IllegalArgumentException(emittedW.length + " powers for " + coefficients.length + " devices");
            }
        }

        /** This aggregation with {@code watts} more noise on each subcarrier (interference heard). */
        public Round plusNoise(double watts) {
            if (!(watts >= 0)) {
                throw new IllegalArgumentException("added noise must be >= 0 W, got " + watts);
            }
            return watts == 0 ? this : new Round(coefficients, rho0, noise + watts, emittedW);
        }

        /** {@code 10 log10(rho0 / sigma^2)}: the receive SNR of one coordinate, dB. */
        public double snrDb() {
            return 10 * Math.log10(rho0 / noise);
        }

        /** How many devices send on subcarrier {@code m}. */
        public int contributors(int m) {
            int c = 0;
            for (double[] row : coefficients) {
                c += row[m] != 0 ? 1 : 0;
            }
            return c;
        }

        /** The share of (device, subcarrier) pairs that send. */
        public double participation() {
            long sent = 0;
            long all = 0;
            for (double[] row : coefficients) {
                for (double v : row) {
                    sent += v != 0 ? 1 : 0;
                    all++;
                }
            }
            return all == 0 ? 0.0 : (double) sent / all;
        }

        /**
         * The access point's estimate of the devices' mean update, coordinate by coordinate, from
         * {@code updates} (one per device, in the order of {@link #coefficients}), with the noise
         * drawn from {@code noiseStream} (one standard normal per coordinate, in order).
         */
        public double[] aggregate(double[][] updates, RandomStream noiseStream) {
            if (updates.length != coefficients.length) {
                throw new IllegalArgumentException(updates.length + " updates for " + coefficients.length + " devices");
            }
            int q = updates.length == 0 ? 0 : updates[0].length;
            double scale = 0;
            for (double[] u : updates) {
                if (u.length != q) {
                    throw new IllegalArgumentException("updates of " + q + " and " + u.length + " coordinates");
                }
                double sum = 0;
                for (double v : u) {
                    sum += v * v;
                }
                scale = Math.max(scale, Math.sqrt(sum / Math.max(1, q)));
            }
            int m = coefficients.length == 0 ? 1 : coefficients[0].length;
            int[] contributors = new int[m];
            for (int j = 0; j < m; j++) {
                contributors[j] = contributors(j);
            }
            double noiseSd = Math.sqrt(noise / 2) * scale / Math.sqrt(rho0);
            double[] out = new double[q];
            for (int i = 0; i < q; i++) {
                int j = i % m;
                double z = Draws.normal(noiseStream, 0, 1);
                if (contributors[j] == 0) {
                    continue;
                }
                double sum = 0;
                for (int k = 0; k < updates.length; k++) {
                    sum += coefficients[k][j] * updates[k][i];
                }
                out[i] = (sum + noiseSd * z) / contributors[j];
            }
            return out;
        }
    }

    /**
     * Draws one aggregation's channel for devices of large-scale gains {@code largeScale}, seen with
     * error factor {@code errorFactor[k]} ({@code 10^(e_k / 10)}): per device and subcarrier its
     * small-scale gain from {@code fading[k]} (Rayleigh: two standard normals; then, when
     * {@code correlation < 1}, two more for the outdated estimate).
     */
    public static Round draw(Settings s, double[] largeScale, double[] errorFactor, double correlation,
                             RandomStream[] fading) {
        int n = largeScale.length;
        double[] seenLarge = new double[n];
        for (int k = 0; k < n; k++) {
            seenLarge[k] = largeScale[k] * errorFactor[k];
        }
        double rho0 = rho0(s.powerW(), s.subcarriers(), seenLarge, s.threshold(), s.rayleigh());
        double[][] c = new double[n][s.subcarriers()];
        double[] emitted = new double[n];
        double outdated = Math.sqrt(Math.max(0, 1 - correlation * correlation));
        for (int k = 0; k < n; k++) {
            double f = errorFactor[k];
            for (int m = 0; m < s.subcarriers(); m++) {
                double re = 1;
                double im = 0;
                double seenRe = 1;
                double seenIm = 0;
                if (s.rayleigh()) {
                    re = Draws.normal(fading[k], 0, Math.sqrt(0.5));
                    im = Draws.normal(fading[k], 0, Math.sqrt(0.5));
                    seenRe = re;
                    seenIm = im;
                    if (correlation < 1) {
                        seenRe = correlation * re + outdated * Draws.normal(fading[k], 0, Math.sqrt(0.5));
                        seenIm = correlation * im + outdated * Draws.normal(fading[k], 0, Math.sqrt(0.5));
                    }
                }
                double seen = seenRe * seenRe + seenIm * seenIm;
                if (!(seen >= s.threshold()) || !(rho0 > 0)) {
                    continue;
                }
                // Re(h / h^) = Re(h conj(h^)) / |h^|^2
                c[k][m] = (re * seenRe + im * seenIm) / seen / Math.sqrt(f);
                emitted[k] += rho0 / (seenLarge[k] * seen);
            }
        }
        return new Round(c, rho0, s.noisePerSubcarrier(), emitted);
    }
}

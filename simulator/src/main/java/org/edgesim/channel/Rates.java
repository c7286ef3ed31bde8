package org.edgesim.channel;

/** Shannon rates. Bandwidth in Hz, rates in bit/s, spectral efficiencies in bit/s/Hz. */
public final class Rates {
    private static final double LN2 = Math.log(2.0);

    private Rates() {
    }

    /** Signal-to-noise ratio of power {@code powerW} through gain {@code gain} over noise {@code noiseW}. */
    public static double snr(double powerW, double gain, double noiseW) {
        return powerW * gain / noiseW;
    }

    /** Noise power in watts over {@code bandwidthHz} with density {@code densityWPerHz}. */
    public static double noise(double densityWPerHz, double bandwidthHz) {
        return densityWPerHz * bandwidthHz;
    }

    /** {@code log2(1 + snr)}. */
    public static double spectralEfficiency(double snr) {
        return Math.log1p(snr) / LN2;
    }

    /** {@code W log2(1 + snr)}. */
    public static double rate(double bandwidthHz, double snr) {
        return bandwidthHz * spectralEfficiency(snr);
    }

    /**
     * Ergodic spectral efficiency under Rayleigh fading with mean SNR {@code s}:
     * {@code E[log2(1 + s g)] = e^(1/s) E1(1/s) / ln 2}, {@code g ~ Exp(1)}.
     */
    public static double ergodicSpectralEfficiency(double meanSnr) {
        if (!(meanSnr >= 0) || Double.isInfinite(meanSnr)) {
            throw new IllegalArgumentException("mean SNR must be finite and >= 0, got " + meanSnr);
        }
        return meanSnr == 0.0 ? 0.0 : ExpIntegral.scaledE1OfInverse(meanSnr) / LN2;
    }
}

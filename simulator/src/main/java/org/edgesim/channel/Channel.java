package org.edgesim.channel;

import java.util.function.DoubleUnaryOperator;

/**
 * The channel as protocols read it: rates from powers, gains and noise, under the scenario's
 * small-scale fading law. It is the one door from a protocol to the channel's laws (the
 * architecture test holds protocols to it), so a new fading law reaches every protocol through
 * {@link #ergodic} without a protocol changing. Two readings of a link, each a protocol's (and
 * its paper's) choice:
 * <ul>
 * <li>{@link #ergodic}: the rate averaged over the law's fading around a large-scale gain
 * {@code L} (path gain times shadowing), {@code E[log2(1 + P L g / N)]};</li>
 * <li>{@link #drawn}: the rate of a gain whose fading is already drawn (a round's or a fading
 * block's draw under the same law), {@code log2(1 + P H / N)}.</li>
 * </ul>
 * Powers in watts, gains as power ratios, noise in watts, bandwidths in hertz, efficiencies in
 * bit/s/Hz. CPSL's channel is the {@link SnrDbLaw} (SNRs given in dB, no gains).
 */
public final class Channel {
    private final Fading fading;

    public Channel(Fading fading) {
        this.fading = java.util.Objects.requireNonNull(fading, "fading");
    }

    /** The fading law's name, for manifests. */
    public String fadingLaw() {
        return fading.name();
    }

    /** Noise power in watts over {@code bandHz} at density {@code densityWPerHz}. */
    public double noise(double densityWPerHz, double bandHz) {
        return Rates.noise(densityWPerHz, bandHz);
    }

    /** The ergodic spectral efficiency at power {@code powerW} through large-scale gain {@code largeScale} over {@code noiseW}. */
    public double ergodic(double powerW, double largeScale, double noiseW) {
        return fading.efficiency(Rates.snr(powerW, largeScale, noiseW));
    }

    /** The spectral efficiency at power {@code powerW} through a gain {@code gain} with its fading drawn, over {@code noiseW}. */
    public double drawn(double powerW, double gain, double noiseW) {
        return Rates.spectralEfficiency(Rates.snr(powerW, gain, noiseW));
    }

    /** {@link #ergodic} as a function of the mean SINR (links through the air the cells share). */
    public DoubleUnaryOperator ergodicOfSinr() {
        return fading::efficiency;
    }

    /** A fresh small-scale power gain under the law, drawn from {@code stream} (a fading block's). */
    double fade(umontreal.ssj.rng.RandomStream stream) {
        return fading.draw(stream);
    }

    /** {@link #drawn} as a function of the SINR. */
    public DoubleUnaryOperator drawnOfSinr() {
        return Rates::spectralEfficiency;
    }
}

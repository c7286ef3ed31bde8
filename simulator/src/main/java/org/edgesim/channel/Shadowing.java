package org.edgesim.channel;

import org.edgesim.radio.Decibel;
import org.edgesim.rng.Draws;
import umontreal.ssj.rng.RandomStream;

/**
 * Log-normal shadowing: a per-round Gaussian deviation in dB around the link's mean SNR.
 *
 * @param sigmaDb standard deviation in dB ({@code >= 0}; 0 switches it off without drawing)
 */
public record Shadowing(double sigmaDb) {
    public static final Shadowing NONE = new Shadowing(0.0);

    public Shadowing {
        if (!(sigmaDb >= 0) || !Double.isFinite(sigmaDb)) {
            throw new IllegalArgumentException("shadowing sigma must be >= 0 dB, got " + sigmaDb);
        }
    }

    /** Whether it is switched off (draws nothing). */
    public boolean isOff() {
        return sigmaDb == 0.0;
    }

    /** A linear power factor {@code 10^(X/10)}, {@code X ~ N(0, sigma^2)}. */
    public double draw(RandomStream stream) {
        return sigmaDb == 0.0 ? 1.0 : Decibel.toLinear(Draws.normal(stream, 0.0, sigmaDb));
    }
}

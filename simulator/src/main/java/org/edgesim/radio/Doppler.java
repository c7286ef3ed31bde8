package org.edgesim.radio;

import org.apache.commons.math3.special.BesselJ;

/**
 * The time behaviour of a moving device's Rayleigh channel under Clarke's (Jakes') model: Doppler
 * frequency {@code f_D = v f_c / c}, coherence time {@code 0.423 / f_D} (the rule of thumb that
 * takes the geometric mean of {@code 1 / f_D} and {@code 9 / (16 pi f_D)}), and the correlation of
 * the complex gain over a lag {@code tau}, {@code J_0(2 pi f_D tau)}.
 *
 * @param speed   m/s
 * @param carrier Hz
 */
public record Doppler(double speed, double carrier) {
    /** Speed of light, m/s. */
    public static final double LIGHT = 299_792_458.0;

    public Doppler {
        if (!(speed > 0) || !(carrier > 0) || !Double.isFinite(speed) || !Double.isFinite(carrier)) {
            throw new IllegalArgumentException("speed and carrier must be positive, got " + speed + " m/s, " + carrier
                    + " Hz");
        }
    }

    /** Maximum Doppler shift {@code f_D}, Hz. */
    public double frequency() {
        return speed * carrier / LIGHT;
    }

    /** Coherence time {@code 0.423 / f_D}, s. */
    public double coherenceTime() {
        return 0.423 / frequency();
    }

    /** Correlation {@code J_0(2 pi f_D tau)} of the complex gain at {@code tau} seconds apart (1 at 0; may be negative). */
    public double correlation(double tau) {
        if (!(tau >= 0)) {
            throw new IllegalArgumentException("lag must be >= 0, got " + tau);
        }
        return tau == 0 ? 1.0 : BesselJ.value(0, 2 * Math.PI * frequency() * tau);
    }
}

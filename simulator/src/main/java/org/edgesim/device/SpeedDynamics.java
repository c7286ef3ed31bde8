package org.edgesim.device;

import org.edgesim.rng.Draws;
import umontreal.ssj.rng.RandomStream;

/**
 * Per-round compute speed: Gaussian around the device's mean with standard deviation
 * {@code sigma} (same unit as the speed). A draw below {@code FLOOR} times the mean is clipped
 * there, so a speed is always positive and a device is at worst twice slower than on average (the
 * papers leave the tail unsaid; CPSL's sigma of 0.05 GHz around means down to 0.1 GHz would
 * otherwise give near-zero speeds and rounds of minutes); with {@code sigma = 0} no draw is taken.
 */
public record SpeedDynamics(double sigma) {
    public static final SpeedDynamics STATIC = new SpeedDynamics(0.0);
    /** Smallest realised speed, as a fraction of the mean. */
    public static final double FLOOR = 0.5;

    public SpeedDynamics {
        if (!(sigma >= 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("speed sigma must be >= 0, got " + sigma);
        }
    }

    /** Whether speeds are static (no draw is taken). */
    public boolean isOff() {
        return sigma == 0.0;
    }

    /** This round's speed. */
    public double draw(double mean, RandomStream stream) {
        if (sigma == 0.0) {
            return mean;
        }
        return Math.max(FLOOR * mean, Draws.normal(stream, mean, sigma));
    }
}

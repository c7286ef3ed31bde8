package org.edgesim.channel.tr38901;

/**
 * One link's geometry and carrier, as TR 38.901's large-scale laws take them.
 *
 * @param distance2dM        horizontal distance between base station and device, m
 * @param bsHeightM          the base station's antenna height, m
 * @param utHeightM          the device's antenna height, m
 * @param carrierHz          the carrier frequency, Hz
 * @param environmentHeightM the effective environment height h_E of the LOS breakpoint, m: 1 m but
 *                           for UMa, where it is drawn once per link
 *                           ({@link LargeScale#environmentHeight})
 */
public record Link(double distance2dM, double bsHeightM, double utHeightM, double carrierHz,
                   double environmentHeightM) {
    public Link {
        for (double v : new double[] {distance2dM, bsHeightM, utHeightM, carrierHz, environmentHeightM}) {
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException("a link's distances, heights and carrier must be finite and >= 0");
            }
        }
        if (!(carrierHz > 0)) {
            throw new IllegalArgumentException("carrier must be > 0 Hz");
        }
    }

    /** With {@code h_E = 1 m}. */
    public Link(double distance2dM, double bsHeightM, double utHeightM, double carrierHz) {
        this(distance2dM, bsHeightM, utHeightM, carrierHz, 1.0);
    }

    /** The straight-line distance between the antennas, m. */
    public double distance3dM() {
        double dh = bsHeightM - utHeightM;
        return Math.sqrt(distance2dM * distance2dM + dh * dh);
    }

    /** The carrier in GHz, as the path-loss formulas take it. */
    public double carrierGHz() {
        return carrierHz / 1e9;
    }
}

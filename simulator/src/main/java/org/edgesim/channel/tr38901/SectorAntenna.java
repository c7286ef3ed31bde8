package org.edgesim.channel.tr38901;

/**
 * A sector's base-station antenna as TR 38.901 models it for its calibrations: the element pattern
 * of Table 7.3-1 (65 degree half-power beamwidths, 30 dB front-to-back and side-lobe floors, 8 dBi
 * at its peak) in a vertical column of {@code elements} elements, {@code spacing} wavelengths apart,
 * fed with the phases that steer it to the zenith angle {@code tiltDeg} (the electrical tilt: 102
 * degrees is 12 degrees below the horizon), all mapped to one port with the weights
 * {@code w_m = exp(-j 2 pi (m - 1) d_V cos(theta_tilt)) / sqrt(M)} (TR 36.873's single-port column,
 * which TR 38.901's large-scale calibration uses as its configuration 1). Angles in degrees:
 * the zenith angle {@code theta} (90 on the horizon, larger below) and the azimuth {@code phi}
 * from the sector's boresight.
 *
 * @param elements the elements of the column, M &gt;= 1
 * @param spacing  their spacing d_V in wavelengths, &gt; 0
 * @param tiltDeg  the electrical tilt as a zenith angle, 0 to 180
 */
public record SectorAntenna(int elements, double spacing, double tiltDeg) {
    /** The element's gain at its peak, dBi (Table 7.3-1). */
    public static final double ELEMENT_GAIN_DBI = 8;
    private static final double BEAMWIDTH_DEG = 65;
    private static final double FLOOR_DB = 30;

    public SectorAntenna {
        if (elements < 1 || !(spacing > 0) || !Double.isFinite(spacing) || !(tiltDeg >= 0 && tiltDeg <= 180)) {
            throw new IllegalArgumentException("a sector antenna needs elements >= 1, a finite spacing > 0 and a tilt"
                    + " of 0-180 degrees, got " + elements + ", " + spacing + ", " + tiltDeg);
        }
    }

    /** The element's gain, dBi: {@code G_max - min(-(A_V + A_H), A_max)} of Table 7.3-1. */
    public static double elementDbi(double zenithDeg, double azimuthDeg) {
        double v = -Math.min(12 * sq((zenithDeg - 90) / BEAMWIDTH_DEG), FLOOR_DB);
        double h = -Math.min(12 * sq(wrap(azimuthDeg) / BEAMWIDTH_DEG), FLOOR_DB);
        return ELEMENT_GAIN_DBI - Math.min(-(v + h), FLOOR_DB);
    }

    /**
     * The column's array gain, dB: {@code |sum_m w_m v_m|^2} with {@code v_m = exp(j 2 pi (m - 1)
     * d_V cos(theta))}, in closed form {@code sin^2(M psi / 2) / (M sin^2(psi / 2))},
     * {@code psi = 2 pi d_V (cos theta - cos theta_tilt)}; {@code 10 log10 M} where the beam points.
     */
    public double arrayDb(double zenithDeg) {
        double psi = 2 * Math.PI * spacing * (Math.cos(Math.toRadians(zenithDeg)) - Math.cos(Math.toRadians(tiltDeg)));
        double half = Math.sin(psi / 2);
        if (Math.abs(half) < 1e-12) {
            return 10 * Math.log10(elements);
        }
        double g = sq(Math.sin(elements * psi / 2)) / (elements * half * half);
        return 10 * Math.log10(Math.max(g, 1e-30));
    }

    /** The sector's gain toward ({@code zenithDeg}, {@code azimuthDeg}), dBi. */
    public double gainDbi(double zenithDeg, double azimuthDeg) {
        return elementDbi(zenithDeg, azimuthDeg) + arrayDb(zenithDeg);
    }

    /** An azimuth in degrees brought into [-180, 180). */
    static double wrap(double deg) {
        double w = (deg + 180) % 360;
        return (w < 0 ? w + 360 : w) - 180;
    }

    private static double sq(double x) {
        return x * x;
    }
}

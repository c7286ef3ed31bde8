package org.edgesim.channel;

import org.edgesim.radio.Decibel;

/**
 * A log-distance path-loss law {@code PL[dB] = intercept + slope * log10(d / reference)}.
 *
 * @param interceptDb loss at the reference distance, dB
 * @param slopeDb     dB per decade of distance
 * @param referenceM  reference distance, metres ({@code > 0})
 */
public record PathLoss(double interceptDb, double slopeDb, double referenceM) {
    /** 3GPP urban macro as used by the PARTEL and FEEL papers: 128.1 + 37.6 log10(d[km]). */
    public static final PathLoss URBAN_MACRO = new PathLoss(128.1, 37.6, 1000.0);
    /** The asynchronous-MEL paper's indoor attenuation, as it writes it: 7 + 2.1 log10(d[m]). */
    public static final PathLoss INDOOR = new PathLoss(7.0, 2.1, 1.0);

    public PathLoss {
        if (!Double.isFinite(interceptDb) || !Double.isFinite(slopeDb)) {
            throw new IllegalArgumentException("path-loss intercept and slope must be finite");
        }
        if (!(referenceM > 0) || !Double.isFinite(referenceM)) {
            throw new IllegalArgumentException("path-loss reference distance must be > 0 m, got " + referenceM);
        }
    }

    /** Loss in dB at {@code distanceM} metres ({@code > 0}). */
    public double lossDb(double distanceM) {
        if (!(distanceM > 0)) {
            throw new IllegalArgumentException("distance must be > 0 m, got " + distanceM);
        }
        return interceptDb + slopeDb * Math.log10(distanceM / referenceM);
    }

    /** Large-scale power gain {@code 10^(-PL/10)} at {@code distanceM} metres. */
    public double gain(double distanceM) {
        return Decibel.toLinear(-lossDb(distanceM));
    }
}

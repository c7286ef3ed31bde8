package org.edgesim.radio;

import umontreal.ssj.rng.RandomStream;

/**
 * A circular cell of radius {@code radiusM} with the access point at the centre; devices are
 * dropped uniformly in area over the annulus {@code minDistanceM <= d <= radiusM}, which keeps path
 * loss finite: {@code d = sqrt(dmin^2 + (r^2 - dmin^2) U)}, angle {@code 2 pi V}.
 */
public record Disk(double radiusM, double minDistanceM) {
    public Disk {
        if (!(minDistanceM > 0) || !Double.isFinite(minDistanceM)) {
            throw new IllegalArgumentException("minimum distance must be > 0 m, got " + minDistanceM);
        }
        if (!(radiusM >= minDistanceM) || !Double.isFinite(radiusM)) {
            throw new IllegalArgumentException("cell radius " + radiusM + " m must be finite and >= the minimum distance "
                    + minDistanceM + " m");
        }
    }

    /** A uniform drop; takes exactly two uniforms from {@code stream}. */
    public Position drop(RandomStream stream) {
        double u = stream.nextDouble();
        double v = stream.nextDouble();
        double d = Math.sqrt(minDistanceM * minDistanceM + (radiusM * radiusM - minDistanceM * minDistanceM) * u);
        double angle = 2.0 * Math.PI * v;
        return new Position(d * Math.cos(angle), d * Math.sin(angle));
    }
}

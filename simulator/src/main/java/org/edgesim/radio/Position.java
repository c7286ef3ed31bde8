package org.edgesim.radio;

/** A point in the cell plane, metres, the access point at the origin. */
public record Position(double x, double y) {
    /** Distance to the access point, metres. */
    public double distance() {
        return Math.hypot(x, y);
    }
}

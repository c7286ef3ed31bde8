package org.edgesim.radio;

/** A point in the cell plane, metres, the access point at the origin. */
public record Position(double x, double y) {
    /** This point moved by {@code by}. */
    public Position plus(Position by) {
        return new Position(x + by.x, y + by.y);
    }

    /** Distance to the access point, metres. */
    public double distance() {
        return Math.hypot(x, y);
    }
}

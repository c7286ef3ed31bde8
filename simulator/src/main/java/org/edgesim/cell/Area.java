package org.edgesim.cell;

import java.util.List;
import org.edgesim.radio.Position;
import umontreal.ssj.rng.RandomStream;

/**
 * The area several cells cover: the union of the disks of radius {@code radius} around
 * the sites, less {@code minDistance} around each (which keeps path loss finite). A drop is
 * uniform over it, by rejection from the bounding box: two uniforms per try from the device's
 * stream, until one falls inside.
 */
public record Area(List<Position> sites, double radius, double minDistance) {
    public Area {
        sites = List.copyOf(sites);
        if (sites.isEmpty()) {
            throw new IllegalArgumentException("an area needs at least one site");
        }
        if (!(minDistance > 0) || !(radius > minDistance)) {
            throw new IllegalArgumentException("need 0 < minDistance < radius, got " + minDistance + " and " + radius);
        }
    }

    /** Whether {@code p} lies in the area. */
    public boolean contains(Position p) {
        boolean covered = false;
        for (Position s : sites) {
            double d = Math.hypot(p.x() - s.x(), p.y() - s.y());
            if (d < minDistance) {
                return false;
            }
            covered |= d <= radius;
        }
        return covered;
    }

    /** A uniform drop over the area. */
    public Position drop(RandomStream stream) {
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Position s : sites) {
            x0 = Math.min(x0, s.x() - radius);
            x1 = Math.max(x1, s.x() + radius);
            y0 = Math.min(y0, s.y() - radius);
            y1 = Math.max(y1, s.y() + radius);
        }
        while (true) {
            Position p = new Position(x0 + (x1 - x0) * stream.nextDouble(), y0 + (y1 - y0) * stream.nextDouble());
            if (contains(p)) {
                return p;
            }
        }
    }
}

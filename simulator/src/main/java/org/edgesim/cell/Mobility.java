package org.edgesim.cell;

import org.edgesim.radio.Position;
import umontreal.ssj.rng.RandomStream;

/**
 * How devices move between rounds, each on its own stream ({@code mobility/device-k}).
 * {@code HEADING}: straight on at the speed, on a heading given or drawn uniformly once per device;
 * a device about to leave the area turns back (which keeps a uniform spread uniform; the edge is
 * checked a step of a hundredth of the cell radius ahead).
 * {@code WAYPOINT}: random waypoint without pauses: straight to a point drawn uniformly over the
 * area, then to the next.
 */
public final class Mobility {
    /** The models. */
    public enum Model { HEADING, WAYPOINT }

    private final Model model;
    private final double speed;
    private final Area area;
    private final RandomStream[] streams;
    private final double[] heading;
    private final Position[] target;
    /** The step a heading walk checks the area's edge at, m. */
    private final double step;

    /**
     * @param speed   m/s
     * @param heading radians for every device, or NaN: each draws its own (only for {@code HEADING})
     */
    public Mobility(Model model, double speed, double heading, Area area, RandomStream[] streams) {
        this.model = model;
        this.speed = speed;
        this.area = area;
        this.streams = streams.clone();
        int n = streams.length;
        this.heading = new double[n];
        this.target = new Position[n];
        for (int k = 0; k < n; k++) {
            if (model == Model.HEADING) {
                this.heading[k] = Double.isNaN(heading) ? 2 * Math.PI * streams[k].nextDouble() : heading;
            }
        }
        this.step = area.radius() / 100;
    }

    /** Where device {@code k}, at {@code p}, is {@code seconds} later. */
    public Position move(int k, Position p, double seconds) {
        double left = speed * seconds;
        return model == Model.HEADING ? walk(k, p, left) : toWaypoints(k, p, left);
    }

    private Position walk(int k, Position p, double distance) {
        Position at = p;
        while (distance > 0) {
            double d = Math.min(step, distance);
            Position next = new Position(at.x() + d * Math.cos(heading[k]), at.y() + d * Math.sin(heading[k]));
            if (!area.contains(next)) {
                heading[k] += Math.PI;
                next = new Position(at.x() + d * Math.cos(heading[k]), at.y() + d * Math.sin(heading[k]));
                if (!area.contains(next)) {
                    next = at;
                }
            }
            at = next;
            distance -= d;
        }
        return at;
    }

    private Position toWaypoints(int k, Position p, double distance) {
        Position at = p;
        while (true) {
            if (target[k] == null) {
                target[k] = area.drop(streams[k]);
            }
            double dx = target[k].x() - at.x();
            double dy = target[k].y() - at.y();
            double to = Math.hypot(dx, dy);
            if (to > distance) {
                return new Position(at.x() + dx * distance / to, at.y() + dy * distance / to);
            }
            at = target[k];
            distance -= to;
            target[k] = null;
        }
    }
}

package org.edgesim.cell;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.radio.Disk;
import org.edgesim.channel.PathGains;
import org.edgesim.radio.Position;
import umontreal.ssj.rng.RandomStream;

/**
 * Where the devices of several cells are, round by round, and which cell serves each.
 * Before each round the devices move for the time since the last round started ({@link Mobility}),
 * and each is associated afresh ({@link Association}); a device whose cell changed was handed over,
 * with its data. Fixed membership (PARTEL's topology) keeps every device with the cell it was
 * dropped in. Path gains to the serving site are taken at {@code minDistance} at least.
 */
public final class Placement {
    private final Layout layout;
    private final Area area;
    private final Association association;
    private final double[] sitePowers;
    private final PathGains gains;
    private final Mobility mobility;
    private final boolean fixed;
    private final Position[] positions;
    private final int[] serving;
    private final boolean[] handedOver;
    private final int[] handovers;
    private double lastMove;
    private int round;

    private Placement(Layout layout, Area area, Association association, double[] sitePowers, PathGains gains,
                      Mobility mobility, boolean fixed, Position[] positions, int[] serving) {
        this.layout = layout;
        this.area = area;
        this.association = association;
        this.sitePowers = sitePowers.clone();
        this.gains = gains;
        this.mobility = mobility;
        this.fixed = fixed;
        this.positions = positions;
        this.serving = serving;
        this.handedOver = new boolean[positions.length];
        this.handovers = new int[positions.length];
    }

    /**
     * Devices dropped uniformly over {@code area} (one stream each, {@code drop/device-k}; one
     * site: on its {@code disk}, as one cell drops them),
     * associated by {@code association} with site {@code c} sending at {@code sitePowers[c]}, moving by
     * {@code mobility} (null: they stay).
     */
    public static Placement over(Layout layout, Area area, Disk disk, Association association, double[] sitePowers,
                                 PathGains gains, Mobility mobility, RandomStream[] drops) {
        Position[] positions = new Position[drops.length];
        for (int k = 0; k < positions.length; k++) {
            // One site: its disk's drop, the one cell's own draws.
            positions[k] = layout.size() == 1 ? disk.drop(drops[k]).plus(layout.sites().get(0)) : area.drop(drops[k]);
        }
        return at(layout, area, association, sitePowers, gains, mobility, positions);
    }

    /** Devices at {@code positions} (hand-built), associated and moving as {@link #over} says. */
    public static Placement at(Layout layout, Area area, Association association, double[] sitePowers,
                               PathGains gains, Mobility mobility, Position[] positions) {
        int n = positions.length;
        int[] serving = new int[n];
        double[] powers = sitePowers.clone();
        for (int k = 0; k < n; k++) {
            serving[k] = association.serving(k, positions[k], layout.sites(), powers, gains);
        }
        return new Placement(layout, area, association, powers, gains, mobility, false, positions.clone(), serving);
    }

    /**
     * {@code perCell} devices in each cell, device {@code k} in cell {@code k / perCell}, dropped
     * uniformly over the part of the annulus {@code disk} around its site that is nearer its site
     * than any other (its hexagon, on a grid whose disks circumscribe them), by rejection from
     * stream {@code drop/device-k}; they never move or change cell.
     */
    public static Placement fixed(Layout layout, Disk disk, PathGains gains, int perCell, RandomStream[] drops) {
        int n = drops.length;
        Position[] positions = new Position[n];
        int[] serving = new int[n];
        for (int k = 0; k < n; k++) {
            serving[k] = k / perCell;
            Position site = layout.sites().get(serving[k]);
            do {
                positions[k] = disk.drop(drops[k]).plus(site);
            } while (layout.nearest(positions[k]) != serving[k]);
        }
        Area area = new Area(layout.sites(), disk.radiusM(), disk.minDistanceM());
        return new Placement(layout, area, Association.NEAREST, new double[layout.size()], gains, null, true,
                positions, serving);
    }

    public int devices() {
        return positions.length;
    }

    public Layout layout() {
        return layout;
    }

    /**
     * Round {@code round} starts at {@code now}: the devices move for the time since the last round
     * started and are associated afresh; the devices each cell serves, in index order.
     */
    public int[][] advance(int round, double now) {
        if (round != this.round + 1) {
            throw new IllegalStateException("round " + round + " after round " + this.round);
        }
        this.round = round;
        java.util.Arrays.fill(handedOver, false);
        if (round > 1 && !fixed) {
            double dt = now - lastMove;
            for (int k = 0; k < positions.length; k++) {
                if (mobility != null) {
                    positions[k] = mobility.move(k, positions[k], dt);
                }
                int c = association.serving(k, positions[k], layout.sites(), sitePowers, gains);
                if (c != serving[k]) {
                    serving[k] = c;
                    handedOver[k] = true;
                    handovers[k]++;
                }
            }
        }
        lastMove = now;
        List<List<Integer>> members = new ArrayList<>();
        for (int c = 0; c < layout.size(); c++) {
            members.add(new ArrayList<>());
        }
        for (int k = 0; k < positions.length; k++) {
            members.get(serving[k]).add(k);
        }
        int[][] out = new int[layout.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = members.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    public Position position(int k) {
        return positions[k];
    }

    /** The cell serving device {@code k} this round. */
    public int serving(int k) {
        return serving[k];
    }

    /** Whether device {@code k} was handed over at this round's start. */
    public boolean handedOver(int k) {
        return handedOver[k];
    }

    /** How many times device {@code k} has been handed over so far. */
    public int handovers(int k) {
        return handovers[k];
    }

    /** Device {@code k}'s distance to its serving site, m. */
    public double distance(int k) {
        Position s = layout.sites().get(serving[k]);
        return Math.hypot(positions[k].x() - s.x(), positions[k].y() - s.y());
    }

    /** Device {@code k}'s mean path gain to its serving site. */
    public double pathGain(int k) {
        return gains.gain(k, positions[k], serving[k], layout.sites().get(serving[k]),
                Math.max(area.minDistance(), distance(k)));
    }
}

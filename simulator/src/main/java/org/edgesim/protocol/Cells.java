package org.edgesim.protocol;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.Area;
import org.edgesim.cell.Association;
import org.edgesim.cell.Layout;
import org.edgesim.cell.Mobility;
import org.edgesim.cell.Placement;
import org.edgesim.cell.StreamKeys;
import org.edgesim.channel.Air;
import org.edgesim.channel.Medium;
import org.edgesim.channel.PathGains;
import org.edgesim.kernel.Kernel;
import org.edgesim.radio.Disk;
import org.edgesim.radio.Position;
import org.edgesim.rng.RandomStreams;
import org.edgesim.round.RoundLoop;
import org.edgesim.scenario.CellsSpec;
import org.edgesim.scenario.Scenario;
import umontreal.ssj.rng.RandomStream;

/**
 * The several cells of a run: where the devices are and which site serves them, the
 * air they share, and the band each cell has. Null with one cell (no {@code cells} section, or
 * one site whose devices stay): then the run is exactly the one-cell run.
 */
public record Cells(Placement placement, Medium medium, int count, double bandHz, int[] bands, double[] powers)
        implements Air.Sites {
    @Override
    public double power(int cell) {
        return powers[cell];
    }

    /** Device {@code k}'s distance to the site serving it now, m. */
    public double distance(int k) {
        return placement.distance(k);
    }

    @Override
    public Position site(int cell) {
        return placement.layout().sites().get(cell);
    }

    @Override
    public Position device(int k) {
        return placement.position(k);
    }

    @Override
    public int band(int cell) {
        return bands[cell];
    }

    /** The cells of {@code s}'s run; null when it has one (see {@link Scenario#severalCells}). */
    static Cells of(Scenario s, Kernel kernel, RandomStreams streams, PathGains gains) {
        CellsSpec spec = s.cells();
        if (!s.severalCells()) {
            return null;
        }
        int reuse = spec.reuse();
        Layout layout;
        if (spec.count() != null) {
            layout = Layout.hexagonal(spec.count(), spec.interSiteDistance(), reuse);
        } else {
            List<Position> sites = new ArrayList<>();
            int[] bands = new int[spec.sites().size()];
            for (int i = 0; i < bands.length; i++) {
                CellsSpec.Site site = spec.sites().get(i);
                sites.add(new Position(site.x(), site.y()));
                bands[i] = site.band() == null ? 0 : site.band();
            }
            layout = new Layout(sites, bands);
        }
        double[] powers = new double[layout.size()];
        for (int i = 0; i < powers.length; i++) {
            Double p = spec.sites() == null ? null : spec.sites().get(i).power();
            powers[i] = p == null ? s.radio().apPower() : p;
        }
        int n = s.deviceCount();
        RandomStream[] drops = streams.streams(StreamKeys.DROP, n);
        Disk disk = new Disk(s.cell().radius(), s.cell().minDistance());
        Placement placement;
        if (s.protocol().requiredDevices() > 0) {
            // A fixed topology (PARTEL's groups and workers) in every cell: each cell keeps its own workers.
            placement = Placement.fixed(layout, disk, gains, s.protocol().requiredDevices(), drops);
        } else {
            Area area = new Area(layout.sites(), s.cell().radius(), s.cell().minDistance());
            Mobility mobility = spec.mobility() == null ? null : new Mobility(spec.mobility().model().equals("heading")
                    ? Mobility.Model.HEADING : Mobility.Model.WAYPOINT, spec.mobility().speed(),
                    spec.mobility().heading() == null ? Double.NaN : Math.toRadians(spec.mobility().heading()), area,
                    streams.streams(StreamKeys.MOBILITY, n));
            placement = Placement.over(layout, area, disk, spec.association().equals("nearest") ? Association.NEAREST
                    : Association.STRONGEST, powers, gains, mobility, drops);
        }
        double band = s.radio().bandwidth() / reuse;
        return new Cells(placement, new Medium(kernel, layout.size(), band, gains, s.cell().minDistance()),
                layout.size(), band, layout.bands(), powers);
    }

    /** The round loop's side of them. */
    RoundLoop.Cells loop(CellsSpec spec) {
        RoundLoop.Membership members = new RoundLoop.Membership() {
            @Override
            public int[][] of(int round, double now) {
                return placement.advance(round, now);
            }

            @Override
            public boolean handedOver(int k) {
                return placement.handedOver(k);
            }

            @Override
            public Position position(int k) {
                return placement.position(k);
            }
        };
        CellsSpec.Backhaul b = spec.backhaul();
        return new RoundLoop.Cells(count, members, spec.cloudPeriod(), b == null ? null
                : new RoundLoop.Backhaul(b.capacity(), b.latency()), medium);
    }
}

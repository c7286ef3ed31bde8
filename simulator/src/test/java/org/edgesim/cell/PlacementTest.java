package org.edgesim.cell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgesim.channel.PathLoss;
import org.edgesim.radio.Position;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/** Association, mobility and handover against hand-built positions, and the handover rate against the fluid model. */
class PlacementTest {
    private static final List<Position> TWO = List.of(new Position(0, 0), new Position(500, 0));

    private static Placement two(Mobility mobility, Position... devices) {
        Layout layout = new Layout(TWO, new int[] {0, 0});
        return Placement.at(layout, new Area(TWO, 300, 1), Association.STRONGEST, new double[] {20, 20}, new org.edgesim.channel.LogDistanceGains(PathLoss.URBAN_MACRO),
                mobility,
                devices);
    }

    private static Mobility east(double speed, int devices) {
        return new Mobility(Mobility.Model.HEADING, speed, 0.0, new Area(TWO, 300, 1),
                new RandomStreams(1, 0).streams(StreamKeys.MOBILITY, devices));
    }

    @Test
    void aDeviceCrossingTheBoundaryIsHandedOverBetweenRoundsAndCountedOnce() {
        // Device 0 at 200 m east of site 0, device 1 at 100 m west of it; both head east at 50 m/s.
        Placement p = two(east(50, 2), new Position(200, 0), new Position(-100, 0));
        assertArrayEquals(new int[][] {{0, 1}, {}}, p.advance(1, 0.0));
        assertEquals(200, p.distance(0), 1e-9);
        // 3 s later: device 0 at 350 m is nearer site 1 (150 m); device 1 at 50 m stays.
        assertArrayEquals(new int[][] {{1}, {0}}, p.advance(2, 3.0));
        assertEquals(350, p.position(0).x(), 1e-9);
        assertEquals(150, p.distance(0), 1e-9);
        assertTrue(p.handedOver(0));
        assertFalse(p.handedOver(1));
        assertEquals(PathLoss.URBAN_MACRO.gain(150), p.pathGain(0), 0.0);
        // One second more: both stay where they are served; the count stays at one.
        assertArrayEquals(new int[][] {{1}, {0}}, p.advance(3, 4.0));
        assertFalse(p.handedOver(0));
        assertEquals(1, p.handovers(0));
        assertEquals(0, p.handovers(1));
    }

    @Test
    void aDeviceAtTheAreasEdgeTurnsBack() {
        // 50 m from the edge (800 m), 100 m to go: 50 m out, then 50 m back, within two steps of 3 m (the edge is
        // checked a step ahead).
        Placement p = two(east(100, 1), new Position(750, 0));
        p.advance(1, 0.0);
        p.advance(2, 1.0);
        assertEquals(750, p.position(0).x(), 6.0);
    }

    @Test
    void theHandoverRateIsTheFluidModelsBoundaryFlux() {
        // Seven hexagonal cells 500 m apart, each covered by its circumscribed disk (s = 500 / sqrt 3).
        // Uniform devices moving isotropically at v cross a line of length L at 2 v L / pi per unit of
        // density and time (both directions): per device, 2 v L / (pi A), L the 12 inner hexagon edges of s.
        double isd = 500;
        double s = isd / Math.sqrt(3);
        Layout layout = Layout.hexagonal(7, isd, 1);
        Area area = new Area(layout.sites(), s, 1);
        int n = 2000;
        RandomStreams streams = new RandomStreams(8, 0);
        RandomStream[] drops = streams.streams(StreamKeys.DROP, n);
        double v = 5;
        Mobility mobility = new Mobility(Mobility.Model.HEADING, v, Double.NaN, area,
                streams.streams(StreamKeys.MOBILITY, n));
        double[] powers = {20, 20, 20, 20, 20, 20, 20};
        Placement p = Placement.over(layout, area, new org.edgesim.radio.Disk(s, 1), Association.STRONGEST, powers,
                new org.edgesim.channel.LogDistanceGains(PathLoss.URBAN_MACRO), mobility, drops);
        int rounds = 200;
        for (int r = 1; r <= rounds; r++) {
            p.advance(r, r - 1.0);
        }
        long handovers = 0;
        for (int k = 0; k < n; k++) {
            handovers += p.handovers(k);
        }
        // The area by Monte Carlo over its bounding box.
        RandomStream u = streams.stream("area");
        double x0 = -isd - s;
        double width = 2 * (isd + s);
        int inside = 0;
        int tries = 400_000;
        for (int i = 0; i < tries; i++) {
            inside += area.contains(new Position(x0 + width * u.nextDouble(), x0 + width * u.nextDouble())) ? 1 : 0;
        }
        double a = width * width * inside / tries;
        double expected = 2 * v * 12 * s / (Math.PI * a) * n * (rounds - 1);
        assertEquals(1.0, handovers / expected, 0.06, handovers + " handovers, the fluid model " + expected);
    }
}

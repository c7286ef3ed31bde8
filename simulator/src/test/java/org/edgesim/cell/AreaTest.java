package org.edgesim.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgesim.channel.PathLoss;
import org.edgesim.radio.Position;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/** Drops over several cells and association, against hand-built positions and the areas' shares. */
class AreaTest {
    private static final List<Position> TWO = List.of(new Position(0, 0), new Position(500, 0));

    @Test
    void dropsAreInsideAndUniformOverTheUnionOfTheDisks() {
        // Two overlapping disks of 300 m, 500 m apart: the union's area by the lens formula.
        Area area = new Area(TWO, 300, 1);
        RandomStream s = new RandomStreams(3, 0).stream("drops");
        int n = 40_000;
        int left = 0;
        int both = 0;
        for (int i = 0; i < n; i++) {
            Position p = area.drop(s);
            assertTrue(area.contains(p));
            double d0 = Math.hypot(p.x(), p.y());
            double d1 = Math.hypot(p.x() - 500, p.y());
            left += p.x() < 250 ? 1 : 0;
            both += d0 <= 300 && d1 <= 300 ? 1 : 0;
        }
        double r = 300;
        double d = 500;
        double lens = 2 * r * r * Math.acos(d / (2 * r)) - d / 2 * Math.sqrt(4 * r * r - d * d);
        double union = 2 * Math.PI * r * r - lens;
        double share = lens / union;
        double se = Math.sqrt(share * (1 - share) / n);
        assertEquals(share, (double) both / n, 4 * se, "the overlap's share of the area");
        assertEquals(0.5, (double) left / n, 4 * Math.sqrt(0.25 / n), "symmetric halves");
    }

    private static final org.edgesim.channel.PathGains MACRO = new org.edgesim.channel.LogDistanceGains(PathLoss.URBAN_MACRO);

    @Test
    void theStrongestMeanPowerIsTheNearestSiteWhenPowersAreEqualAndNotWhenTheyDiffer() {
        Position p = new Position(200, 0);
        assertEquals(0, Association.NEAREST.serving(0, p, TWO, new double[] {1, 1}, MACRO));
        assertEquals(0, Association.STRONGEST.serving(0, p, TWO, new double[] {1, 1}, MACRO));
        // Site 1 ten times stronger (10 dB): 37.6 log10(300 / 200) = 6.6 dB of extra loss is less.
        assertEquals(1, Association.STRONGEST.serving(0, p, TWO, new double[] {1, 10}, MACRO));
        assertEquals(0, Association.NEAREST.serving(0, p, TWO, new double[] {1, 10}, MACRO));
    }
}

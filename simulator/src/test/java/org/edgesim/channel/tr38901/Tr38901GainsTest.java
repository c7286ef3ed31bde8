package org.edgesim.channel.tr38901;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.edgesim.channel.PathGains;
import org.edgesim.radio.Position;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The links' 3GPP gains: per link, drawn once and kept where the device stays; LOS as often as
 * Table 7.4.2-1 says; shadowing with the table's deviation and correlated exp(-d / d_corr) along a
 * move (Monte Carlo over many links); forced conditions and O2I loss as the formulas give them.
 */
class Tr38901GainsTest {
    private static final double GHZ = 1e9;
    private static final Position SITE = new Position(0, 0);

    private static Tr38901Gains uma(Tr38901Gains.Condition condition, boolean shadowing, double indoorShare, long seed) {
        return new Tr38901Gains(new Tr38901Gains.Settings(Environment.UMA, 3.5 * GHZ, 25, 1.5, condition, shadowing,
                indoorShare, false), new RandomStreams(seed));
    }

    @Test
    void aLinkKeepsItsChannelWhereItsDeviceStaysAndTheSameSeedGivesTheSameGains() {
        Tr38901Gains a = uma(Tr38901Gains.Condition.RANDOM, true, 0.2, 5);
        Tr38901Gains b = uma(Tr38901Gains.Condition.RANDOM, true, 0.2, 5);
        for (int k = 0; k < 50; k++) {
            Position p = new Position(30 + 4 * k, 0);
            double g = a.gain(k, p, 0, SITE, p.distance());
            assertEquals(g, a.gain(k, p, 0, SITE, p.distance()), "asked again where it stands");
            assertEquals(g, b.gain(k, p, 0, SITE, p.distance()), "same seed, same link");
        }
        // Another site is another link: its own draws.
        Position p = new Position(100, 0);
        assertNotEquals(a.gain(3, p, 0, SITE, 100), a.gain(3, p, 1, SITE, 100));
    }

    @Test
    void forcedConditionsWithoutShadowingAreThePathLossItself() {
        Tr38901Gains los = uma(Tr38901Gains.Condition.LOS, false, 0, 1);
        Tr38901Gains nlos = uma(Tr38901Gains.Condition.NLOS, false, 0, 1);
        Position p = new Position(300, 0);
        Link link = new Link(300, 25, 1.5, 3.5 * GHZ);
        assertEquals(Math.pow(10, -LargeScale.lossLosDb(Environment.UMA, link) / 10), los.gain(0, p, 0, SITE, 300), 1e-25);
        assertEquals(Math.pow(10, -LargeScale.lossNlosDb(Environment.UMA, link) / 10), nlos.gain(0, p, 0, SITE, 300),
                1e-25);
        PathGains.LinkState s = nlos.state(0, 0);
        assertEquals(link.distance3dM(), s.distance3dM(), 1e-12);
        assertEquals(false, s.los());
        assertEquals(0, s.shadowingDb());
        // Closer than the tables' 10 m: taken at 10 m.
        assertEquals(los.gain(1, new Position(10, 0), 0, SITE, 10), los.gain(2, new Position(4, 0), 0, SITE, 4));
    }

    @Test
    void losAsOftenAsTheTableSaysAndShadowingWithItsDeviation() {
        Tr38901Gains g = uma(Tr38901Gains.Condition.RANDOM, true, 0, 11);
        int n = 20_000;
        int los = 0;
        SummaryStatistics losShadow = new SummaryStatistics();
        SummaryStatistics nlosShadow = new SummaryStatistics();
        for (int k = 0; k < n; k++) {
            Position p = new Position(0, 100);
            g.gain(k, p, 0, SITE, 100);
            PathGains.LinkState s = g.state(k, 0);
            if (s.los()) {
                los++;
                losShadow.addValue(s.shadowingDb());
            } else {
                nlosShadow.addValue(s.shadowingDb());
            }
        }
        double p = 0.347671; // Table 7.4.2-1 at 100 m (LargeScaleTest)
        assertEquals(p, los / (double) n, 4 * Math.sqrt(p * (1 - p) / n));
        assertEquals(4, losShadow.getStandardDeviation(), 0.1);
        assertEquals(6, nlosShadow.getStandardDeviation(), 0.1);
        assertEquals(0, nlosShadow.getMean(), 0.15);
    }

    @Test
    void shadowingIsCorrelatedAlongAMoveAsExpOfMinusDistanceOverItsCorrelationDistance() {
        for (double moved : new double[] {10, 37, 100}) {
            Tr38901Gains g = uma(Tr38901Gains.Condition.LOS, true, 0, 17);
            int n = 20_000;
            double[] before = new double[n];
            double[] after = new double[n];
            for (int k = 0; k < n; k++) {
                Position p = new Position(200, 0);
                g.gain(k, p, 0, SITE, 200);
                before[k] = g.state(k, 0).shadowingDb();
                Position q = new Position(200, moved);
                g.gain(k, q, 0, SITE, q.distance());
                after[k] = g.state(k, 0).shadowingDb();
            }
            double expected = Math.exp(-moved / 37); // UMa LOS, Table 7.5-6
            assertEquals(expected, new PearsonsCorrelation().correlation(before, after), 0.03, "moved " + moved + " m");
        }
    }

    @Test
    void theLosConditionIsCorrelatedAlongAMoveToo() {
        // Half a metre against UMa's 50 m: the Gaussian behind the condition keeps a correlation of
        // exp(-0.5 / 50); the condition stays as often as two such Gaussians fall on the same side of
        // the threshold Phi^-1(P_LOS), estimated apart with java.util.Random.
        Tr38901Gains g = uma(Tr38901Gains.Condition.RANDOM, false, 0, 23);
        int n = 40_000;
        int same = 0;
        for (int k = 0; k < n; k++) {
            g.gain(k, new Position(100, 0), 0, SITE, 100);
            boolean was = g.state(k, 0).los();
            g.gain(k, new Position(100, 0.5), 0, SITE, Math.hypot(100, 0.5));
            same += g.state(k, 0).los() == was ? 1 : 0;
        }
        double rho = Math.exp(-0.5 / 50);
        double t = new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(
                LargeScale.losProbability(Environment.UMA, 100, 1.5));
        java.util.Random r = new java.util.Random(1);
        int m = 400_000;
        int agree = 0;
        for (int i = 0; i < m; i++) {
            double x = r.nextGaussian();
            double y = rho * x + Math.sqrt(1 - rho * rho) * r.nextGaussian();
            agree += (x < t) == (y < t) ? 1 : 0;
        }
        double p = agree / (double) m;
        assertEquals(p, same / (double) n, 4 * Math.sqrt(p * (1 - p) / n) + 4 * Math.sqrt(p * (1 - p) / m));
        assertTrue(p > 0.9 && p < 0.99, "a few percent flip over half a metre: " + p);
    }

    @Test
    void aLinkTakenSeldomHasTheChannelOfOneTakenAtEveryStep() {
        // A device walks ten 5 m steps; link 0 is taken at every step, link 1 (another site) only at
        // the end, as a far site's link is when its cell happens to send: the same draws either way.
        Tr38901Gains every = uma(Tr38901Gains.Condition.RANDOM, true, 0, 41);
        Tr38901Gains seldom = uma(Tr38901Gains.Condition.RANDOM, true, 0, 41);
        Position far = new Position(500, 0);
        Position p = null;
        for (int step = 0; step <= 10; step++) {
            p = new Position(100, 5 * step);
            every.gain(0, p, 0, SITE, p.distance());
            every.gain(0, p, 1, far, Math.hypot(400, p.y()));
            seldom.gain(0, p, 0, SITE, p.distance());
        }
        assertEquals(every.gain(0, p, 1, far, Math.hypot(400, p.y())), seldom.gain(0, p, 1, far, Math.hypot(400, p.y())));
    }

    @Test
    void indoorDevicesShadowWithTheO2iDeviation() {
        Tr38901Gains in = uma(Tr38901Gains.Condition.RANDOM, true, 1, 43);
        SummaryStatistics shadow = new SummaryStatistics();
        for (int k = 0; k < 20_000; k++) {
            in.gain(k, new Position(150, 0), 0, SITE, 150);
            shadow.addValue(in.state(k, 0).shadowingDb());
        }
        assertEquals(7, shadow.getStandardDeviation(), 0.15, "Table 7.5-6, UMa O2I");
    }

    @Test
    void indoorDevicesLoseTheWallAndTheirWayInside() {
        Tr38901Gains out = uma(Tr38901Gains.Condition.LOS, false, 0, 31);
        Tr38901Gains in = uma(Tr38901Gains.Condition.LOS, false, 1, 31);
        SummaryStatistics extra = new SummaryStatistics();
        for (int k = 0; k < 20_000; k++) {
            Position p = new Position(150, 0);
            out.gain(k, p, 0, SITE, 150);
            in.gain(k, p, 0, SITE, 150);
            extra.addValue(in.state(k, 0).pathLossDb() - out.state(k, 0).pathLossDb());
        }
        // Low loss at 3.5 GHz: 5 - 10 log10(0.3 * 10^-0.27 + 0.7 * 10^-1.9) = 12.03 dB through the wall,
        // 0.5 dB/m over E[min(U1, U2)] = 25 / 3 m inside, sigma_P 4.4 dB around them.
        double wall = 5 - 10 * Math.log10(0.3 * Math.pow(10, -0.27) + 0.7 * Math.pow(10, -1.9));
        assertEquals(wall + 0.5 * 25 / 3.0, extra.getMean(), 0.15);
        double inside = 0.5 * 25 * Math.sqrt(1.0 / 18); // sd of 0.5 min(U1, U2) * 25: 25 / sqrt(18) m
        assertEquals(Math.sqrt(4.4 * 4.4 + inside * inside), extra.getStandardDeviation(), 0.1);
    }

    @Test
    void settingsOutsideTheStandardAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Tr38901Gains.Settings(Environment.UMA, 3.5 * GHZ, 30, 1.5,
                Tr38901Gains.Condition.RANDOM, true, 0, false));
        assertEquals("3gpp-inh-open is indoors already: indoorShare must be 0",
                assertThrows(IllegalArgumentException.class, () -> new Tr38901Gains.Settings(Environment.INH_OPEN,
                        3.5 * GHZ, 3, 1, Tr38901Gains.Condition.RANDOM, true, 0.5, false)).getMessage());
        assertEquals("3gpp-rma's buildings are of the low-loss kind only (Table 7.4.3-2)",
                assertThrows(IllegalArgumentException.class, () -> new Tr38901Gains.Settings(Environment.RMA,
                        3.5 * GHZ, 35, 1.5, Tr38901Gains.Condition.RANDOM, true, 0.5, true)).getMessage());
    }

    /**
     * Table 7.2-1's floors: an indoor device on floor n_fl of N_fl (uniform over 1..N_fl and 4..8),
     * 3 (n_fl - 1) + 1.5 m high, so P(1.5 m) = mean of 1 / N_fl = 0.1769 and P(22.5 m) = 1/40;
     * outdoor devices at utHeight. Half the buildings high-loss: the O2I loss of forced-LOS,
     * unshadowed links averages the two walls' mean losses, plus 0.5 dB/m over E[d_2D-in] = 25/3 m
     * (the least of two uniforms over 0-25 m), the Gaussian parts averaging out.
     */
    @Test
    void indoorDevicesStandOnFloorsAndInBuildingsOfBothKinds() {
        Tr38901Gains g = new Tr38901Gains(new Tr38901Gains.Settings(Environment.UMA, 6 * GHZ, 25, 1.5,
                Tr38901Gains.Condition.LOS, false, 0.8, 0.5, true), new RandomStreams(11));
        int n = 40_000;
        int indoor = 0;
        int ground = 0;
        int top = 0;
        SummaryStatistics o2i = new SummaryStatistics();
        Position p = new Position(200, 0);
        for (int k = 0; k < n; k++) {
            double h = g.heightM(k);
            if (!g.indoor(k)) {
                assertEquals(1.5, h);
                continue;
            }
            indoor++;
            assertEquals(0, (h - 1.5) % 3, 1e-12, "whole floors");
            assertTrue(h >= 1.5 && h <= 22.5);
            ground += h == 1.5 ? 1 : 0;
            top += h == 22.5 ? 1 : 0;
            g.gain(k, p, 0, SITE, 200);
            Link link = new Link(200, 25, h, 6 * GHZ);
            o2i.addValue(g.state(k, 0).pathLossDb() - LargeScale.lossLosDb(Environment.UMA, link));
        }
        assertEquals(0.8, indoor / (double) n, 4 * Math.sqrt(0.16 / n));
        double mean = (1 / 4.0 + 1 / 5.0 + 1 / 6.0 + 1 / 7.0 + 1 / 8.0) / 5;
        assertEquals(mean, ground / (double) indoor, 4 * Math.sqrt(mean * (1 - mean) / indoor));
        assertEquals(1 / 40.0, top / (double) indoor, 4 * Math.sqrt(1 / 40.0 * (39 / 40.0) / indoor));
        // The walls by hand at 6 GHz (Table 7.4.3-2): low 5 - 10 log10(0.3 10^(-3.2/10) + 0.7 10^(-29/10)),
        // high 5 - 10 log10(0.7 10^(-24.8/10) + 0.3 10^(-29/10)).
        double low = 5 - 10 * Math.log10(0.3 * Math.pow(10, -0.32) + 0.7 * Math.pow(10, -2.9));
        double high = 5 - 10 * Math.log10(0.7 * Math.pow(10, -2.48) + 0.3 * Math.pow(10, -2.9));
        assertEquals((low + high) / 2 + 0.5 * 25 / 3, o2i.getMean(), 4 * o2i.getStandardDeviation() / Math.sqrt(indoor),
                "half the buildings high-loss");
        assertThrows(IllegalArgumentException.class, () -> new Tr38901Gains.Settings(Environment.RMA, 2 * GHZ, 35, 1.5,
                Tr38901Gains.Condition.RANDOM, true, 0.5, 0, true), "floors are UMa's and UMi's");
        assertThrows(IllegalArgumentException.class, () -> new Tr38901Gains.Settings(Environment.UMA, 2 * GHZ, 25, 1.5,
                Tr38901Gains.Condition.RANDOM, true, 0.5, 1.5, false));
    }
}

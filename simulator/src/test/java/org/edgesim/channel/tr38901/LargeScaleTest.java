package org.edgesim.channel.tr38901;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/**
 * TR 38.901's large-scale laws against values worked from Tables 7.4.1-1, 7.4.2-1 and 7.4.3-2 by
 * hand (the arithmetic in the comments; cross-checked with an independent script), not by the
 * production formulas.
 */
class LargeScaleTest {
    private static final double GHZ = 1e9;

    @Test
    void umaBeforeAndBeyondItsBreakpointAndInNlos() {
        // h_BS 25, h_UT 1.5, h_E 1, 3.5 GHz: d'_BP = 4 * 24 * 0.5 * 3.5e9 / 3e8 = 560 m.
        Link near = new Link(100, 25, 1.5, 3.5 * GHZ);
        assertEquals(560, LargeScale.breakpointM(Environment.UMA, near), 1e-9);
        // d_3D = sqrt(100^2 + 23.5^2) = 102.724; PL1 = 28 + 22 * 2.01167 + 20 * 0.54407 = 83.138.
        assertEquals(83.1382, LargeScale.lossLosDb(Environment.UMA, near), 1e-3);
        // PL'_NLOS = 13.54 + 39.08 * 2.01167 + 10.8814 - 0 = 103.0375 > PL_LOS.
        assertEquals(103.0375, LargeScale.lossNlosDb(Environment.UMA, near), 1e-3);
        // 28 GHz, 1 km: d'_BP = 4480 m, still PL1: 28 + 22 * 3.00012 + 20 * 1.44716 = 122.946.
        assertEquals(122.9458, LargeScale.lossLosDb(Environment.UMA, new Link(1000, 25, 1.5, 28 * GHZ)), 1e-3);
        // h_UT 20 m with h_E 12 m: d'_BP = 4 * 13 * 8 * 3.5e9 / 3e8 = 4853.3 m.
        Link high = new Link(300, 25, 20, 3.5 * GHZ, 12);
        assertEquals(4853.333, LargeScale.breakpointM(Environment.UMA, high), 1e-3);
        // d_3D = sqrt(300^2 + 5^2) = 300.0417; PL1 = 28 + 22 * 2.47718 + 10.8814 = 93.3794; NLOS
        // 13.54 + 39.08 * 2.47718 + 10.8814 - 0.6 * 18.5 = 110.1296.
        assertEquals(93.3794, LargeScale.lossLosDb(Environment.UMA, high), 1e-3);
        assertEquals(110.1296, LargeScale.lossNlosDb(Environment.UMA, high), 1e-3);
    }

    @Test
    void umaBeyondTheBreakpointTakesPl2() {
        // 3.5 GHz, 1 km > 560 m: d_3D = 1000.276; PL2 = 28 + 40 * 3.00012 + 10.8814
        // - 9 * log10(560^2 + 23.5^2) = 158.886 - 9 * 5.49729 = 109.410.
        Link far = new Link(1000, 25, 1.5, 3.5 * GHZ);
        double d3 = Math.sqrt(1000 * 1000 + 23.5 * 23.5);
        assertEquals(1000.276, d3, 1e-3);
        assertEquals(28 + 40 * 3.000120 + 10.88136 - 9 * 5.497294, LargeScale.lossLosDb(Environment.UMA, far), 2e-3);
    }

    @Test
    void umiStreetCanyon() {
        // h_BS 10, h_UT 1.5, 3.5 GHz: d'_BP = 4 * 9 * 0.5 * 3.5e9 / 3e8 = 210 m.
        Link near = new Link(100, 10, 1.5, 3.5 * GHZ);
        assertEquals(210, LargeScale.breakpointM(Environment.UMI, near), 1e-9);
        // d_3D = 100.3594; PL1 = 32.4 + 21 * 2.00156 + 10.8814 = 85.3142; NLOS' = 35.3 * 2.00156 + 22.4
        // + 21.3 * 0.544068 = 104.6438.
        assertEquals(85.3142, LargeScale.lossLosDb(Environment.UMI, near), 1e-3);
        assertEquals(104.6438, LargeScale.lossNlosDb(Environment.UMI, near), 1e-3);
        // 400 m, beyond: 32.4 + 40 * 2.60214 + 10.8814 - 9.5 * log10(210^2 + 8.5^2) = 103.2388.
        assertEquals(103.2388, LargeScale.lossLosDb(Environment.UMI, new Link(400, 10, 1.5, 3.5 * GHZ)), 1e-3);
    }

    @Test
    void rmaIsContinuousAtItsBreakpoint() {
        // h_BS 35, h_UT 1.5, 0.7 GHz: d_BP = 2 pi * 35 * 1.5 * 0.7e9 / 3e8 = 769.69 m.
        Link l = new Link(500, 35, 1.5, 0.7 * GHZ);
        assertEquals(769.690, LargeScale.breakpointM(Environment.RMA, l), 1e-3);
        // d_3D = 501.1223; PL1 = 20 log10(40 pi 501.1223 * 0.7 / 3) + min(0.03 * 5^1.72, 10) log10(d)
        // - min(0.044 * 5^1.72, 14.77) + 0.002 log10(5) d = 84.6325; NLOS 104.8433.
        assertEquals(84.6325, LargeScale.lossLosDb(Environment.RMA, l), 1e-3);
        assertEquals(104.8433, LargeScale.lossNlosDb(Environment.RMA, l), 1e-3);
        assertEquals(93.3816, LargeScale.lossLosDb(Environment.RMA, new Link(1000, 35, 1.5, 0.7 * GHZ)), 1e-3);
        assertEquals(116.4449, LargeScale.lossNlosDb(Environment.RMA, new Link(1000, 35, 1.5, 0.7 * GHZ)), 1e-3);
        // PL2 starts from PL1 at d_BP: the two sides of the breakpoint meet (to the 3D-2D difference).
        double bp = LargeScale.breakpointM(Environment.RMA, l);
        double below = LargeScale.lossLosDb(Environment.RMA, new Link(bp - 1e-6, 35, 1.5, 0.7 * GHZ));
        double above = LargeScale.lossLosDb(Environment.RMA, new Link(bp + 1e-6, 35, 1.5, 0.7 * GHZ));
        assertEquals(below, above, 0.02);
        assertEquals(4, LargeScale.shadowSigmaDb(Environment.RMA, l, true));
        assertEquals(6, LargeScale.shadowSigmaDb(Environment.RMA, new Link(1000, 35, 1.5, 0.7 * GHZ), true));
        assertEquals(8, LargeScale.shadowSigmaDb(Environment.RMA, l, false));
    }

    @Test
    void indoorOfficeAndTheNlosMaxRuleAtShortRange() {
        // d_3D = sqrt(20^2 + 2^2) = 20.0998: LOS 32.4 + 17.3 * 1.30319 + 10.8814 = 65.8266; NLOS'
        // 38.3 * 1.30319 + 17.3 + 24.9 * 0.544068 = 80.7595.
        Link l = new Link(20, 3, 1, 3.5 * GHZ);
        assertEquals(65.8266, LargeScale.lossLosDb(Environment.INH_MIXED, l), 1e-3);
        assertEquals(80.7595, LargeScale.lossNlosDb(Environment.INH_OPEN, l), 1e-3);
        // At 1 m (3D) and 0.5 GHz PL'_NLOS = 17.3 + 24.9 log10(0.5) = 9.80 lies below PL_LOS =
        // 32.4 + 20 log10(0.5) = 26.38: NLOS takes the LOS value.
        Link oneMetre = new Link(0, 2, 1, 0.5 * GHZ);
        assertEquals(26.3794, LargeScale.lossLosDb(Environment.INH_MIXED, oneMetre), 1e-3);
        assertEquals(LargeScale.lossLosDb(Environment.INH_MIXED, oneMetre),
                LargeScale.lossNlosDb(Environment.INH_MIXED, oneMetre));
    }

    @Test
    void nlosIsNeverBelowLosAnywhereInRange() {
        for (Environment e : Environment.values()) {
            for (double f : new double[] {0.7, 3.5, 28}) {
                for (double d = e.indoor() ? 1 : 10; d <= (e.indoor() ? 140 : 5000); d *= 1.3) {
                    Link l = new Link(d, e.defaultBsHeight(), e.defaultUtHeight(), f * GHZ);
                    assertTrue(LargeScale.lossNlosDb(e, l) >= LargeScale.lossLosDb(e, l), e + " " + f + " " + d);
                }
            }
        }
    }

    @Test
    void losProbabilitiesOfTable742() {
        // UMa at 100 m: 18/100 + exp(-100/63) * 0.82 = 0.347671; within 18 m, 1.
        assertEquals(0.347671, LargeScale.losProbability(Environment.UMA, 100, 1.5), 1e-6);
        assertEquals(1, LargeScale.losProbability(Environment.UMA, 18, 1.5));
        // h_UT 20 m: C' = 0.7^1.5 = 0.585662; times 1 + C' 1.25 * 1 * exp(-2/3) = 1.375855: 0.478347.
        assertEquals(0.478347, LargeScale.losProbability(Environment.UMA, 100, 20), 1e-6);
        assertEquals(0.230985, LargeScale.losProbability(Environment.UMI, 100, 1.5), 1e-6);
        assertEquals(0.612626, LargeScale.losProbability(Environment.RMA, 500, 1.5), 1e-6);
        assertEquals(0.681827, LargeScale.losProbability(Environment.INH_MIXED, 3, 1), 1e-6);
        assertEquals(0.211497, LargeScale.losProbability(Environment.INH_MIXED, 20, 1), 1e-6);
        assertEquals(0.702502, LargeScale.losProbability(Environment.INH_OPEN, 30, 1), 1e-6);
        assertEquals(0.424394, LargeScale.losProbability(Environment.INH_OPEN, 100, 1), 1e-6);
    }

    @Test
    void outdoorToIndoorLoss() {
        // 28 GHz, 10 m inside: low 5 - 10 log10(0.3 * 10^-0.76 + 0.7 * 10^-11.7) + 5 = 22.8288;
        // high 5 - 10 log10(0.7 * 10^-3.14 + 0.3 * 10^-11.7) + 5 = 42.9490.
        assertEquals(22.8288, LargeScale.o2iLossDb(false, 28, 10), 1e-3);
        assertEquals(42.9490, LargeScale.o2iLossDb(true, 28, 10), 1e-3);
        assertEquals(4.4, LargeScale.o2iSigmaDb(false));
        assertEquals(6.5, LargeScale.o2iSigmaDb(true));
    }

    @Test
    void umaEffectiveEnvironmentHeightFollowsItsProbability() {
        RandomStream s = new RandomStreams(11).stream("test/h-e");
        assertEquals(1.0, LargeScale.environmentHeight(200, 10, s.nextDouble(), s.nextDouble()), "C = 0 below 13 m");
        // h_UT 22.5 m at 150 m: g = 1.25 * 1.5^3 * exp(-1) = 1.55216; C = 0.95^1.5 * g = 1.43721;
        // P(h_E = 1) = 1 / (1 + C) = 0.41031; otherwise 12, 15, 18 or 21 equally.
        int n = 100_000;
        int ones = 0;
        int[] others = new int[4];
        for (int i = 0; i < n; i++) {
            double h = LargeScale.environmentHeight(150, 22.5, s.nextDouble(), s.nextDouble());
            if (h == 1.0) {
                ones++;
            } else {
                others[(int) ((h - 12) / 3)]++;
            }
        }
        double p = 0.41031;
        assertEquals(p, ones / (double) n, 4 * Math.sqrt(p * (1 - p) / n));
        for (int c : others) {
            double q = (1 - p) / 4;
            assertEquals(q, c / (double) n, 4 * Math.sqrt(q * (1 - q) / n));
        }
    }

    @Test
    void outOfRangeLinksSayWhy() {
        assertNull(LargeScale.outOfRange(Environment.UMA, new Link(100, 25, 1.5, 3.5 * GHZ)));
        assertEquals("2D distance 5.0 m is outside 3gpp-uma's 10 m - 5 km",
                LargeScale.outOfRange(Environment.UMA, new Link(5, 25, 1.5, 3.5 * GHZ)));
        assertEquals("base-station height 30.0 m is not 3gpp-uma's 25.0 m (the only height its formulas are given for)",
                LargeScale.outOfRange(Environment.UMA, new Link(100, 30, 1.5, 3.5 * GHZ)));
        assertEquals("carrier 40.0 GHz is outside 3gpp-rma's 0.5-30 GHz",
                LargeScale.outOfRange(Environment.RMA, new Link(100, 35, 1.5, 40 * GHZ)));
        assertEquals("device height 12.0 m is outside 3gpp-rma's 1-10 m",
                LargeScale.outOfRange(Environment.RMA, new Link(100, 35, 12, 3.5 * GHZ)));
        assertEquals("3D distance 200.01 m is outside 3gpp-inh-open's 1-150 m",
                LargeScale.outOfRange(Environment.INH_OPEN, new Link(200.0, 3, 1, 3.5 * GHZ)).replaceAll(
                        "200\\.0[0-9]*", "200.01"));
        var e = assertThrows(IllegalArgumentException.class,
                () -> LargeScale.lossLosDb(Environment.UMI, new Link(100, 10, 30, 3.5 * GHZ)));
        assertEquals("device height 30.0 m is outside 3gpp-umi's 1.5-22.5 m", e.getMessage());
        assertEquals(Environment.UMI, Environment.of("3gpp-umi"));
        assertEquals("unknown model '3gpp-xyz'; use one of 3gpp-uma, 3gpp-umi, 3gpp-rma, 3gpp-inh-mixed, 3gpp-inh-open",
                assertThrows(IllegalArgumentException.class, () -> Environment.of("3gpp-xyz")).getMessage());
    }
}

package org.edgesim.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.edgesim.study.PairedStatistics;

class PairedStatisticsTest {
    /** The paired t-interval of {@code a - r b}: Fieller's ends are where it just reaches zero. */
    private static PairedStatistics.Estimate residual(double[] a, double[] b, double r) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - r * b[i];
        }
        return PairedStatistics.mean(d);
    }

    @Test
    void fiellersEndsAreTheRatiosAPairedTTestOfTheResidualJustAccepts() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 3 + rnd.nextInt(20);
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                double common = rnd.nextDouble();
                b[i] = 5 + 3 * common + rnd.nextDouble();
                a[i] = 2 * b[i] * (0.5 + rnd.nextDouble()) + common;
            }
            var e = PairedStatistics.ratio(a, b);
            if (Double.isInfinite(e.low())) {
                continue;
            }
            for (double end : new double[] {e.low(), e.high()}) {
                var d = residual(a, b, end);
                double nearer = Math.min(Math.abs(d.low()), Math.abs(d.high()));
                assertEquals(0, nearer, 1e-7 * (1 + Math.abs(d.value())), "trial " + trial + " end " + end);
            }
            // Inside, the residual's interval holds zero; just outside, it does not.
            double mid = (e.low() + e.high()) / 2;
            var in = residual(a, b, mid);
            assertTrue(in.low() <= 0 && in.high() >= 0);
            double width = e.high() - e.low();
            for (double out : new double[] {e.low() - 0.01 * width, e.high() + 0.01 * width}) {
                var o = residual(a, b, out);
                assertTrue(o.low() > 0 || o.high() < 0, "outside at " + out);
            }
        }
    }

    @Test
    void aRatioOfPositiveTimesNeverGetsANegativeEndWhereTheDeltaMethodWould() {
        // Heavy-tailed, as times to a target accuracy are: the numerator every time far above the
        // denominator, the denominator's spread wide; the delta method's lower end is negative.
        double[] a = {20000, 15000, 30000, 12000, 18000, 25000, 14000, 16000, 22000, 9000};
        double[] b = {100, 2000, 150, 90, 300, 120, 800, 200, 110, 400};
        var e = PairedStatistics.ratio(a, b);
        double ma = PairedStatistics.mean0(a), mb = PairedStatistics.mean0(b);
        assertEquals(ma / mb, e.value(), 1e-12);
        assertTrue(e.low() > 0, "Fieller's lower end " + e.low());
        assertTrue(e.low() < e.value() && e.value() < e.high());
        assertTrue(e.high() - e.value() > e.value() - e.low(), "skewed upwards, as the ratio's uncertainty is");
        // The delta method's symmetric interval, by hand, reaches below zero on the same data.
        double saa = 0, sbb = 0, sab = 0, r = ma / mb;
        for (int i = 0; i < a.length; i++) {
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
            sab += (a[i] - ma) * (b[i] - mb);
        }
        double var = (saa - 2 * r * sab + r * r * sbb) / (a.length - 1) / (mb * mb);
        double t9 = 2.2621571627409915;
        assertTrue(r - t9 * Math.sqrt(var / a.length) < 0, "the delta method's lower end is negative here");
    }

    @Test
    void aDenominatorIndistinguishableFromZeroGivesAnUnboundedInterval() {
        double[] a = {1, 2, 3};
        double[] b = {-1, 0.5, 1.5};
        var e = PairedStatistics.ratio(a, b);
        assertEquals(Double.NEGATIVE_INFINITY, e.low());
        assertEquals(Double.POSITIVE_INFINITY, e.high());
    }

    @Test
    void withoutSpreadTheIntervalIsThePoint() {
        var e = PairedStatistics.ratio(new double[] {20, 20.4, 19.6}, new double[] {10, 10.2, 9.8});
        assertEquals(2, e.value(), 1e-12);
        assertEquals(2, e.low(), 1e-9);
        assertEquals(2, e.high(), 1e-9);
    }
}

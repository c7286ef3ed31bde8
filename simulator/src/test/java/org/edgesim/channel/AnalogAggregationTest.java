package org.edgesim.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import umontreal.ssj.probdist.NormalDist;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/**
 * Broadband analog aggregation against hand computations: the received aggregate is the sum of the
 * devices that sent on each subcarrier plus the scaled noise, divided by their number; truncation
 * drops exactly the (device, subcarrier) pairs whose seen gain is below the threshold; the common
 * received power spends exactly the weakest device's budget on average (Monte Carlo); without noise,
 * truncation or CSI error the aggregate is the devices' mean update.
 */
class AnalogAggregationTest {
    private static RandomStream stream(long seed) {
        MRG32k3a s = new MRG32k3a();
        s.setSeed(new long[] {seed, seed + 1, seed + 2, seed + 3, seed + 4, seed + 5});
        return s;
    }

    private static double normal(RandomStream s) {
        return NormalDist.inverseF01(s.nextDouble());
    }

    @Test
    void twoDevicesOnTwoSubcarriersGiveTheirSumPlusNoiseOverTheContributors() {
        // Device 1 truncates subcarrier 1 (coordinates 1 and 3); device 0 arrives 0.9 of itself on subcarrier 0.
        double[][] c = {{0.9, 1.0}, {1.0, 0.0}};
        double rho0 = 2e-12;
        double sigma2 = 4e-14;
        AnalogAggregation.Round round = new AnalogAggregation.Round(c, rho0, sigma2, new double[2]);
        double[] u0 = {1, 2, 3, 4};
        double[] u1 = {5, 6, 7, 8};
        double s = Math.max(Math.sqrt((1 + 4 + 9 + 16) / 4.0), Math.sqrt((25 + 36 + 49 + 64) / 4.0));
        double sd = Math.sqrt(sigma2 / 2) * s / Math.sqrt(rho0);
        RandomStream noise = stream(11);
        double[] z = new double[4];
        for (int i = 0; i < 4; i++) {
            z[i] = normal(noise);
        }
        double[] expected = {(0.9 * 1 + 5 + sd * z[0]) / 2, (2 + sd * z[1]) / 1, (0.9 * 3 + 7 + sd * z[2]) / 2,
            (4 + sd * z[3]) / 1};
        assertArrayEquals(expected, round.aggregate(new double[][] {u0, u1}, stream(11)), 1e-12);
        assertEquals(2, round.contributors(0));
        assertEquals(1, round.contributors(1));
        assertEquals(0.75, round.participation());
    }

    @Test
    void aSubcarrierNobodySendsOnGivesZeroAndItsNoiseIsStillDrawn() {
        AnalogAggregation.Round round = new AnalogAggregation.Round(new double[][] {{1.0, 0.0}}, 1.0, 0.5, new double[1]);
        double[] out = round.aggregate(new double[][] {{3, 4, 5}}, stream(3));
        RandomStream noise = stream(3);
        double s = Math.sqrt((9 + 16 + 25) / 3.0);
        double z0 = normal(noise);
        normal(noise); // coordinate 1's draw, unused: nobody sent on its subcarrier
        double z2 = normal(noise);
        assertArrayEquals(new double[] {3 + 0.5 * s * z0, 0, 5 + 0.5 * s * z2}, out, 1e-12);
    }

    @Test
    void truncationDropsExactlyThePairsBelowTheThresholdAndPerfectCsiArrivesWhole() {
        AnalogAggregation.Settings s = new AnalogAggregation.Settings(8, 1e6, 4e-21, 0.1, 0.7, true);
        double[] large = {1e-9, 1e-10, 3e-10};
        RandomStream[] fading = {stream(21), stream(31), stream(41)};
        AnalogAggregation.Round round = AnalogAggregation.draw(s, large, new double[] {1, 1, 1}, 1.0, fading);
        RandomStream[] again = {stream(21), stream(31), stream(41)};
        for (int k = 0; k < 3; k++) {
            for (int m = 0; m < 8; m++) {
                double re = Math.sqrt(0.5) * normal(again[k]);
                double im = Math.sqrt(0.5) * normal(again[k]);
                double g = re * re + im * im;
                assertEquals(g >= 0.7 ? 1.0 : 0.0, round.coefficients()[k][m], 1e-12, "device " + k + " subcarrier " + m);
            }
        }
        assertEquals(0.1 / 8 * 1e-10 / ExpIntegral.e1(0.7), round.rho0(), 1e-30);
        assertEquals(4e-21 * 1e6 / 8, round.noise(), 1e-40);
    }

    @Test
    void outdatedCsiArrivesAsTheRealPartOfTheTrueOverTheSeenGain() {
        AnalogAggregation.Settings s = new AnalogAggregation.Settings(4, 1e6, 4e-21, 0.1, 0.05, true);
        double rho = 0.8;
        double f = 1.3;
        AnalogAggregation.Round round = AnalogAggregation.draw(s, new double[] {1e-9}, new double[] {f}, rho,
                new RandomStream[] {stream(5)});
        RandomStream again = stream(5);
        for (int m = 0; m < 4; m++) {
            double re = Math.sqrt(0.5) * normal(again);
            double im = Math.sqrt(0.5) * normal(again);
            double seenRe = rho * re + Math.sqrt(1 - rho * rho) * Math.sqrt(0.5) * normal(again);
            double seenIm = rho * im + Math.sqrt(1 - rho * rho) * Math.sqrt(0.5) * normal(again);
            double seen = seenRe * seenRe + seenIm * seenIm;
            // h / h^ = h conj(h^) / |h^|^2, by complex division written out.
            double expected = seen >= 0.05 ? (re * seenRe + im * seenIm) / seen / Math.sqrt(f) : 0.0;
            assertEquals(expected, round.coefficients()[0][m], 1e-12);
        }
        // The common receive power is set on the gain as seen, so the device keeps its budget.
        assertEquals(0.1 / 4 * 1e-9 * f / ExpIntegral.e1(0.05), round.rho0(), 1e-24);
    }

    @Test
    void theWeakestDeviceSpendsItsWholeBudgetOnAverageAndNoOneMore() {
        double p = 0.2;
        int m = 16;
        double g = 0.3;
        double[] large = {2e-10, 5e-11};
        AnalogAggregation.Settings s = new AnalogAggregation.Settings(m, 1e6, 4e-21, p, g, true);
        RandomStream[] fading = {stream(61), stream(71)};
        double[] spent = new double[2];
        int draws = 20_000;
        RandomStream[] mirror = {stream(61), stream(71)};
        double rho0 = AnalogAggregation.rho0(p, m, large, g, true);
        for (int d = 0; d < draws; d++) {
            AnalogAggregation.Round round = AnalogAggregation.draw(s, large, new double[] {1, 1}, 1.0, fading);
            assertEquals(rho0, round.rho0());
            for (int k = 0; k < 2; k++) {
                for (int j = 0; j < m; j++) {
                    double re = Math.sqrt(0.5) * normal(mirror[k]);
                    double im = Math.sqrt(0.5) * normal(mirror[k]);
                    double h2 = re * re + im * im;
                    // A coordinate of mean power 1 sent with inversion costs rho0 / (L |h|^2), where the draw sends.
                    spent[k] += round.coefficients()[k][j] != 0 ? rho0 / (large[k] * h2) : 0;
                }
            }
        }
        double perSubcarrier = p / m;
        assertEquals(perSubcarrier, spent[1] / (draws * (double) m), 0.02 * perSubcarrier, "the weakest device");
        assertEquals(perSubcarrier * large[1] / large[0], spent[0] / (draws * (double) m), 0.02 * perSubcarrier);
        assertEquals(-Math.expm1(-g), AnalogAggregation.truncation(g, true), 1e-15);
    }

    @Test
    void withoutNoiseTruncationOrErrorTheAggregateIsTheMeanUpdate() {
        AnalogAggregation.Settings s = new AnalogAggregation.Settings(3, 1e6, 4e-21, 0.1, 1.0, false);
        AnalogAggregation.Round drawn = AnalogAggregation.draw(s, new double[] {1e-9, 2e-9}, new double[] {1, 1}, 1.0,
                new RandomStream[] {stream(1), stream(2)});
        AnalogAggregation.Round quiet = new AnalogAggregation.Round(drawn.coefficients(), drawn.rho0(), 0.0, drawn.emittedW());
        double[] a = {0.5, -1, 2, 7, 0.25};
        double[] b = {1.5, 3, -2, 1, 0.75};
        double[] mean = {1, 1, 0, 4, 0.5};
        assertArrayEquals(mean, quiet.aggregate(new double[][] {a, b}, stream(9)), 1e-15);
        assertEquals(1.0, quiet.participation());
    }

    @Test
    void anUpdateTakesCeilQOverMSymbolsOfMOverBSeconds() {
        assertEquals(4, AnalogAggregation.symbols(100, 32));
        assertEquals(4 * 32 / 1e6, AnalogAggregation.airtimeS(100, 32, 1e6), 1e-18);
        assertEquals(1, AnalogAggregation.symbols(32, 32));
        assertTrue(Double.isInfinite(AnalogAggregation.inversePower(0, true)));
        assertEquals(0.0, AnalogAggregation.rho0(1, 4, new double[] {1}, 2.0, false));
        assertThrows(IllegalArgumentException.class, () -> new AnalogAggregation.Settings(0, 1e6, 4e-21, 0.1, 0.1, true));
    }
}

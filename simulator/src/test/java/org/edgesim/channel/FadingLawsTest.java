package org.edgesim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.edgesim.radio.Decibel;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import umontreal.ssj.rng.RandomStream;

/**
 * Rician and Nakagami-m fading: their draws (mean 1 and the law's variance) and their ergodic
 * rates by quadrature, each against Monte Carlo over the law's own draws, and against the closed
 * forms where the law reduces to one (K = 0 and m = 1: Rayleigh; large K or m: no fading).
 */
class FadingLawsTest {
    static Stream<Arguments> laws() {
        return Stream.of(new Fading.Rician(0), new Fading.Rician(1), new Fading.Rician(10), new Fading.Rician(100),
                new Fading.Nakagami(0.5), new Fading.Nakagami(1), new Fading.Nakagami(2.5), new Fading.Nakagami(8))
                .flatMap(law -> Stream.of(-10.0, 0.0, 10.0, 20.0, 35.0).map(snr -> Arguments.of(law, snr)));
    }

    @ParameterizedTest(name = "{0} at {1} dB")
    @MethodSource("laws")
    void ergodicRateByQuadratureMatchesMonteCarloOverItsDraws(Fading law, double snrDb) {
        double s = Decibel.toLinear(snrDb);
        RandomStream stream = new RandomStreams(2026).stream("test/fading/" + law + "/" + snrDb);
        SummaryStatistics mc = new SummaryStatistics();
        for (int i = 0; i < 200_000; i++) {
            mc.addValue(Rates.spectralEfficiency(s * law.draw(stream)));
        }
        double se = mc.getStandardDeviation() / Math.sqrt(mc.getN());
        double quadrature = law.efficiency(s);
        assertTrue(Math.abs(quadrature - mc.getMean()) <= 4 * se + 1e-9,
                law + ": quadrature " + quadrature + " vs Monte Carlo " + mc.getMean() + " +- " + se);
    }

    @ParameterizedTest(name = "{0} dB")
    @ValueSource(doubles = {-20, -10, 0, 10, 20, 30, 40})
    void kZeroAndMOneAreRayleighsClosedForm(double snrDb) {
        double s = Decibel.toLinear(snrDb);
        double rayleigh = Rates.ergodicSpectralEfficiency(s);
        assertEquals(rayleigh, new Fading.Nakagami(1).efficiency(s), 1e-8 * Math.max(1, rayleigh));
        assertEquals(rayleigh, new Fading.Rician(0).efficiency(s), 1e-8 * Math.max(1, rayleigh));
    }

    @ParameterizedTest(name = "{0} dB")
    @ValueSource(doubles = {-10, 0, 10, 30})
    void aStrongLineOfSightOrALargeMIsNoFading(double snrDb) {
        double s = Decibel.toLinear(snrDb);
        double shannon = Rates.spectralEfficiency(s);
        assertEquals(shannon, new Fading.Rician(1e4).efficiency(s), 1e-3 * Math.max(1, shannon));
        // A line of sight 60 dB over the scatter: the density a peak 0.0014 wide in ln g, still found.
        assertEquals(shannon, new Fading.Rician(1e6).quadrature(s), 1e-4 * Math.max(1, shannon));
        assertEquals(shannon, new Fading.Nakagami(1e4).efficiency(s), 1e-3 * Math.max(1, shannon));
        // Jensen: any fading costs rate.
        assertTrue(new Fading.Rician(3).efficiency(s) < shannon);
        assertTrue(new Fading.Nakagami(2).efficiency(s) < shannon);
        // A stronger line of sight, or a larger m, is less fading: more rate.
        assertTrue(new Fading.Rician(10).efficiency(s) > new Fading.Rician(1).efficiency(s));
        assertTrue(new Fading.Nakagami(4).efficiency(s) > new Fading.Nakagami(1).efficiency(s));
    }

    @Test
    void theTableReadsWhatTheQuadratureComputes() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        Fading.Rician rician = new Fading.Rician(4);
        Fading.Nakagami nakagami = new Fading.Nakagami(1.7);
        for (int i = 0; i < 300; i++) {
            double s = Decibel.toLinear(-70 + 160 * r.nextDouble());
            for (double[] pair : new double[][] {{rician.efficiency(s), rician.quadrature(s)},
                {nakagami.efficiency(s), nakagami.quadrature(s)}}) {
                assertEquals(pair[1], pair[0], 5e-7 * pair[1], "at " + s);
            }
        }
        assertEquals(0, rician.efficiency(0));
    }

    @Test
    void drawsHaveMeanOneAndTheLawsVariance() {
        RandomStream stream = new RandomStreams(7).stream("test/fading/moments");
        for (double k : new double[] {0, 1, 10}) {
            SummaryStatistics g = sample(new Fading.Rician(k), stream);
            assertEquals(1, g.getMean(), 4 * g.getStandardDeviation() / Math.sqrt(g.getN()));
            // Var |h|^2 = (2K + 1) / (K + 1)^2 for a unit-power Rician channel.
            assertEquals((2 * k + 1) / ((k + 1) * (k + 1)), g.getVariance(), 0.03);
        }
        for (double m : new double[] {0.5, 1, 3}) {
            SummaryStatistics g = sample(new Fading.Nakagami(m), stream);
            assertEquals(1, g.getMean(), 4 * g.getStandardDeviation() / Math.sqrt(g.getN()));
            assertEquals(1 / m, g.getVariance(), 0.04 / m);
        }
    }

    private static SummaryStatistics sample(Fading law, RandomStream stream) {
        SummaryStatistics g = new SummaryStatistics();
        for (int i = 0; i < 200_000; i++) {
            g.addValue(law.draw(stream));
        }
        return g;
    }

    @Test
    void parametersOutsideTheirRangesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Fading.Rician(-1));
        assertThrows(IllegalArgumentException.class, () -> new Fading.Nakagami(0.4));
        assertThrows(IllegalArgumentException.class, () -> new Fading.Rician(3).efficiency(-1));
    }
}

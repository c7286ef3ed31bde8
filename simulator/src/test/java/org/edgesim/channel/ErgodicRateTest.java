package org.edgesim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.edgesim.radio.Decibel;
import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import umontreal.ssj.rng.RandomStream;

class ErgodicRateTest {
    @ParameterizedTest(name = "mean SNR {0} dB")
    @ValueSource(doubles = {-10, -5, 0, 5, 10, 15, 20, 25, 30, 35, 40})
    void closedFormMatchesMonteCarloWithinThreeStandardErrors(double snrDb) {
        double s = Decibel.toLinear(snrDb);
        RandomStream stream = new RandomStreams(2026).stream("test/ergodic/" + snrDb);
        SummaryStatistics mc = new SummaryStatistics();
        for (int i = 0; i < 400_000; i++) {
            mc.addValue(Rates.spectralEfficiency(s * Draws.unitExponential(stream)));
        }
        double se = mc.getStandardDeviation() / Math.sqrt(mc.getN());
        double closed = Rates.ergodicSpectralEfficiency(s);
        assertTrue(Math.abs(closed - mc.getMean()) <= 3 * se,
                "closed form " + closed + " vs Monte Carlo " + mc.getMean() + " +- " + se);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-10, 0, 20, 40})
    void jensenBoundsTheErgodicRateByTheRateOfTheMean(double snrDb) {
        double s = Decibel.toLinear(snrDb);
        assertTrue(Rates.ergodicSpectralEfficiency(s) < Rates.spectralEfficiency(s));
    }

    /**
     * Mean SNRs that 100-200 dB of shadowing gives (down to subnormal numbers, whose inverse
     * overflows): the rate is snr log2(e) to double precision, since E[log2(1 + s g)] lies
     * between s log2(e) (1 - s) and s log2(e) for g ~ Exp(1) (E[g] = 1, E[g^2] = 2).
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e-20, 1e-100, 1e-300, 1e-310, Double.MIN_VALUE})
    void tinySnrErgodicRateIsSnrTimesLog2E(double s) {
        double linear = s / Math.log(2);
        assertEquals(linear, Rates.ergodicSpectralEfficiency(s), 2 * Math.ulp(linear));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-6, 1e-3})
    void lowSnrErgodicRateApproachesTheLinearRegime(double s) {
        assertEquals(s / Math.log(2), Rates.ergodicSpectralEfficiency(s), 3 * s * s / Math.log(2));
    }
}

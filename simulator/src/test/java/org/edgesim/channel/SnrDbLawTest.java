package org.edgesim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import umontreal.ssj.rng.RandomStream;

/** CPSL's channel law: SNRs in dB, Gaussian around each device's mean, read instantaneously or ergodically. */
class SnrDbLawTest {
    private static final SnrDbLaw ERGODIC = new SnrDbLaw(0, true);
    private static final SnrDbLaw INSTANT = new SnrDbLaw(0, false);

    /** E1 at known points (Abramowitz and Stegun, Table 5.1), as the law reads it: the series below 1, the continued fraction above. */
    @Test
    void theExponentialIntegralMatchesTabulatedValues() {
        assertEquals(0.219383934395520, ExpIntegral.scaledE1(1) / Math.exp(1), 1e-14);
        assertEquals(1.822923958419390, ExpIntegral.scaledE1(0.1) / Math.exp(0.1), 1e-13);
        assertEquals(0.001148295591275, ExpIntegral.scaledE1(5) / Math.exp(5), 1e-15);
        // Large x: e^x E1(x) tends to 1/x (1 - 1/x + 2/x^2 ...).
        assertEquals(1 / 1000.0 * (1 - 1e-3 + 2e-6), ExpIntegral.scaledE1(1000), 1e-11);
        assertThrows(IllegalArgumentException.class, () -> ExpIntegral.scaledE1(0));
    }

    /** The ergodic rate against a Monte Carlo mean of log2(1 + SNR |h|^2) over Rayleigh fading. */
    @ParameterizedTest(name = "{0} dB")
    @CsvSource({"-5, 0.39640916116311387", "5, 2.057373208606795", "17, 5.675779901804884", "30, 9.967226258835993"})
    void theErgodicRateIsTheMeanOverRayleighFading(double snrDb, double shannon) {
        double snr = Math.pow(10, snrDb / 10);
        SplittableRandom random = new SplittableRandom(14);
        int n = 2_000_000;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double gain = -Math.log(1 - random.nextDouble()); // |h|^2 ~ Exp(1)
            double v = Math.log1p(snr * gain) / Math.log(2);
            sum += v;
            squares += v * v;
        }
        double mean = sum / n;
        double se = Math.sqrt((squares / n - mean * mean) / n);
        double ergodic = ERGODIC.bitsPerHz(snrDb);
        assertEquals(mean, ergodic, 4 * se, snrDb + " dB: Monte Carlo " + mean + " +- " + se);
        // Jensen: fading costs rate, E log2(1 + SNR g) < log2(1 + SNR E g).
        assertTrue(ergodic < INSTANT.bitsPerHz(snrDb));
        // The instantaneous reading: log2(1 + SNR), worked out apart (Python's math.log2).
        assertEquals(shannon, INSTANT.bitsPerHz(snrDb), 1e-14);
    }

    /** The ergodic reading is Rayleigh's ergodic efficiency, computed apart by the fading law (its own E1). */
    @ParameterizedTest(name = "{0} dB")
    @ValueSource(doubles = {-10, 0, 17, 40})
    void theErgodicReadingIsRayleighsErgodicRate(double snrDb) {
        double expected = new Fading.Rayleigh().efficiency(Math.pow(10, snrDb / 10));
        assertEquals(expected, ERGODIC.bitsPerHz(snrDb), 1e-12 * expected);
        assertEquals(3e5 * expected, ERGODIC.rate(3e5, snrDb), 1e-6 * expected);
    }

    /** Draws: none at sigma 0 (the mean itself); else mean and deviation as stated, by Monte Carlo. */
    @Test
    void drawsAreGaussianInDecibels() {
        RandomStream stream = new RandomStreams(7).stream("snr");
        assertEquals(12.5, INSTANT.draw(stream, 12.5));
        SnrDbLaw law = new SnrDbLaw(4, false);
        SummaryStatistics s = new SummaryStatistics();
        for (int i = 0; i < 200_000; i++) {
            s.addValue(law.draw(stream, 10));
        }
        assertEquals(10, s.getMean(), 4 * 4 / Math.sqrt(200_000));
        assertEquals(4, s.getStandardDeviation(), 0.03);
    }

    /** The deviation is checked: finite, 0 to 30 dB; the manifest names the law and its reading. */
    @Test
    void theLawIsValidatedAndNamed() {
        assertThrows(IllegalArgumentException.class, () -> new SnrDbLaw(-1, false));
        assertThrows(IllegalArgumentException.class, () -> new SnrDbLaw(Double.NaN, false));
        assertThrows(IllegalArgumentException.class, () -> new SnrDbLaw(31, true));
        assertEquals("gaussian-snr-db (sigma 8 dB, ergodic rate)", new SnrDbLaw(8, true).describe());
    }
}

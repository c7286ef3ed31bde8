package org.edgesim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpIntegralTest {
    /**
     * Independent computation by quadrature: with t = e^w in E1(x) = integral_1^inf e^{-xt}/t dt,
     * e^x E1(x) = integral_0^inf exp(-x (e^w - 1)) dw, a smooth integrand that falls below e^-60
     * at w = ln(1 + 60/x).
     */
    private static double scaledByQuadrature(double x) {
        IterativeLegendreGaussIntegrator q = new IterativeLegendreGaussIntegrator(64, 1e-14, 1e-300);
        double upper = Math.log1p(60.0 / x);
        return q.integrate(10_000_000, w -> Math.exp(-x * Math.expm1(w)), 0.0, upper);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-4, 0.01, 0.1, 0.5, 0.999, 1.0, 1.001, 2, 5, 10, 50, 1e3, 1e4})
    void scaledE1MatchesQuadrature(double x) {
        double expected = scaledByQuadrature(x);
        assertEquals(expected, ExpIntegral.scaledE1(x), 1e-9 * expected, "x=" + x);
    }

    /**
     * Independent computation for large x, where the integrand above is too narrow to integrate:
     * with u = x w, x e^x E1(x) = integral_0^inf exp(-x expm1(u / x)) du, below e^-60 past u = 60.
     */
    private static double xScaledByQuadrature(double x) {
        IterativeLegendreGaussIntegrator q = new IterativeLegendreGaussIntegrator(64, 1e-14, 1e-300);
        return q.integrate(10_000_000, u -> Math.exp(-x * Math.expm1(u / x)), 0.0, 60.0);
    }

    /** Mean SNRs of -50 dB to -2500 dB (100-200 dB of shadowing) give such x; the fraction once failed there. */
    @ParameterizedTest
    @ValueSource(doubles = {1e5, 1e8, 1e15, 1e100, 1e250})
    void scaledE1OfLargeArgumentsMatchesQuadrature(double x) {
        double expected = xScaledByQuadrature(x) / x;
        assertEquals(expected, ExpIntegral.scaledE1(x), 1e-12 * expected, "x=" + x);
    }

    /** Where 1/x is subnormal: e^x E1(x) = (1 - 1/x + ...) / x is 1/x to the last bit that 1/x holds. */
    @ParameterizedTest
    @ValueSource(doubles = {1e300, 1e307, 5e307, 1e308, Double.MAX_VALUE})
    void scaledE1OfHugeArgumentsIsOneOverX(double x) {
        assertEquals(1.0 / x, ExpIntegral.scaledE1(x), Math.ulp(1.0 / x));
        assertEquals(0.0, ExpIntegral.e1(x));
    }

    @Test
    void e1MatchesTabulatedValues() {
        // Abramowitz and Stegun, Table 5.1.
        assertEquals(0.219383934395520, ExpIntegral.e1(1.0), 1e-14);
        assertEquals(1.822923958419390, ExpIntegral.e1(0.1), 1e-13);
        assertEquals(4.15696892968532e-6, ExpIntegral.e1(10.0), 1e-18);
    }

    @Test
    void e1IsContinuousAcrossTheSwitchBetweenSeriesAndFraction() {
        double below = ExpIntegral.e1(Math.nextDown(1.0));
        double above = ExpIntegral.e1(Math.nextUp(1.0));
        assertTrue(Math.abs(below - above) < 1e-14);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsArgumentsOutsideItsDomain(double x) {
        assertThrows(IllegalArgumentException.class, () -> ExpIntegral.e1(x));
    }
}

package org.edgesim.channel;

/**
 * The exponential integral {@code E1(x) = integral from x to infinity of e^-t / t dt}, x > 0.
 *
 * <p>Neither Commons Math nor SSJ provides E1. For {@code x <= 1} the convergent power series
 * {@code -gamma - ln x - sum (-x)^k / (k k!)}; above, the continued fraction for
 * {@code e^x E1(x)} by the modified Lentz method, which stays finite where {@code E1} underflows
 * (a mean SNR of -40 dB means x = 10^4); from {@code x = 10^5} the asymptotic series
 * {@code e^x E1(x) ~ (1/x) sum (-1)^n n! / x^n}, whose fifth term is below 10^-23 there: the
 * fraction fails to converge where {@code 1/x} is subnormal, and 100-200 dB of shadowing gives
 * mean SNRs whose inverse overflows. Tested against numerical quadrature.
 */
public final class ExpIntegral {
    private static final double EULER_GAMMA = 0.5772156649015329;
    private static final double EPS = 1e-16;
    private static final int MAX_ITERATIONS = 10_000;

    private ExpIntegral() {
    }

    /** {@code E1(x)} for {@code x > 0}. */
    public static double e1(double x) {
        requirePositive(x);
        return x <= 1.0 ? series(x) : Math.exp(-x) * scaledE1(x);
    }

    /** {@code e^x E1(x)} for {@code x > 0}, finite for every finite x. */
    public static double scaledE1(double x) {
        requirePositive(x);
        if (x >= ASYMPTOTIC) {
            return asymptotic(1.0 / x);
        }
        return x <= 1.0 ? Math.exp(x) * series(x) : continuedFraction(x);
    }

    /**
     * {@code e^x E1(x)} at {@code x = 1/s}, for {@code s > 0}: finite and accurate down to the
     * smallest subnormal {@code s}, whose inverse overflows (the ergodic rate at a mean SNR s).
     */
    public static double scaledE1OfInverse(double s) {
        if (!(s > 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("E1 needs a finite 1/x > 0, got " + s);
        }
        return s <= 1.0 / ASYMPTOTIC ? asymptotic(s) : scaledE1(1.0 / s);
    }

    /** Where the asymptotic series takes over from the continued fraction. */
    private static final double ASYMPTOTIC = 1e5;

    /** {@code s (1 - s + 2 s^2 - 6 s^3 + 24 s^4)}, {@code s = 1/x}, in Horner form. */
    private static double asymptotic(double s) {
        return s * (1.0 - s * (1.0 - 2.0 * s * (1.0 - 3.0 * s * (1.0 - 4.0 * s))));
    }

    private static void requirePositive(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("E1 needs a finite x > 0, got " + x);
        }
    }

    private static double series(double x) {
        double sum = 0.0;
        double term = 1.0; // (-x)^k / k!
        for (int k = 1; k <= MAX_ITERATIONS; k++) {
            term *= -x / k;
            double add = term / k;
            sum += add;
            if (Math.abs(add) < EPS * Math.abs(sum)) {
                return -EULER_GAMMA - Math.log(x) - sum;
            }
        }
        throw new ArithmeticException("E1 series did not converge for x=" + x);
    }

    /** e^x E1(x) = 1/(x+1- 1/(x+3- 4/(x+5- ...))), modified Lentz. */
    private static double continuedFraction(double x) {
        double tiny = 1e-300;
        double b = x + 1.0;
        double c = 1.0 / tiny;
        double d = 1.0 / b;
        double h = d;
        for (int i = 1; i <= MAX_ITERATIONS; i++) {
            double a = -(double) i * i;
            b += 2.0;
            d = 1.0 / (a * d + b);
            c = b + a / c;
            double delta = c * d;
            h *= delta;
            if (Math.abs(delta - 1.0) < EPS) {
                return h;
            }
        }
        throw new ArithmeticException("E1 continued fraction did not converge for x=" + x);
    }
}

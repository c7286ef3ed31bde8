package org.edgesim.channel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * A fading law's ergodic spectral efficiency tabulated once per law (and JVM) against ln(SNR), and
 * read by cubic spline (0.2-0.3 us a call against 60-340 us for the quadrature; the shared medium
 * asks for rates at every transfer's start and end). From -100 dB to 80 dB in steps of 0.05 in
 * ln(SNR); below, the linear regime {@code s / ln 2} (the law's mean gain being 1, it is off by
 * about {@code s E[g^2] / 2} relative: under 1e-9 there for the laws here); above, the quadrature
 * itself.
 */
final class ErgodicTable {
    static final double LOW = Math.log(1e-10);
    static final double HIGH = Math.log(1e8);
    private static final double STEP = 0.05;
    private static final Map<Fading, PolynomialSplineFunction> TABLES = new ConcurrentHashMap<>();

    private ErgodicTable() {
    }

    /** {@code E[log2(1 + s g)]} of {@code law}, whose quadrature is {@code direct}. */
    static double efficiency(Fading law, DoubleUnaryOperator direct, double s) {
        if (!(s >= 0) || Double.isInfinite(s)) {
            throw new IllegalArgumentException("mean SNR must be finite and >= 0, got " + s);
        }
        if (s == 0) {
            return 0;
        }
        double x = Math.log(s);
        if (x < LOW) {
            return s / Math.log(2);
        }
        if (x > HIGH) {
            return direct.applyAsDouble(s);
        }
        return TABLES.computeIfAbsent(law, l -> build(direct)).value(x);
    }

    private static PolynomialSplineFunction build(DoubleUnaryOperator direct) {
        // The spline's free ends (no curvature) are 2 below LOW and 2 above HIGH, outside what is read.
        double from = LOW - 2;
        double to = HIGH + 2;
        int n = (int) Math.ceil((to - from) / STEP) + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i == n - 1 ? to : from + i * STEP;
            y[i] = direct.applyAsDouble(Math.exp(x[i]));
        }
        return new SplineInterpolator().interpolate(x, y);
    }
}

package org.edgesim.sched;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Roots of increasing functions on a bracket, by Commons Math's Brent solver: about ten
 * evaluations for the smooth functions of PABA where bisection needs forty-five, which matters
 * because the joint search nests three of them; FEEL nests two.
 */
public final class Roots {
    /** Relative accuracy of every root. */
    public static final double RELATIVE = 1e-13;
    /** Evaluation limit of one search. */
    public static final int MAX_EVALUATIONS = 10_000;

    private Roots() {
    }

    /**
     * The {@code x} in {@code [lo, hi]} with {@code f(x) = 0}, for {@code f} increasing with
     * {@code f(lo) <= 0 <= f(hi)}, both finite.
     */
    public static double increasing(DoubleUnaryOperator f, double lo, double hi) {
        double flo = f.applyAsDouble(lo);
        if (flo >= 0) {
            return lo;
        }
        double fhi = f.applyAsDouble(hi);
        if (fhi <= 0) {
            return hi;
        }
        BrentSolver solver = new BrentSolver(RELATIVE, Math.max(Math.abs(hi), Math.abs(lo)) * RELATIVE * 1e-2);
        return solver.solve(MAX_EVALUATIONS, f::applyAsDouble, lo, hi);
    }

    /** A function's value and derivative at a point. */
    @FunctionalInterface
    public interface WithDerivative {
        /** Returns {@code {f(x), f'(x)}}. */
        double[] at(double x);
    }

    /**
     * The root of an increasing {@code f} in {@code [lo, hi]} ({@code f(lo) <= 0 <= f(hi)}) by
     * Newton's method from {@code start}, kept inside a shrinking bracket: a step that leaves the
     * bracket (or a non-positive or non-finite derivative) is replaced by bisection, so it always
     * converges, quadratically near the root. Written by hand because the PABA structure gives
     * the derivatives in closed form (Commons Math's Newton solver has no bracket safeguard);
     * tested against Brent. Stops at a relative step of {@link #RELATIVE}.
     */
    public static double newton(WithDerivative f, double lo, double hi, double start) {
        double x = start > lo && start < hi ? start : 0.5 * (lo + hi);
        for (int i = 0; i < 200; i++) {
            double[] v = f.at(x);
            if (v[0] == 0) {
                return x;
            }
            if (v[0] < 0) {
                lo = x;
            } else {
                hi = x;
            }
            double step = v[0] / v[1];
            if (v[1] > 0 && Math.abs(step) <= RELATIVE * Math.max(Math.abs(x), Double.MIN_NORMAL)) {
                return x - step; // converged: further steps would only chase the rounding noise of f
            }
            double next = x - step;
            if (!(v[1] > 0) || !(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - x) <= RELATIVE * Math.max(Math.abs(x), Double.MIN_NORMAL)
                    || hi - lo <= RELATIVE * Math.max(Math.abs(hi), Double.MIN_NORMAL)) {
                return next;
            }
            x = next;
        }
        return x;
    }
}

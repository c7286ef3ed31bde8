package org.edgesim.sched.paba;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Roots of increasing functions on a bracket, by Commons Math's Brent solver: about ten
 * evaluations for the smooth functions of PABA where bisection needs forty-five, which matters
 * because the joint search nests three of them.
 */
final class Roots {
    /** Relative accuracy of every root. */
    static final double RELATIVE = 1e-13;
    /** Evaluation limit of one search. */
    static final int MAX_EVALUATIONS = 10_000;

    private Roots() {
    }

    /**
     * The {@code x} in {@code [lo, hi]} with {@code f(x) = 0}, for {@code f} increasing with
     * {@code f(lo) <= 0 <= f(hi)}, both finite.
     */
    static double increasing(DoubleUnaryOperator f, double lo, double hi) {
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
}

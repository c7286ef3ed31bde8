package org.edgesim.learning.model;

/**
 * A penalty on the weights (not the biases): {@code L2} adds {@code lambda/2 ||w||^2} to the
 * loss (so {@code lambda w} to the gradient); {@code L1} adds {@code lambda ||w||_1}, handled by a
 * proximal (soft-threshold) step after each gradient step, since it has no gradient at 0.
 */
public record Regularization(Kind kind, double lambda) {
    public enum Kind { NONE, L1, L2 }

    public static final Regularization NONE = new Regularization(Kind.NONE, 0);

    public Regularization {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("regularisation lambda must be finite and >= 0, got " + lambda);
        }
        if (kind == Kind.NONE && lambda != 0) {
            throw new IllegalArgumentException("no regularisation takes no lambda");
        }
    }

    public static Regularization l1(double lambda) {
        return new Regularization(Kind.L1, lambda);
    }

    public static Regularization l2(double lambda) {
        return new Regularization(Kind.L2, lambda);
    }
}

package org.edgesim.radio;

import java.util.Arrays;

/**
 * Fractions of a band, one per device: each {@code >= 0}, together at most 1 (to a rounding
 * tolerance of 1e-9).
 */
public final class FdmaShares {
    /** Slack allowed on the sum for floating-point rounding. */
    public static final double TOLERANCE = 1e-9;
    private final double[] shares;

    public FdmaShares(double[] shares) {
        double sum = 0.0;
        for (int i = 0; i < shares.length; i++) {
            if (!(shares[i] >= 0) || !Double.isFinite(shares[i])) {
                throw new IllegalArgumentException("bandwidth share of device " + i + " must be finite and >= 0, got " + shares[i]);
            }
            sum += shares[i];
        }
        if (sum > 1.0 + TOLERANCE) {
            throw new IllegalArgumentException("bandwidth shares sum to " + sum + ", more than the whole band");
        }
        this.shares = shares.clone();
    }

    /** Equal shares {@code 1/n}. */
    public static FdmaShares equal(int n) {
        double[] s = new double[n];
        Arrays.fill(s, 1.0 / n);
        return new FdmaShares(s);
    }

    public int size() {
        return shares.length;
    }

    public double share(int i) {
        return shares[i];
    }

    public double[] toArray() {
        return shares.clone();
    }
}

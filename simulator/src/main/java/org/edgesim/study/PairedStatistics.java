package org.edgesim.study;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Means over replications and their 95% intervals (Student's t): of one sample, of paired
 * differences, and of a ratio of paired means by Fieller's theorem, which keeps the covariance
 * that common random numbers create between the two sides and, unlike the delta method, stays
 * within the ratios the data allow when the denominator varies much (a ratio of positive times
 * whose numerator's mean is distinguishable from zero gets no negative end); it is unbounded when
 * the denominator's mean is not distinguishable from zero.
 */
public final class PairedStatistics {
    /** A value and its 95% interval (NaN ends when there is one replication). */
    public record Estimate(double value, double low, double high) {
        Estimate complement() {
            return new Estimate(1 - value, 1 - high, 1 - low);
        }
    }

    private PairedStatistics() {
    }

    public static Estimate mean(double[] a) {
        double m = mean0(a);
        double half = half(a.length, variance(a, m, a, m));
        return new Estimate(m, m - half, m + half);
    }

    static Estimate difference(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = a[i] - b[i];
        }
        return mean(d);
    }

    /**
     * {@code R = mean(a) / mean(b)} and Fieller's 95% interval: the ratios {@code r} for which the
     * paired t-interval of {@code a - r b} contains zero, i.e. the roots of
     * {@code (mean(a) - r mean(b))^2 = (t^2 / n) (s_aa - 2 r s_ab + r^2 s_bb)}. Where
     * {@code mean(b)^2 <= (t^2 / n) s_bb} that set is unbounded, and so is the interval.
     */
    static Estimate ratio(double[] a, double[] b) {
        double ma = mean0(a);
        double mb = mean0(b);
        double r = ma / mb;
        int n = a.length;
        if (n < 2) {
            return new Estimate(r, Double.NaN, Double.NaN);
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        double q = t * t / n;
        double quad = mb * mb - q * variance(b, mb, b, mb);
        double lin = ma * mb - q * variance(a, ma, b, mb);
        double cons = ma * ma - q * variance(a, ma, a, ma);
        if (!(quad > 0)) {
            return new Estimate(r, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        double root = Math.sqrt(Math.max(lin * lin - quad * cons, 0));
        return new Estimate(r, Math.min(r, (lin - root) / quad), Math.max(r, (lin + root) / quad));
    }

    static double mean0(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    /** The sample covariance of {@code a} and {@code b} (n - 1 in the denominator). */
    private static double variance(double[] a, double ma, double[] b, double mb) {
        if (a.length < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
        }
        return s / (a.length - 1);
    }

    /** Half-width of the 95% interval of a mean of {@code n} values of variance {@code var}. */
    private static double half(int n, double var) {
        if (n < 2 || Double.isNaN(var)) {
            return Double.NaN;
        }
        return new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(var / n);
    }
}

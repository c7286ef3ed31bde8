package org.edgesim.protocol.partel.schedulers;

import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;

/**
 * A worker's uplink rate as a function of its bandwidth share, {@code h(rho)} in bit/s, with the
 * derivative and inverse the PABA searches need. With noise over an equal share the rate is
 * linear, {@code rho B R_u}; with noise over the allocated band it is
 * {@code rho B log2(1 + S / (rho B))}, increasing and concave, bounded by {@code S / ln 2}.
 */
final class UploadLaw {
    private static final double LN2 = Math.log(2.0);
    private final PartelSnapshot s;

    UploadLaw(PartelSnapshot s) {
        this.s = s;
    }

    /** {@code h(rho)}, bit/s. */
    double rate(Worker w, double share) {
        return s.uploadRate(w, share);
    }

    /** {@code h'(rho)}, bit/s per unit share. */
    double rateSlope(Worker w, double share) {
        return switch (s.uplinkNoise()) {
            case EQUAL_SHARE -> s.bandwidthHz() * w.upEfficiency();
            case ALLOCATED -> {
                double x = w.upSnrPerHz() / (share * s.bandwidthHz());
                yield s.bandwidthHz() * (Math.log1p(x) - x / (1 + x)) / LN2;
            }
        };
    }

    /** {@code h''(rho)}: 0 for the linear law; {@code -B x^2 / (rho ln2 (1 + x)^2)}, {@code x = S / (rho B)}, otherwise. */
    double rateCurvature(Worker w, double share) {
        return switch (s.uplinkNoise()) {
            case EQUAL_SHARE -> 0;
            case ALLOCATED -> {
                double x = w.upSnrPerHz() / (share * s.bandwidthHz());
                yield -s.bandwidthHz() * x * x / (share * LN2 * (1 + x) * (1 + x));
            }
        };
    }

    /** The rate no share reaches: {@code S / ln 2} under allocated noise, infinite otherwise. */
    double ceiling(Worker w) {
        return switch (s.uplinkNoise()) {
            case EQUAL_SHARE -> Double.POSITIVE_INFINITY;
            case ALLOCATED -> w.upSnrPerHz() / LN2;
        };
    }

    /** The share that gives rate {@code bitsPerSecond}: {@code h^-1}; infinite if no share can. */
    double shareFor(Worker w, double bitsPerSecond) {
        if (!(bitsPerSecond > 0)) {
            return bitsPerSecond == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return switch (s.uplinkNoise()) {
            case EQUAL_SHARE -> bitsPerSecond / (s.bandwidthHz() * w.upEfficiency());
            case ALLOCATED -> inverseAllocated(w, bitsPerSecond);
        };
    }

    /**
     * Under allocated noise, with {@code y = S / (rho B)} and {@code a = r ln2 / S < 1}, the rate
     * equation is {@code ln(1 + y) = a y}: one positive root, found by Newton's method on the
     * convex {@code g(y) = a y - ln(1 + y)} started right of the root (at {@code 2/a^2}, where
     * {@code g > 0} because {@code ln(1 + y) < sqrt(y)}), so that every step stays right of it and
     * the iterates fall monotonically; a handful of steps where bisection needs forty-five.
     */
    private double inverseAllocated(Worker w, double target) {
        double a = target / ceiling(w);
        if (a >= 1) {
            return Double.POSITIVE_INFINITY; // the supremum of the rate is not reached by any share
        }
        double y = 2 / (a * a);
        if (Double.isInfinite(y)) {
            y = 4 * Math.log(1 / a) / a; // a < 1e-154: here too a y > ln(1 + y)
        }
        for (int i = 0; i < 100; i++) {
            // y - g/g' written without the difference of two near-equal large numbers.
            double next = (Math.log1p(y) - y / (1 + y)) / (a - 1 / (1 + y));
            boolean done = !(y - next > 1e-15 * y);
            y = next;
            if (done) {
                break;
            }
        }
        return w.upSnrPerHz() / (y * s.bandwidthHz());
    }
}

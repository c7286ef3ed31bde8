package org.edgesim.protocol.partel.schedulers;

import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;
import org.edgesim.radio.UplinkNoise;
import org.edgesim.sched.Roots;

/**
 * The quantities of the PABA problem for one round (docs/models/partel.md). With {@code c = T_ph + T_s}
 * and {@code T = t - c} the time left for computing and uploading, worker {@code w} computing a
 * block of {@code b} parameters needs the share {@code rho_w(b, T) = h^-1(A_g b / (T - e_w b))},
 * {@code e_w = D O / f} its seconds per parameter; a group needs the sum over its workers. Every
 * search is over a monotone function, to the relative accuracy of {@link Roots}.
 */
final class PabaMath {
    final PartelSnapshot s;
    final UploadLaw law;
    /** T_ph + T_s. */
    final double fixed;

    /**
     * Per worker (by index), computed once: the searches evaluate the group terms tens of
     * thousands of times per plan. The workers, {@code e_w}; per group, the largest
     * {@code e_w + A / H_w} as {@code slowest}.
     */
    private final Worker[] workers;
    private final double[] perParameter;
    private final double[] slowest;
    private final boolean linear;

    PabaMath(PartelSnapshot s) {
        this.s = s;
        this.law = new UploadLaw(s);
        this.fixed = s.pushTime() + s.serverUpdateS();
        this.linear = s.uplinkNoise() == UplinkNoise.EQUAL_SHARE;
        int count = s.workers().size();
        this.workers = s.workers().toArray(new Worker[0]);
        this.perParameter = new double[count];
        for (Worker w : workers) {
            perParameter[w.index()] = s.computeTime(w, 1.0);
        }
        this.slowest = new double[s.groups()];
        for (int k = 0; k < s.groups(); k++) {
            for (int n = 0; n < s.workersPerGroup(); n++) {
                Worker w = s.worker(k, n);
                slowest[k] = Math.max(slowest[k], perParameter(w) + s.bitsPerGradient() / law.ceiling(w));
            }
        }
    }

    /** {@code e_w}: seconds per parameter of block-gradient computation. */
    double perParameter(Worker w) {
        return perParameter[w.index()];
    }

    /** {@code rho_w(b, T)}; infinite if the computation alone takes {@code T} or more. */
    double share(Worker w, double block, double window) {
        double left = window - perParameter(w) * block;
        if (!(left > 0)) {
            return block == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return law.shareFor(w, s.bitsPerGradient() * block / left);
    }

    /**
     * A group's total share at {@code (b, T)} and its derivatives: {@code d/db} (the marginal share
     * per parameter), {@code d2/db2} and {@code d/dT}, summed over the group's workers in one pass.
     * With {@code r = A b / (T - e b)} the rate a worker needs and {@code rho = h^-1(r)}:
     * {@code rho_b = r_b / h'}, {@code rho_bb = r_bb / h' - r_b^2 h'' / h'^3}, {@code rho_T = r_T / h'}.
     */
    record GroupTerms(double share, double slope, double curvature, double timeSlope) {
    }

    GroupTerms groupTerms(int k, double block, double window) {
        double share = 0;
        double slope = 0;
        double curvature = 0;
        double timeSlope = 0;
        double a = s.bitsPerGradient();
        int n = s.workersPerGroup();
        for (int i = k * n; i < (k + 1) * n; i++) {
            Worker w = workers[i];
            double e = perParameter[i];
            double left = window - e * block;
            if (!(left > 0)) {
                return new GroupTerms(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY);
            }
            double rb = a * window / (left * left);
            double rbb = 2 * rb * e / left;
            double rt = -a * block / (left * left);
            double rho = law.shareFor(w, a * block / left);
            if (rho == 0 && !linear) {
                // h'(0+) is infinite under allocated noise: the first bits cost no share at the margin
                // (rho_b = 0), while rho_bb grows without bound.
                curvature = Double.POSITIVE_INFINITY;
                continue;
            }
            if (!Double.isFinite(rho)) {
                return new GroupTerms(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY);
            }
            double h1 = law.rateSlope(w, rho);
            double h2 = law.rateCurvature(w, rho);
            share += rho;
            slope += rb / h1;
            curvature += rbb / h1 - rb * rb * h2 / (h1 * h1 * h1);
            timeSlope += rt / h1;
        }
        return new GroupTerms(share, slope, curvature, timeSlope);
    }

    /** Marginal share per parameter of group {@code k}, {@code d G_k / d b}. */
    double groupSlope(int k, double block, double window) {
        return groupTerms(k, block, window).slope();
    }

    /**
     * The supremum of the blocks group {@code k} can carry within {@code window}: worker {@code w}
     * needs {@code e_w b + A b / h(rho) <= T} with {@code h} below its ceiling {@code H_w}, so
     * {@code b < T / (e_w + A / H_w)}; the least over the group's workers.
     */
    double blockCap(int k, double window) {
        return window / slowest[k];
    }

    /**
     * Algorithm 2's inner step: the latency {@code t} at which all workers, with blocks fixed,
     * finish together using the whole band ({@code sum rho = 1}); the total share decreases in
     * {@code t}.
     */
    double latencyForBlocks(double[] blocks) {
        double lo = 0; // the window below which some worker cannot finish at any share
        for (Worker w : workers) {
            lo = Math.max(lo, (perParameter(w) + s.bitsPerGradient() / law.ceiling(w)) * blocks[w.group()]);
        }
        double floor = lo;
        lo = lo * (1 + 1e-12) + Double.MIN_NORMAL;
        while (!Double.isFinite(totalShare(blocks, lo))) {
            lo = floor + 2 * (lo - floor);
        }
        double hi = Math.max(lo * 2, 1e-9);
        while (totalShare(blocks, hi) > 1) {
            lo = hi;
            hi *= 2;
            if (Double.isInfinite(hi)) {
                throw new IllegalStateException("no latency lets the blocks fit the band");
            }
        }
        double window = Roots.increasing(t -> 1 - totalShare(blocks, t), lo, hi);
        // The root is within the solver's accuracy; step up to the first window that fits the band.
        while (totalShare(blocks, window) > 1) {
            window = Math.nextUp(window) + window * 1e-15;
        }
        return fixed + window;
    }

    /** Shares of every worker for blocks {@code blocks} at latency {@code t}. */
    double[] shares(double[] blocks, double t) {
        double[] rho = new double[s.workers().size()];
        for (Worker w : s.workers()) {
            rho[w.index()] = share(w, blocks[w.group()], t - fixed);
        }
        return rho;
    }

    private double totalShare(double[] blocks, double window) {
        double sum = 0;
        for (Worker w : workers) {
            sum += share(w, blocks[w.group()], window);
        }
        return sum;
    }
}

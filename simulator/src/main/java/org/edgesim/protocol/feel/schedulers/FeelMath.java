package org.edgesim.protocol.feel.schedulers;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.edgesim.protocol.feel.BatchLatency;
import org.edgesim.protocol.feel.FeelSnapshot;
import org.edgesim.sched.Roots;

/**
 * The FEEL round's optimisation (docs/models/feel.md, Theorems 1-2): batch sizes relaxed to reals,
 * TDMA slots in closed form.
 *
 * <p>Given when each device is ready to send ({@code ready[k]}) and what its transfer costs in slot
 * time ({@code cost[k] = s Tf / R[k]}), the shortest common finish {@code T} is the root of
 * {@code sum_k cost[k] / (T - ready[k]) = Tf} ({@link #equalFinish}); slots are
 * {@code cost[k] / (T - ready[k])}. This gives the downlink ({@code ready = t_M}, download then
 * update) and the uplink of fixed batches.
 *
 * <p>For a global batch {@code B} the uplink is jointly optimal when, with the compute law
 * {@code t_L = a_k + c_k B_k} of the linear region, {@code B_k = clip((T - a_k)/c_k - nu
 * sqrt(u_k / c_k), lo_k, Bmax)} (the threshold structure; {@code nu = 1/sqrt(mu)}) with
 * {@code nu} such that {@code sum B_k = B}, and {@code T_U} the smallest {@code T} whose minimum
 * total slot time fits the frame: two nested one-dimensional searches. The outer search maximises
 * {@code sqrt(B) / (T_U(B) + T_D)}, which is unimodal ({@code T_U} is convex in {@code B}), by
 * Brent's method, and compares the ends of the interval.
 */
public final class FeelMath {
    private FeelMath() {
    }

    /** A solution of the uplink for a global batch: common finish time, batches (reals) and slots. */
    public record Uplink(double finishS, double[] batches, double[] slots) {
    }

    /** The jointly optimal round for relaxed batches. */
    public record Optimum(double globalBatch, Uplink uplink, double downlinkS, double[] slotsDown) {
        public double latencyS() {
            return uplink.finishS() + downlinkS;
        }

        public double efficiency() {
            return Math.sqrt(globalBatch) / latencyS();
        }
    }

    /**
     * The smallest {@code T} with {@code sum_k cost[k] / (T - ready[k]) <= frame}: every device
     * finishes its transfer, started when ready, at {@code T} (fluid TDMA).
     */
    public static double equalFinish(double[] ready, double[] cost, double frame) {
        double lo = Double.NEGATIVE_INFINITY;
        double total = 0;
        for (int k = 0; k < ready.length; k++) {
            lo = Math.max(lo, ready[k]);
            total += cost[k];
        }
        double hi = lo + total / frame;
        // g(T) = frame / S(T) - 1 is increasing, -1 at the lower end (S infinite), >= 0 at hi.
        return Roots.increasing(t -> {
            double s = 0;
            for (int k = 0; k < ready.length; k++) {
                double slack = t - ready[k];
                if (!(slack > 0)) {
                    return -1.0;
                }
                s += cost[k] / slack;
            }
            return frame / s - 1.0;
        }, lo, hi);
    }

    /** Slots {@code cost[k] / (T - ready[k])}, scaled down if rounding made them overfill the frame. */
    public static double[] slots(double[] ready, double[] cost, double frame, double finish) {
        double[] tau = new double[ready.length];
        double sum = 0;
        for (int k = 0; k < tau.length; k++) {
            tau[k] = cost[k] / (finish - ready[k]);
            sum += tau[k];
        }
        if (sum > frame) {
            for (int k = 0; k < tau.length; k++) {
                tau[k] *= frame / sum;
            }
        }
        return tau;
    }

    /** Equal-finish uplink of fixed compute times. */
    public static Uplink uplinkOf(FeelSnapshot s, double[] computeS, double[] batches) {
        double[] cost = upCosts(s);
        double t = equalFinish(computeS, cost, s.frameUpS());
        return new Uplink(t, batches.clone(), slots(computeS, cost, s.frameUpS(), t));
    }

    /** The downlink: every device finishes download and update at {@code T_D} after the uploads end. */
    public static double downlink(FeelSnapshot s) {
        return equalFinish(updateTimes(s), downCosts(s), s.frameDownS());
    }

    public static double[] downlinkSlots(FeelSnapshot s, double finish) {
        return slots(updateTimes(s), downCosts(s), s.frameDownS(), finish);
    }

    /** The linear-region view of a round's devices. */
    static final class Linear {
        final int n;
        final double[] a;
        final double[] c;
        final double[] lo;
        final double[] hi;
        final double[] u;
        /** {@code sqrt(u_k / c_k)}. */
        final double[] r;
        /** The multiplier of the last {@link #batches} call: where the next search starts. */
        private double lastNu = Double.NaN;
        /** {@code sum lo_k}: the global batch at the largest multiplier. */
        private double minBatch = Double.NaN;

        Linear(FeelSnapshot s) {
            n = s.size();
            a = new double[n];
            c = new double[n];
            lo = new double[n];
            hi = new double[n];
            u = upCosts(s);
            r = new double[n];
            for (int k = 0; k < n; k++) {
                BatchLatency law = s.device(k).compute();
                a[k] = law.intercept();
                c[k] = law.perSampleS();
                hi[k] = s.maxBatch();
                lo[k] = law.smallestUseful(s.maxBatch());
                r[k] = Math.sqrt(u[k] / c[k]);
            }
            minBatch = minBatch();
        }

        double minBatch() {
            double b = 0;
            for (double v : lo) {
                b += v;
            }
            return b;
        }

        double maxBatch() {
            double b = 0;
            for (double v : hi) {
                b += v;
            }
            return b;
        }

        /** The batches at multiplier {@code nu} for common finish {@code t}. */
        double batch(int k, double t, double nu) {
            double top = (t - a[k]) / c[k];
            return Math.max(lo[k], Math.min(hi[k], top - nu * r[k]));
        }

        /**
         * The first {@code t} at which the devices can compute {@code total} samples, in
         * {@code [from, to]}: {@code capacity} is piecewise linear in {@code t}, so Newton's method with
         * the slope of the unclipped devices ({@code sum 1 / c_k}) lands on it in a few steps.
         */
        double earliest(double total, double from, double to) {
            if (capacity(from) >= total) {
                return from;
            }
            return Roots.newton(t -> {
                double b = 0;
                double slope = 0;
                for (int k = 0; k < n; k++) {
                    double x = (t - a[k]) / c[k];
                    if (x <= lo[k]) {
                        b += lo[k];
                    } else if (x >= hi[k]) {
                        b += hi[k];
                    } else {
                        b += x;
                        slope += 1 / c[k];
                    }
                }
                return new double[] {b - total, slope};
            }, from, to, Double.NaN);
        }

        /** Largest global batch the devices can compute before {@code t} (strictly, with some slack left). */
        double capacity(double t) {
            double b = 0;
            for (int k = 0; k < n; k++) {
                b += Math.max(lo[k], Math.min(hi[k], (t - a[k]) / c[k]));
            }
            return b;
        }

        /** The batches summing to {@code total} with the least total slot time for finish {@code t}. */
        double[] batches(double t, double total) {
            double nuMax = 0;
            double[] top = new double[n];
            for (int k = 0; k < n; k++) {
                top[k] = (t - a[k]) / c[k];
                nuMax = Math.max(nuMax, (top[k] - lo[k]) / r[k]);
            }
            // sum_k batch(k, t, nu) decreases in nu from capacity(t) to sum lo, piecewise linearly: Newton's method
            // with the slope of the unclipped devices lands on the root once in its piece (a few steps, where Brent
            // needs about thirty on the many kinks of a large round), from the last multiplier found.
            Roots.WithDerivative f = v -> {
                double b = 0;
                double slope = 0;
                for (int k = 0; k < n; k++) {
                    double x = top[k] - v * r[k];
                    if (x <= lo[k]) {
                        b += lo[k];
                    } else if (x >= hi[k]) {
                        b += hi[k];
                    } else {
                        b += x;
                        slope += r[k];
                    }
                }
                return new double[] {total - b, slope};
            };
            double nu;
            if (f.at(0.0)[0] >= 0) {
                nu = 0.0;
            } else if (total <= minBatch) {
                nu = nuMax;
            } else {
                nu = Roots.newton(f, 0.0, nuMax, lastNu);
            }
            lastNu = nu;
            double[] out = new double[n];
            for (int k = 0; k < n; k++) {
                out[k] = batch(k, t, nu);
            }
            return out;
        }

        /** Total uplink slot time of {@code batches} finishing at {@code t}; infinite if one has no slack. */
        double slotTime(double t, double[] batches) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                double slack = t - a[k] - c[k] * batches[k];
                if (!(slack > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                s += u[k] / slack;
            }
            return s;
        }
    }

    /** The jointly optimal uplink for global batch {@code total} (in {@code [sum lo, K Bmax]}). */
    public static Uplink uplink(FeelSnapshot s, double total) {
        return uplink(new Linear(s), s.frameUpS(), total);
    }

    static Uplink uplink(Linear d, double frame, double total) {
        double start = Double.NEGATIVE_INFINITY;
        double latest = Double.NEGATIVE_INFINITY;
        double cost = 0;
        for (int k = 0; k < d.n; k++) {
            start = Math.max(start, d.a[k] + d.c[k] * d.lo[k]);
            latest = Math.max(latest, d.a[k] + d.c[k] * d.hi[k]);
            cost += d.u[k];
        }
        // Below tLo the devices cannot compute `total` samples with time to spare for a transfer.
        double tLo = d.earliest(total, start, latest);
        double tHi = latest + cost / frame;
        double t = Roots.increasing(tt -> {
            if (!(tt > tLo)) {
                return -1.0;
            }
            double slotTime = d.slotTime(tt, d.batches(tt, total));
            return frame / slotTime - 1.0;
        }, tLo, tHi);
        double[] b = d.batches(t, total);
        double[] ready = new double[d.n];
        for (int k = 0; k < d.n; k++) {
            ready[k] = d.a[k] + d.c[k] * b[k];
        }
        return new Uplink(t, b, slots(ready, d.u, frame, t));
    }

    /** The paper's Alg. 1 with real batches: the global batch maximising {@code sqrt(B) / (T_U(B) + T_D)}. */
    public static Optimum optimum(FeelSnapshot s) {
        Linear d = new Linear(s);
        double tDown = downlink(s);
        double lo = d.minBatch();
        double hi = d.maxBatch();
        java.util.function.DoubleUnaryOperator efficiency = b -> Math.sqrt(b) / (uplink(d, s.frameUpS(), b).finishS() + tDown);
        double best = hi;
        double bestValue = efficiency.applyAsDouble(hi);
        if (hi > lo) {
            double atLo = efficiency.applyAsDouble(lo);
            if (atLo > bestValue) {
                best = lo;
                bestValue = atLo;
            }
            UnivariatePointValuePair p = new BrentOptimizer(1e-12, 1e-12 * hi).optimize(new MaxEval(10_000),
                    new UnivariateObjectiveFunction(efficiency::applyAsDouble), GoalType.MAXIMIZE,
                    new SearchInterval(lo, hi, 0.5 * (lo + hi)));
            if (p.getValue() > bestValue) {
                best = p.getPoint();
            }
        }
        return new Optimum(best, uplink(d, s.frameUpS(), best), tDown, downlinkSlots(s, tDown));
    }

    static double[] upCosts(FeelSnapshot s) {
        double[] u = new double[s.size()];
        for (int k = 0; k < u.length; k++) {
            u[k] = s.upCost(k);
        }
        return u;
    }

    static double[] downCosts(FeelSnapshot s) {
        double[] u = new double[s.size()];
        for (int k = 0; k < u.length; k++) {
            u[k] = s.downCost(k);
        }
        return u;
    }

    static double[] updateTimes(FeelSnapshot s) {
        double[] t = new double[s.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = s.device(k).updateS();
        }
        return t;
    }
}

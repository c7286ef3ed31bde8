package org.edgesim.protocol.partel.schedulers;

import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.radio.UplinkNoise;
import org.edgesim.sched.Roots;

/**
 * The relaxed (real-valued blocks) joint PABA problem, solved exactly by three nested monotone
 * root searches, each a bracketed Newton iteration on derivatives known in closed form
 * ({@link PabaMath#groupTerms}):
 * <ol>
 *   <li>the window {@code T = t - T_ph - T_s}: the root of {@code 1 - F(T)}, where {@code F(T)} is
 *       the least total share that carries {@code N_p} parameters within {@code T}; by the envelope
 *       theorem {@code F'(T) = sum_k dG_k/dT} at the optimal blocks;</li>
 *   <li>the common marginal share {@code nu} at which the blocks sum to {@code N_p} (the paper's
 *       Lemma 3), on {@code log nu}; {@code d b_k / d nu = 1 / G_k''(b_k)};</li>
 *   <li>each group's block with {@code G_k'(b_k) = nu}, on {@code G'^(-1/2)}, which is linear in
 *       {@code b} for a single worker under equal-share noise (under allocated noise on
 *       {@code log b}, where the slope rises from 0 like {@code 1 / ln(1/b)}).</li>
 * </ol>
 * Every search starts from the previous answer (warm starts), so that the inner ones usually take
 * one or two steps. The tests hold the result to a general-purpose optimiser and closed forms.
 */
final class JointRelaxation {
    private final PabaMath math;
    private final PartelSnapshot s;
    private final int groups;
    private final double np;
    /** Warm starts: the last blocks found, and the last log nu. */
    private final double[] warm;
    private double lastLogNu = Double.NaN;

    JointRelaxation(PabaMath math) {
        this.math = math;
        this.s = math.s;
        this.groups = s.groups();
        this.np = s.modelParameters();
        this.warm = new double[groups];
    }

    JointPabaScheduler.Relaxed solve() {
        // Below this window the groups cannot carry N_p parameters at all (the caps sum to N_p).
        double inverse = 0;
        for (int k = 0; k < groups; k++) {
            inverse += math.blockCap(k, 1.0);
        }
        double floor = np / inverse;
        double lo = floor * (1 + 1e-9);
        while (!Double.isFinite(minimumShare(lo)[0])) {
            lo = floor + 2 * (lo - floor);
        }
        // Algorithm 2's latency with proportional blocks is achievable (its shares sum to 1), so the
        // optimal window is at most its window: a bracket with no search.
        double[] proportional = new double[groups];
        for (int k = 0; k < groups; k++) {
            proportional[k] = np * math.blockCap(k, 1.0) / inverse;
        }
        double hi = Math.max(math.latencyForBlocks(proportional) - math.fixed, lo * (1 + 1e-9));
        while (minimumShare(hi)[0] > 1) {
            lo = hi;
            hi *= 2;
            if (Double.isInfinite(hi)) {
                throw new IllegalStateException("no latency carries the model within the band");
            }
        }
        double window = Roots.newton(t -> {
            double[] f = minimumShare(t);
            return new double[] {1 - f[0], -f[1]};
        }, lo, hi, hi * (1 - 1e-9)); // Algorithm 2's window is usually close to the optimum: start there
        return new JointPabaScheduler.Relaxed(math.fixed + window, blocksAt(window));
    }

    /** {@code {F(T), F'(T)}}: the least total share carrying {@code N_p} within {@code T}, and its derivative. */
    double[] minimumShare(double window) {
        double capacity = 0;
        for (int k = 0; k < groups; k++) {
            capacity += math.blockCap(k, window);
        }
        if (!(capacity > np)) {
            return new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        }
        double[] blocks = blocksAt(window);
        double total = 0;
        double slope = 0;
        for (int k = 0; k < groups; k++) {
            PabaMath.GroupTerms g = math.groupTerms(k, blocks[k], window);
            total += g.share();
            slope += g.timeSlope();
        }
        return new double[] {total, slope};
    }

    /** Blocks summing to {@code N_p} with equal marginal share per parameter, at window {@code T}. */
    double[] blocksAt(double window) {
        // Blocks proportional to the caps sum to N_p and are feasible; at the least of their
        // marginal shares every block is at most its proportional one, at the largest at least:
        // a bracket of nu without any search.
        double capacity = 0;
        for (int k = 0; k < groups; k++) {
            capacity += math.blockCap(k, window);
        }
        double nuLo = Double.POSITIVE_INFINITY;
        double nuHi = 0;
        for (int k = 0; k < groups; k++) {
            double slope = math.groupTerms(k, np * math.blockCap(k, window) / capacity, window).slope();
            nuLo = Math.min(nuLo, slope);
            nuHi = Math.max(nuHi, slope);
        }
        double[] blocks;
        if (nuHi <= nuLo) {
            blocks = new double[groups];
            for (int k = 0; k < groups; k++) {
                blocks[k] = np * math.blockCap(k, window) / capacity;
            }
            return blocks;
        }
        double lo = Math.log(nuLo);
        double hi = Math.log(nuHi);
        double logNu = Roots.newton(x -> {
            double nu = Math.exp(x);
            double[] b = blocksFor(nu, window);
            double sum = 0;
            double derivative = 0;
            for (int k = 0; k < groups; k++) {
                sum += b[k];
                if (b[k] > 0) {
                    derivative += nu / math.groupTerms(k, b[k], window).curvature();
                }
            }
            return new double[] {sum - np, derivative};
        }, lo, hi, lastLogNu > lo && lastLogNu < hi ? lastLogNu : 0.5 * (lo + hi));
        lastLogNu = logNu;
        blocks = blocksFor(Math.exp(logNu), window);
        double sum = 0;
        for (double b : blocks) {
            sum += b;
        }
        // Spread the solver's last relative 1e-13 so that the blocks sum to N_p exactly.
        double scale = np / sum;
        for (int k = 0; k < groups; k++) {
            blocks[k] = Math.min(blocks[k] * scale, math.blockCap(k, window));
        }
        return blocks;
    }

    /** Each group's block whose marginal share per parameter is {@code nu} (0 if even the first costs more). */
    double[] blocksFor(double nu, double window) {
        double[] blocks = new double[groups];
        double target = 1 / Math.sqrt(nu);
        boolean linear = s.uplinkNoise() == UplinkNoise.EQUAL_SHARE;
        for (int k = 0; k < groups; k++) {
            if (math.groupSlope(k, 0, window) >= nu) {
                continue;
            }
            int group = k;
            double cap = math.blockCap(k, window);
            double hi = cap * (1 - 1e-12);
            // Under equal-share noise the slope is finite below the cap; under allocated noise the
            // rate ceiling may make it infinite just below: step back until it is finite.
            while (!linear && !Double.isFinite(math.groupSlope(group, hi, window))) {
                hi = cap - 2 * (cap - hi);
            }
            // g(b) = nu^-1/2 - G'(b)^-1/2 is increasing; g'(b) = G''(b) / (2 G'(b)^3/2).
            if (linear) {
                blocks[k] = Roots.newton(b -> {
                    PabaMath.GroupTerms g = math.groupTerms(group, b, window);
                    double root = Math.sqrt(g.slope());
                    return new double[] {target - 1 / root, 0.5 * g.curvature() / (g.slope() * root)};
                }, 0, hi, warm[k]);
            } else {
                double lo = Math.log(hi) - 60; // 1e-26 of the cap stands for 0
                if (target - 1 / Math.sqrt(math.groupSlope(group, Math.exp(lo), window)) >= 0) {
                    continue;
                }
                double x = Roots.newton(y -> {
                    double b = Math.exp(y);
                    PabaMath.GroupTerms g = math.groupTerms(group, b, window);
                    double root = Math.sqrt(g.slope());
                    return new double[] {target - 1 / root, 0.5 * g.curvature() * b / (g.slope() * root)};
                }, lo, Math.log(hi), warm[k] > 0 ? Math.log(warm[k]) : 0.5 * (lo + Math.log(hi)));
                blocks[k] = Math.exp(x);
            }
            warm[k] = blocks[k];
        }
        return blocks;
    }
}

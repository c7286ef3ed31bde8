package org.edgesim.protocol.mel;

import org.edgesim.sched.external.Wire;

/**
 * One learner's cycle time {@code t_k = c2 tau_k d_k + c1 d_k + c0} (docs/models/async-mel.md, "Timing").
 *
 * @param index 0-based
 * @param c2    seconds per sample per local update, {@code C_m / f_k}
 * @param c1    seconds per sample sent, {@code F P_d / R_k} (parallelised learning) or 0 (federated)
 * @param c0    seconds for the model down and back, {@code 2 S_m / R_k} (the return compressed:
 *              {@code (S_m + its bits) / R_k}, {@code protocol.compression})
 */
public record MelLearner(int index, @Wire("c2_s_per_sample_update") double c2, @Wire(unit = "s/sample") double c1,
                         @Wire(unit = "s") double c0) {
    public MelLearner {
        if (!(c2 > 0) || !(c1 >= 0) || !(c0 >= 0) || !Double.isFinite(c2 + c1 + c0)) {
            throw new IllegalArgumentException("learner " + index + " needs c2 > 0, c1 >= 0, c0 >= 0, got " + c2 + ", "
                    + c1 + ", " + c0);
        }
    }

    /** Cycle time with {@code samples} samples and {@code updates} local updates. */
    public double time(double samples, double updates) {
        return c2 * updates * samples + c1 * samples + c0;
    }

    /**
     * The most local updates that fit in {@code cycle} with {@code samples} samples (the learner
     * works for the whole cycle), or -1 if it cannot even receive and return.
     */
    public long updatesThatFit(double cycle, long samples) {
        double spare = cycle - c0 - c1 * samples;
        if (spare < 0) {
            return -1;
        }
        long tau = (long) Math.floor(spare / (c2 * samples));
        // Guard the floor against rounding: the time must fit.
        while (tau > 0 && time(samples, tau) > cycle) {
            tau--;
        }
        return tau;
    }

    /** The most samples with which {@code updates} updates still fit in {@code cycle} (may be below 0). */
    public long samplesFor(double cycle, long updates) {
        long d = (long) Math.floor((cycle - c0) / (c2 * updates + c1));
        while (d > 0 && time(d, updates) > cycle) {
            d--;
        }
        while (time(d + 1, updates) <= cycle) {
            d++;
        }
        return d;
    }
}

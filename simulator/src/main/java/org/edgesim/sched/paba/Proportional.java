package org.edgesim.sched.paba;

import java.util.Locale;
import java.util.Map;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;
import org.edgesim.sched.Apportion;

/**
 * The rule of "proportional" parameter allocation (partel-paba.md, "Proportional parameters"),
 * used by the baseline and by Algorithm 2's first step: block lengths proportional to a per-group
 * weight, rounded to integers that sum to N_p. The scheduler option {@code proportionalTo} chooses it.
 */
public enum Proportional {
    /**
     * The paper's Sec. VII, "proportional to its computation capability": a group's weight is the
     * sum of its workers' clock speeds, {@code sum_n f_{k,n}}. The default.
     */
    CAPABILITY,
    /**
     * Inverse to the group's slowest worker's compute time per parameter,
     * {@code 1 / max_n (D_{k,n} O / f_{k,n})}: the reading Sec. V's words for Alg. 2 can suggest,
     * which makes the proportional blocks compute-optimal already.
     */
    SLOWEST;

    /** The scheduler option that chooses the rule. */
    public static final String OPTION = "proportionalTo";

    /** The option's description, for {@code edgesim list} and errors. */
    public static final Map<String, String> OPTIONS = Map.of(OPTION, "capability (default: blocks proportional to the"
            + " sum of a group's clock speeds) or slowest (inverse to its slowest worker's compute time)");

    /** The rule the options choose; {@link #CAPABILITY} when they name none. */
    public static Proportional of(Map<String, String> options) {
        String value = options.get(OPTION);
        if (value == null) {
            return CAPABILITY;
        }
        for (Proportional p : values()) {
            if (p.label().equals(value)) {
                return p;
            }
        }
        throw new IllegalArgumentException("must be 'capability' (blocks proportional to the sum of a group's clock"
                + " speeds) or 'slowest' (inverse to its slowest worker's compute time), got '" + value + "'");
    }

    /** The name in a scenario file. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Each group's weight. */
    double[] weights(PartelSnapshot s) {
        double[] w = new double[s.groups()];
        if (this == CAPABILITY) {
            for (Worker worker : s.workers()) {
                w[worker.group()] += worker.speedHz();
            }
            return w;
        }
        for (Worker worker : s.workers()) {
            w[worker.group()] = Math.max(w[worker.group()], s.computeTime(worker, 1.0));
        }
        for (int k = 0; k < w.length; k++) {
            w[k] = 1.0 / w[k];
        }
        return w;
    }

    /** The proportional blocks: integers at least 1 that sum to N_p. */
    long[] blocks(PartelSnapshot s) {
        return Apportion.largestRemainder(weights(s), s.modelParameters(), 1);
    }
}

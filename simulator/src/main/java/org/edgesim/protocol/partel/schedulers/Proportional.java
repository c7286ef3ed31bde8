package org.edgesim.protocol.partel.schedulers;

import java.util.Locale;
import java.util.Map;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;
import org.edgesim.sched.Apportion;

/**
 * The rule of "proportional" parameter allocation (docs/models/partel.md, "Proportional parameters"),
 * used by the baseline and by Algorithm 2's first step: block lengths proportional to a per-group
 * weight, rounded to integers that sum to N_p. The paper words it twice: Sec. VII says the
 * baseline's blocks are "proportional to its computation capability" ({@link #CAPABILITY}, the
 * baseline's default), and Sec. V sizes Alg. 2's blocks by each group's computation latency, set
 * by its slowest worker ({@link #SLOWEST}, Alg. 2's default). The scheduler option
 * {@code proportionalTo} chooses either for either scheduler.
 */
public enum Proportional {
    /**
     * The paper's Sec. VII, "proportional to its computation capability": a group's weight is the
     * sum of its workers' clock speeds, {@code sum_n f_{k,n}}. The baseline's default.
     */
    CAPABILITY,
    /**
     * Inverse to the group's computation latency per parameter, that of its slowest worker,
     * {@code 1 / max_n (D_{k,n} O / f_{k,n})}: Sec. V's sizing of Alg. 2's blocks, Alg. 2's
     * default. It makes the blocks compute-optimal (every group computes for the same time).
     */
    SLOWEST;

    /** The scheduler option that chooses the rule. */
    public static final String OPTION = "proportionalTo";

    /** The option's description for a scheduler whose default is {@code fallback}, for {@code edgesim list}. */
    public static Map<String, String> options(Proportional fallback) {
        return Map.of(OPTION, "capability (blocks proportional to the sum of a group's clock speeds) or slowest"
                + " (inverse to its slowest worker's compute time); default " + fallback.label());
    }

    /** The rule the options choose; {@code fallback}, the scheduler's default, when they name none. */
    public static Proportional of(Map<String, String> options, Proportional fallback) {
        String value = options.get(OPTION);
        if (value == null) {
            return fallback;
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

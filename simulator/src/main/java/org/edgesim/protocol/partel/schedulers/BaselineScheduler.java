package org.edgesim.protocol.partel.schedulers;

import java.util.Arrays;
import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.PartelSnapshot;

/**
 * The paper's baseline: block lengths proportional to each group's computation capability, by
 * default the sum of its workers' clock speeds (Sec. VII's words; option {@code proportionalTo:
 * slowest} makes them inverse to its slowest worker's compute time: {@link Proportional}), rounded
 * to integers that sum to N_p; bandwidth shared equally, {@code 1 / (K N)} each.
 */
public final class BaselineScheduler implements PartelScheduler {
    public static final String NAME = "baseline";
    /** The proportional rule when the scenario names none: Sec. VII's capability. */
    public static final Proportional DEFAULT_RULE = Proportional.CAPABILITY;

    private final Proportional rule;

    public BaselineScheduler(Proportional rule) {
        this.rule = rule;
    }

    /** With the default rule, {@link #DEFAULT_RULE}. */
    public BaselineScheduler() {
        this(DEFAULT_RULE);
    }

    @Override
    public PartelPlan plan(PartelSnapshot s) {
        long[] blocks = rule.blocks(s);
        double[] shares = new double[s.workers().size()];
        Arrays.fill(shares, 1.0 / shares.length);
        return PartelPlan.of(s, blocks, shares, s.latency(blocks, shares));
    }
}

package org.edgesim.protocol.partel.schedulers;

import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.PartelSnapshot;

/**
 * The paper's Algorithm 2: blocks proportional to each group's computation speed, by default
 * inverse to its computation latency per parameter, that of its slowest worker (Sec. V sizes
 * Alg. 2's blocks by the groups' computation latencies; option {@code proportionalTo: capability}
 * gives the baseline's sum of clock speeds instead: {@link Proportional}); given them, every
 * worker finishes at the same latency {@code t*},
 * {@code rho = b_k A_g / ((t* - T_s - T_ph - t_cmp) B R_u)}, with {@code t*} the root of
 * {@code sum rho = 1} (bisection on the monotone total share).
 */
public final class ParameterAwareBandwidthScheduler implements PartelScheduler {
    public static final String NAME = "parameter-aware-bandwidth";
    /** The proportional rule when the scenario names none: Sec. V's slowest worker. */
    public static final Proportional DEFAULT_RULE = Proportional.SLOWEST;

    private final Proportional rule;

    public ParameterAwareBandwidthScheduler(Proportional rule) {
        this.rule = rule;
    }

    /** With the default rule, {@link #DEFAULT_RULE}. */
    public ParameterAwareBandwidthScheduler() {
        this(DEFAULT_RULE);
    }

    @Override
    public PartelPlan plan(PartelSnapshot s) {
        return forBlocks(s, new PabaMath(s), rule.blocks(s));
    }

    /** The optimal shares for fixed integer {@code blocks}, as a plan. */
    static PartelPlan forBlocks(PartelSnapshot s, PabaMath math, long[] blocks) {
        double[] b = new double[blocks.length];
        for (int k = 0; k < b.length; k++) {
            b[k] = blocks[k];
        }
        double[] shares = math.shares(b, math.latencyForBlocks(b));
        return PartelPlan.of(s, blocks, shares, s.latency(blocks, shares));
    }
}

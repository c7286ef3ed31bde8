package org.edgesim.sched.paba;

import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.PartelSnapshot;

/**
 * The paper's Algorithm 2: blocks proportional to group computation capability, by the same rule
 * as the baseline ({@link Proportional}); given
 * them, every worker finishes at the same latency {@code t*},
 * {@code rho = b_k A_g / ((t* - T_s - T_ph - t_cmp) B R_u)}, with {@code t*} the root of
 * {@code sum rho = 1} (bisection on the monotone total share).
 */
public final class ParameterAwareBandwidthScheduler implements PartelScheduler {
    public static final String NAME = "parameter-aware-bandwidth";

    private final Proportional rule;

    public ParameterAwareBandwidthScheduler(Proportional rule) {
        this.rule = rule;
    }

    /** With the default rule, {@link Proportional#CAPABILITY}. */
    public ParameterAwareBandwidthScheduler() {
        this(Proportional.CAPABILITY);
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

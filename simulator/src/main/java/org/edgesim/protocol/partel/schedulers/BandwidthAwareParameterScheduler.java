package org.edgesim.protocol.partel.schedulers;

import java.util.Arrays;
import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;

/**
 * The paper's Algorithm 1: equal bandwidth shares; given them, each group's latency is linear in
 * its block, {@code t_k = T_ph + T_s + a_k b_k} with
 * {@code a_k = max_n (D O / f + A_g / (rho B R_u))}, and the optimal blocks make all groups finish
 * together (integers by {@link IntegerBlocks}).
 */
public final class BandwidthAwareParameterScheduler implements PartelScheduler {
    public static final String NAME = "bandwidth-aware-parameter";

    @Override
    public PartelPlan plan(PartelSnapshot s) {
        double[] shares = new double[s.workers().size()];
        Arrays.fill(shares, 1.0 / shares.length);
        long[] blocks = blocks(s, shares[0]);
        return PartelPlan.of(s, blocks, shares, s.latency(blocks, shares));
    }

    /** Optimal integer blocks for every worker at share {@code share}. */
    static long[] blocks(PartelSnapshot s, double share) {
        double[] perParameter = new double[s.groups()];
        for (Worker w : s.workers()) {
            double a = s.computeTime(w, 1.0) + s.uploadTime(w, 1.0, share);
            perParameter[w.group()] = Math.max(perParameter[w.group()], a);
        }
        return IntegerBlocks.minMax(perParameter, s.modelParameters());
    }
}

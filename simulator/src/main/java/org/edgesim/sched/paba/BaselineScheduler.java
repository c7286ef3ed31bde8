package org.edgesim.sched.paba;

import java.util.Arrays;
import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;
import org.edgesim.sched.Apportion;

/**
 * The paper's baseline: block lengths proportional to each group's computation speed, the speed
 * of its slowest worker {@code 1 / max_n (D_{k,n} O / f_{k,n})}, rounded to integers that sum to
 * N_p; bandwidth shared equally, {@code 1 / (K N)} each.
 */
public final class BaselineScheduler implements PartelScheduler {
    public static final String NAME = "baseline";

    @Override
    public PartelPlan plan(PartelSnapshot s) {
        long[] blocks = Apportion.largestRemainder(groupSpeeds(s), s.modelParameters(), 1);
        double[] shares = new double[s.workers().size()];
        Arrays.fill(shares, 1.0 / shares.length);
        return PartelPlan.of(s, blocks, shares, s.latency(blocks, shares));
    }

    /** Per group, parameters per second its slowest worker computes: {@code 1 / max_n (D O / f)}. */
    static double[] groupSpeeds(PartelSnapshot s) {
        double[] slowest = new double[s.groups()];
        for (Worker w : s.workers()) {
            slowest[w.group()] = Math.max(slowest[w.group()], s.computeTime(w, 1.0));
        }
        double[] speed = new double[s.groups()];
        for (int k = 0; k < speed.length; k++) {
            speed[k] = 1.0 / slowest[k];
        }
        return speed;
    }
}

package org.example.edgesim;

import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;
import org.edgesim.sched.Apportion;

/**
 * A PARTEL scheduler from outside edgesim: every group gets the same block length (within one
 * parameter), and the band is shared so that every worker's upload takes the same time: worker
 * {@code w}'s share is proportional to {@code 1 / R_u[w]}, its uplink spectral efficiency's inverse.
 * It sees only the snapshot (public API) and returns a plan that {@link PartelPlan#of} checks.
 */
public final class EqualBlocksScheduler implements PartelScheduler {
    public static final String NAME = "equal-blocks-equal-uploads";

    @Override
    public PartelPlan plan(PartelSnapshot s) {
        double[] equal = new double[s.groups()];
        java.util.Arrays.fill(equal, 1.0);
        long[] blocks = Apportion.largestRemainder(equal, s.modelParameters(), 1);
        double[] shares = new double[s.workers().size()];
        double total = 0;
        for (Worker w : s.workers()) {
            shares[w.index()] = 1.0 / w.upEfficiency();
            total += shares[w.index()];
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= total;
        }
        return PartelPlan.of(s, blocks, shares, s.latency(blocks, shares));
    }
}

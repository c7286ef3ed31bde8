package org.edgesim.sched.cpsl;

import org.edgesim.protocol.cpsl.CpslLatency;
import org.edgesim.protocol.cpsl.CpslPlan;
import org.edgesim.protocol.cpsl.CpslScheduler;
import org.edgesim.protocol.cpsl.CpslSnapshot;

/**
 * {@code cpsl-heuristic-equal}: devices sorted by compute speed into consecutive clusters, as
 * {@code cpsl-heuristic}, with the subcarriers shared equally within each cluster
 * ({@link Subcarriers#equal}) instead of greedily; it reports the plan's own latency as its
 * initial objective.
 */
public final class HeuristicEqualScheduler implements CpslScheduler {
    public static final String NAME = "cpsl-heuristic-equal";

    @Override
    public CpslPlan plan(CpslSnapshot s) {
        int[][] clusters = new Clustering(s).bySpeed();
        int[] x = new int[s.size()];
        for (int[] members : clusters) {
            int[] share = Subcarriers.equal(members.length, s.subcarriers());
            for (int i = 0; i < members.length; i++) {
                x[members[i]] = share[i];
            }
        }
        CpslPlan plan = new CpslPlan(clusters, x, Double.NaN);
        return new CpslPlan(clusters, x, CpslLatency.round(s, plan));
    }
}

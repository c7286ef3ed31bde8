package org.edgesim.protocol.cpsl.schedulers;

import org.edgesim.protocol.cpsl.CpslPlan;
import org.edgesim.protocol.cpsl.CpslScheduler;
import org.edgesim.protocol.cpsl.CpslSnapshot;

/**
 * {@code cpsl-heuristic-equal}: devices sorted by compute speed into consecutive clusters, as
 * {@code cpsl-heuristic}, with the subcarriers shared equally within each cluster
 * ({@link Subcarriers#equal}) instead of greedily: the paper's Fig. 8b benchmark (docs/models/cpsl.md,
 * "Baselines"); it reports the plan's own latency as its initial objective.
 */
public final class HeuristicEqualScheduler implements CpslScheduler {
    public static final String NAME = "cpsl-heuristic-equal";

    @Override
    public CpslPlan plan(CpslSnapshot s) {
        Clustering c = new Clustering(s);
        return c.planEqual(c.bySpeed());
    }
}

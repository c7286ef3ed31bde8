package org.edgesim.protocol.cpsl.schedulers;

import org.edgesim.protocol.cpsl.CpslPlan;
import org.edgesim.protocol.cpsl.CpslScheduler;
import org.edgesim.protocol.cpsl.CpslSnapshot;

/** {@code cpsl-heuristic}: devices sorted by compute speed, cut into consecutive clusters; greedy subcarriers. */
public final class HeuristicScheduler implements CpslScheduler {
    public static final String NAME = "cpsl-heuristic";

    @Override
    public CpslPlan plan(CpslSnapshot s) {
        Clustering c = new Clustering(s);
        return c.plan(c.bySpeed());
    }
}

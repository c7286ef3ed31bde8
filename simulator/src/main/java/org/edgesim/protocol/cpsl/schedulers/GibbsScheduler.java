package org.edgesim.protocol.cpsl.schedulers;

import org.edgesim.protocol.cpsl.CpslPlan;
import org.edgesim.protocol.cpsl.CpslScheduler;
import org.edgesim.protocol.cpsl.CpslSnapshot;

/** {@code cpsl-gibbs} (proposed): Gibbs-sampling clustering from a random start, greedy subcarriers. */
public final class GibbsScheduler implements CpslScheduler {
    public static final String NAME = "cpsl-gibbs";

    @Override
    public CpslPlan plan(CpslSnapshot s) {
        Clustering c = new Clustering(s);
        GibbsClustering.Result r = GibbsClustering.run(c.random(), c::cost, s.gibbsIterations(), s.gibbsDelta(),
                s.random());
        CpslPlan best = c.plan(r.clusters(), r.initial());
        return new CpslPlan(best.clusters(), best.subcarriers(), best.initial(), r.last());
    }
}

package org.edgesim.protocol.cpsl.schedulers;

import org.edgesim.protocol.cpsl.CpslPlan;
import org.edgesim.protocol.cpsl.CpslScheduler;
import org.edgesim.protocol.cpsl.CpslSnapshot;

/** {@code cpsl-random}: a random clustering (the round's stream); greedy subcarriers. */
public final class RandomScheduler implements CpslScheduler {
    public static final String NAME = "cpsl-random";

    @Override
    public CpslPlan plan(CpslSnapshot s) {
        Clustering c = new Clustering(s);
        return c.plan(c.random());
    }
}

package org.edgesim.protocol.cpsl.schedulers;

import org.edgesim.protocol.cpsl.CpslPlan;
import org.edgesim.protocol.cpsl.CpslScheduler;
import org.edgesim.protocol.cpsl.CpslSnapshot;

/**
 * {@code cpsl-random-equal}: random clusters (the snapshot's stream, as {@code cpsl-random}) with
 * the subcarriers shared equally within each cluster: the paper's Fig. 8b benchmark.
 */
public final class RandomEqualScheduler implements CpslScheduler {
    public static final String NAME = "cpsl-random-equal";

    @Override
    public CpslPlan plan(CpslSnapshot s) {
        Clustering c = new Clustering(s);
        return c.planEqual(c.random());
    }
}

package org.edgesim.protocol.cpsl;

import java.util.List;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.ProtocolModule;
import org.edgesim.protocol.cpsl.schedulers.GibbsScheduler;
import org.edgesim.protocol.cpsl.schedulers.HeuristicEqualScheduler;
import org.edgesim.protocol.cpsl.schedulers.HeuristicScheduler;
import org.edgesim.protocol.cpsl.schedulers.RandomEqualScheduler;
import org.edgesim.protocol.cpsl.schedulers.RandomScheduler;
import org.edgesim.scenario.ProtocolSpec;
import org.edgesim.sched.SchedulerProvider;

/** CPSL (docs/models/cpsl.md): its section, rounds, the paper's Gibbs clustering and its benchmarks. */
public final class CpslModule implements ProtocolModule {
    @Override
    public Class<? extends ProtocolSpec> spec() {
        return CpslSpec.class;
    }

    @Override
    public Protocol<?> protocol() {
        return new CpslProtocol();
    }

    @Override
    public List<SchedulerProvider> schedulers() {
        return List.of(SchedulerProvider.of(GibbsScheduler.NAME, CpslSpec.TYPE,
                        "Gibbs-sampling clustering (CPSL Alg. 4) with greedy subcarriers (Alg. 3)", GibbsScheduler::new),
                SchedulerProvider.of(HeuristicScheduler.NAME, CpslSpec.TYPE,
                        "devices sorted by compute speed into consecutive clusters, greedy subcarriers",
                        HeuristicScheduler::new),
                SchedulerProvider.of(HeuristicEqualScheduler.NAME, CpslSpec.TYPE,
                        "devices sorted by compute speed into consecutive clusters, equal subcarriers (the paper's Fig."
                                + " 8b benchmark)",
                        HeuristicEqualScheduler::new),
                SchedulerProvider.of(RandomScheduler.NAME, CpslSpec.TYPE,
                        "random clusters, greedy subcarriers", RandomScheduler::new),
                SchedulerProvider.of(RandomEqualScheduler.NAME, CpslSpec.TYPE,
                        "random clusters, equal subcarriers (the paper's Fig. 8b benchmark)", RandomEqualScheduler::new));
    }
}

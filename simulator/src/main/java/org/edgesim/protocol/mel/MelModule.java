package org.edgesim.protocol.mel;

import java.util.List;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.ProtocolModule;
import org.edgesim.protocol.mel.schedulers.HaAsyncScheduler;
import org.edgesim.protocol.mel.schedulers.HaSyncScheduler;
import org.edgesim.protocol.mel.schedulers.HuAsyncScheduler;
import org.edgesim.protocol.mel.schedulers.TieBreak;
import org.edgesim.scenario.ProtocolSpec;
import org.edgesim.sched.SchedulerProvider;

/** Asynchronous mobile edge learning (docs/models/async-mel.md): its section, cycles and the paper's task allocations. */
public final class MelModule implements ProtocolModule {
    @Override
    public Class<? extends ProtocolSpec> spec() {
        return MelSpec.class;
    }

    @Override
    public Protocol<?> protocol() {
        return new MelProtocol();
    }

    @Override
    public List<SchedulerProvider> schedulers() {
        return List.of(SchedulerProvider.withOptions(HaAsyncScheduler.NAME, MelSpec.TYPE,
                        "heterogeneity-aware asynchronous: samples and updates with the least maximum staleness, every"
                                + " learner working the whole cycle", TieBreak.options(),
                        o -> new HaAsyncScheduler(true, TieBreak.of(o))),
                SchedulerProvider.withOptions(HaAsyncScheduler.IDLE_NAME, MelSpec.TYPE,
                        "ha-async with idle time allowed (the earlier reading of (7b); equals ha-sync's staleness)",
                        TieBreak.options(), o -> new HaAsyncScheduler(false, TieBreak.of(o))),
                SchedulerProvider.of(HaSyncScheduler.NAME, MelSpec.TYPE,
                        "heterogeneity-aware synchronous: one common number of updates, as large as possible",
                        HaSyncScheduler::new),
                SchedulerProvider.of(HuAsyncScheduler.NAME, MelSpec.TYPE,
                        "heterogeneity-unaware (equal task allocation): d / K samples each, as many updates as fit",
                        HuAsyncScheduler::new));
    }
}

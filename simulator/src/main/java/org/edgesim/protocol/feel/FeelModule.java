package org.edgesim.protocol.feel;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.ProtocolModule;
import org.edgesim.protocol.feel.schedulers.AirCompScheduler;
import org.edgesim.protocol.feel.schedulers.FedAvgScheduler;
import org.edgesim.protocol.feel.schedulers.FixedBatchScheduler;
import org.edgesim.protocol.feel.schedulers.IndividualScheduler;
import org.edgesim.protocol.feel.schedulers.ProposedScheduler;
import org.edgesim.scenario.ProtocolSpec;
import org.edgesim.sched.SchedulerProvider;

/** FEEL (docs/models/feel.md): its section, rounds, the paper's scheduler and baselines, and over-the-air aggregation's. */
public final class FeelModule implements ProtocolModule {
    @Override
    public Class<? extends ProtocolSpec> spec() {
        return FeelSpec.class;
    }

    @Override
    public Protocol<?> protocol() {
        return new FeelProtocol();
    }

    @Override
    public List<SchedulerProvider> schedulers() {
        List<SchedulerProvider> all = new ArrayList<>();
        all.add(SchedulerProvider.of(ProposedScheduler.NAME, FeelSpec.TYPE,
                "batch sizes and TDMA slots chosen jointly for the most loss decrease per second (FEEL Alg. 1)",
                ProposedScheduler::new));
        for (FixedBatchScheduler.Batches b : FixedBatchScheduler.Batches.values()) {
            for (boolean equal : new boolean[] {false, true}) {
                all.add(SchedulerProvider.of(FixedBatchScheduler.name(b, equal), FeelSpec.TYPE,
                        b.describe() + (equal ? ", equal TDMA slots" : ", optimal TDMA slots for them")
                                + (b == FixedBatchScheduler.Batches.FULL && equal ? " (gradient-based FEEL)"
                                : b == FixedBatchScheduler.Batches.ENTIRE && equal
                                ? " (gradient-based FEEL on the entire data set)" : ""),
                        () -> new FixedBatchScheduler(b, equal)));
            }
        }
        all.add(SchedulerProvider.withOptions(AirCompScheduler.INTERIOR, FeelSpec.TYPE,
                "over-the-air gradient FEEL (broadband analog aggregation, Zhu-Wang-Huang 2020): truncated channel"
                        + " inversion, cell-interior devices only", AirCompScheduler.options(true),
                o -> AirCompScheduler.of(o, true)));
        all.add(SchedulerProvider.withOptions(AirCompScheduler.ALL, FeelSpec.TYPE,
                "over-the-air gradient FEEL with every device (the baseline of cell-interior scheduling)",
                AirCompScheduler.options(false), o -> AirCompScheduler.of(o, false)));
        all.add(SchedulerProvider.of(FedAvgScheduler.NAME, FeelSpec.TYPE,
                "model-based FEEL (FedAvg): one local epoch, models averaged by data size", FedAvgScheduler::new));
        all.add(SchedulerProvider.of(IndividualScheduler.NAME, FeelSpec.TYPE,
                "individual learning: local SGD steps, one model average at the end", IndividualScheduler::new));
        return List.copyOf(all);
    }
}

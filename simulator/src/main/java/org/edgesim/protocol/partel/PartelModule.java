package org.edgesim.protocol.partel;

import java.util.List;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.ProtocolModule;
import org.edgesim.protocol.partel.schedulers.BandwidthAwareParameterScheduler;
import org.edgesim.protocol.partel.schedulers.BaselineScheduler;
import org.edgesim.protocol.partel.schedulers.JointPabaScheduler;
import org.edgesim.protocol.partel.schedulers.ParameterAwareBandwidthScheduler;
import org.edgesim.protocol.partel.schedulers.Proportional;
import org.edgesim.scenario.ProtocolSpec;
import org.edgesim.sched.SchedulerProvider;

/** PARTEL (docs/models/partel.md): its section, rounds and the paper's PABA schedulers and baselines. */
public final class PartelModule implements ProtocolModule {
    @Override
    public Class<? extends ProtocolSpec> spec() {
        return PartelSpec.class;
    }

    @Override
    public Protocol<?> protocol() {
        return new PartelProtocol();
    }

    @Override
    public List<SchedulerProvider> schedulers() {
        return List.of(SchedulerProvider.withOptions(BaselineScheduler.NAME, PartelSpec.TYPE,
                        "blocks proportional to group computation capability, equal bandwidth shares (PARTEL baseline)",
                        Proportional.options(BaselineScheduler.DEFAULT_RULE),
                        o -> new BaselineScheduler(Proportional.of(o, BaselineScheduler.DEFAULT_RULE))),
                SchedulerProvider.of(BandwidthAwareParameterScheduler.NAME, PartelSpec.TYPE,
                        "optimal blocks given equal bandwidth shares (PARTEL Alg. 1)", BandwidthAwareParameterScheduler::new),
                SchedulerProvider.withOptions(ParameterAwareBandwidthScheduler.NAME, PartelSpec.TYPE,
                        "blocks proportional to group computation speed (slowest worker), optimal bandwidth shares given"
                                + " them (PARTEL Alg. 2)", Proportional.options(ParameterAwareBandwidthScheduler.DEFAULT_RULE),
                        o -> new ParameterAwareBandwidthScheduler(Proportional.of(o,
                                ParameterAwareBandwidthScheduler.DEFAULT_RULE))),
                SchedulerProvider.of(JointPabaScheduler.NAME, PartelSpec.TYPE,
                        "blocks and bandwidth shares chosen jointly (PARTEL Algs. 3-4)", JointPabaScheduler::new));
    }
}

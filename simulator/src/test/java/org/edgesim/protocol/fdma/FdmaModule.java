package org.edgesim.protocol.fdma;

import java.util.List;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.ProtocolModule;
import org.edgesim.protocol.fdma.schedulers.EqualShares;
import org.edgesim.scenario.ProtocolSpec;
import org.edgesim.sched.SchedulerProvider;

/** FedAvg over FDMA, found through the test class path's services file. */
public final class FdmaModule implements ProtocolModule {
    @Override
    public Class<? extends ProtocolSpec> spec() {
        return FdmaSpec.class;
    }

    @Override
    public Protocol<?> protocol() {
        return new FdmaProtocol();
    }

    @Override
    public List<SchedulerProvider> schedulers() {
        return List.of(SchedulerProvider.of(EqualShares.NAME, FdmaSpec.TYPE, "the band in equal shares",
                EqualShares::new));
    }
}

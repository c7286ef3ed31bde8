package org.edgesim.engine;

import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.edgesim.sched.SchedulerProvider;

/**
 * Runs one scenario: its protocol with its scheduler, every draw from streams of the scenario's
 * master seed. Stateless; runs may proceed in parallel threads.
 */
public final class Simulation {
    private final Catalog catalog;

    public Simulation(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Runs {@code scenario}; {@code progress} is told after every round. */
    public RunResult run(Scenario scenario, RunContext.RoundListener progress) {
        return run(scenario, 0, progress);
    }

    /**
     * Runs replication {@code replication} of {@code scenario}: every stream at its substream
     * {@code replication}, so that replications are independent and, for one replication, every
     * scheduler sees the same draws.
     */
    public RunResult run(Scenario scenario, int replication, RunContext.RoundListener progress) {
        String type = scenario.protocol().type();
        Protocol protocol = catalog.protocol(type)
                .orElseThrow(() -> new IllegalArgumentException("no protocol '" + type + "' in the catalog"));
        SchedulerProvider provider = catalog.schedulers().find(type, scenario.scheduler())
                .orElseThrow(() -> new IllegalArgumentException("no scheduler '" + scenario.scheduler()
                        + "' for protocol " + type + "; known: " + catalog.schedulers().names(type)));
        RunContext context = new RunContext(scenario, new RandomStreams(scenario.seed(), replication), progress);
        return protocol.run(context, provider.create());
    }

    public RunResult run(Scenario scenario) {
        return run(scenario, RunContext.RoundListener.NONE);
    }
}

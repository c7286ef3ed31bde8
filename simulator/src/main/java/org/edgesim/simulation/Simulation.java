package org.edgesim.simulation;

import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.RunCache;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.SeedMemo;
import org.edgesim.scenario.ExternalSchedulerSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.sched.Scheduler;
import org.edgesim.sched.SchedulerProvider;
import org.edgesim.sched.external.ExternalProcess;
import org.edgesim.sched.external.PlanExchange;

/**
 * Runs one scenario: its protocol with its scheduler, every draw from streams of the scenario's
 * master seed. Runs may proceed in parallel threads; the only state is thread-safe: a memo of the
 * stream seeds derived so far, and the work the runs share (data sets, training traces).
 */
public final class Simulation {
    private final Catalog catalog;
    /** Seeds already derived, per master seed: the runs of a sweep share them (thread-safe). */
    private final java.util.Map<Long, SeedMemo> memos = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Each thread's last streams: consecutive runs of the same seed and replication (the compared
     * schedulers of one replication) reuse them, and so their substream jumps.
     */
    private final ThreadLocal<RandomStreams> recent = new ThreadLocal<>();
    /** Data sets and training traces the runs share (see {@link RunCache}). */
    private final RunCache cache = new RunCache();

    public Simulation(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The protocols and schedulers it runs. */
    public Catalog catalog() {
        return catalog;
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
        return run(scenario, replication, progress, org.edgesim.kernel.EventObserver.NONE);
    }

    /** As {@link #run(Scenario, int, RunContext.RoundListener)}, telling {@code events} of every event. */
    public RunResult run(Scenario scenario, int replication, RunContext.RoundListener progress,
                         org.edgesim.kernel.EventObserver events) {
        String type = scenario.protocol().type();
        Protocol<?> protocol = catalog.protocol(type)
                .orElseThrow(() -> new IllegalArgumentException("no protocol '" + type + "' in the catalog"));
        ExternalSchedulerSpec external = scenario.externalSchedulers() == null ? null
                : scenario.externalSchedulers().get(scenario.scheduler());
        if (external != null) {
            RunContext context = new RunContext(scenario, streams(scenario, replication), progress, cache, events);
            try (ExternalProcess process = new ExternalProcess(scenario.scheduler(), type, external.command(), external.timeoutS())) {
                return runExternal(protocol, context, process);
            }
        }
        SchedulerProvider provider = catalog.schedulers().find(type, scenario.scheduler())
                .orElseThrow(() -> new IllegalArgumentException("no scheduler '" + scenario.scheduler()
                        + "' for protocol " + type + "; known: " + catalog.schedulers().names(type)));
        RunContext context = new RunContext(scenario, streams(scenario, replication), progress, cache, events);
        return runWith(protocol, context, catalog.schedulers().create(provider, scenario.schedulerOptionsOrEmpty()), scenario.scheduler());
    }

    /** Runs {@code protocol} with {@code scheduler}, once checked to be of the protocol's scheduler type. */
    private static <K extends Scheduler<?, ?>> RunResult runWith(Protocol<K> protocol, RunContext context,
                                                                 Scheduler<?, ?> scheduler, String name) {
        if (!protocol.schedulerType().isInstance(scheduler)) {
            throw new IllegalArgumentException("scheduler '" + name + "' (" + scheduler.getClass().getName() + ") is not"
                    + " a " + protocol.schedulerType().getSimpleName() + " of protocol " + protocol.name());
        }
        return protocol.run(context, protocol.schedulerType().cast(scheduler));
    }

    /** Runs {@code protocol} with a scheduler that asks {@code process} for every plan. */
    private static <K extends Scheduler<?, ?>> RunResult runExternal(Protocol<K> protocol, RunContext context,
                                                                     PlanExchange process) {
        return protocol.run(context, protocol.external(process));
    }

    /**
     * Runs {@code scenario} (replication 0) with its protocol's plans asked of {@code plans}, round
     * by round, whatever its {@code scheduler} names (a step environment's episode); {@code progress}
     * is told after every round.
     */
    public RunResult run(Scenario scenario, PlanExchange plans, RunContext.RoundListener progress) {
        String type = scenario.protocol().type();
        Protocol<?> protocol = catalog.protocol(type)
                .orElseThrow(() -> new IllegalArgumentException("no protocol '" + type + "' in the catalog"));
        return runExternal(protocol, new RunContext(scenario, streams(scenario, 0), progress, cache,
                org.edgesim.kernel.EventObserver.NONE), plans);
    }

    /** This thread's streams of {@code scenario}'s seed at {@code replication}, reused while they match. */
    private RandomStreams streams(Scenario scenario, int replication) {
        SeedMemo memo = memos.computeIfAbsent(scenario.seed(), SeedMemo::new);
        RandomStreams streams = recent.get();
        if (streams == null || streams.masterSeed() != scenario.seed() || streams.replication() != replication) {
            streams = new RandomStreams(scenario.seed(), replication, memo);
            recent.set(streams);
        }
        return streams;
    }

    public RunResult run(Scenario scenario) {
        return run(scenario, RunContext.RoundListener.NONE);
    }
}

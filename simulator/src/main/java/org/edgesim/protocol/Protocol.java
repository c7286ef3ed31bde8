package org.edgesim.protocol;

import org.edgesim.sched.Scheduler;

/**
 * A learning protocol, registered by name; {@code K} is the type of its schedulers, so that a run
 * is handed one of its own (the engine checks that once, with {@link #schedulerType()}).
 */
public interface Protocol<K extends Scheduler<?, ?>> {
    /** Registry name, as written in a scenario's {@code protocol.type}. */
    String name();

    /** One line for {@code edgesim list}. */
    String description();

    /**
     * The columns of the rounds table that a run of {@code scenario} writes, in order, known
     * before anything runs (they depend on the scenario's sections only): the metrics a study's
     * figures and claims may name.
     */
    java.util.List<? extends org.edgesim.table.Column<?>> roundColumns(org.edgesim.scenario.Scenario scenario);

    /**
     * A scheduler of this protocol's type that asks {@code process} for every plan: the snapshot
     * encoded as JSON, the answer decoded and checked by the plan's own constructor.
     */
    K external(org.edgesim.sched.external.PlanExchange process);

    /** The type of this protocol's schedulers, e.g. {@code FeelScheduler}. */
    Class<K> schedulerType();

    /** Runs the context's scenario with {@code scheduler}. */
    RunResult run(RunContext context, K scheduler);
}

package org.edgesim.protocol;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.edgesim.scenario.Scenario;
import org.edgesim.sched.Scheduler;
import org.edgesim.sched.external.PlanExchange;
import org.edgesim.table.Column;

/**
 * What every protocol says of itself, given once: its name, its line for {@code edgesim list},
 * its scheduler type, how an external process answers for a scheduler of that type, and the round
 * columns a scenario's run writes, and how it runs.
 */
public abstract class DescribedProtocol<K extends Scheduler<?, ?>> implements Protocol<K> {
    private final String name;
    private final String description;
    private final Class<K> schedulerType;
    private final Function<PlanExchange, K> external;
    private final Function<Scenario, List<? extends Column<?>>> roundColumns;
    private final BiFunction<RunContext, K, RunResult> run;

    protected DescribedProtocol(String name, String description, Class<K> schedulerType,
                                Function<PlanExchange, K> external,
                                Function<Scenario, List<? extends Column<?>>> roundColumns,
                                BiFunction<RunContext, K, RunResult> run) {
        this.name = name;
        this.description = description;
        this.schedulerType = schedulerType;
        this.external = external;
        this.roundColumns = roundColumns;
        this.run = run;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final Class<K> schedulerType() {
        return schedulerType;
    }

    @Override
    public final K external(PlanExchange process) {
        return external.apply(process);
    }

    @Override
    public final List<? extends Column<?>> roundColumns(Scenario scenario) {
        return roundColumns.apply(scenario);
    }

    @Override
    public final RunResult run(RunContext context, K scheduler) {
        return run.apply(context, scheduler);
    }
}

package org.example.edgesim;

import org.edgesim.sched.Scheduler;
import org.edgesim.sched.SchedulerProvider;

/**
 * Registers {@link EqualBlocksScheduler} with edgesim. A provider is a public class with a public
 * no-argument constructor, named in META-INF/services/org.edgesim.sched.SchedulerProvider.
 */
public final class EqualBlocksProvider implements SchedulerProvider {
    @Override
    public String name() {
        return EqualBlocksScheduler.NAME;
    }

    @Override
    public String protocol() {
        return "partel";
    }

    @Override
    public String description() {
        return "equal blocks, bandwidth shares that make every upload take the same time (example plug-in)";
    }

    @Override
    public Scheduler<?, ?> create() {
        return new EqualBlocksScheduler();
    }
}

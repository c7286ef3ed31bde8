package org.edgesim.protocol;

import org.edgesim.sched.Scheduler;

/** A learning protocol, registered by name. */
public interface Protocol {
    /** Registry name, as written in a scenario's {@code protocol.type}. */
    String name();

    /** One line for {@code edgesim list}. */
    String description();

    /** Runs the context's scenario with {@code scheduler}, which must be of this protocol's type. */
    RunResult run(RunContext context, Scheduler<?, ?> scheduler);
}

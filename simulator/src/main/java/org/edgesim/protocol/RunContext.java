package org.edgesim.protocol;

import org.edgesim.kernel.EventObserver;
import org.edgesim.kernel.Kernel;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;

/**
 * What a protocol run needs besides its scheduler.
 *
 * @param scenario the resolved scenario
 * @param streams  the run's named random streams
 * @param progress told after every round
 * @param cache    work shared with the other runs of the same simulation
 * @param events   told of every event of the run's kernel ({@code run --events}); {@link EventObserver#NONE}
 */
public record RunContext(Scenario scenario, RandomStreams streams, RoundListener progress, RunCache cache,
                         EventObserver events) {
    public RunContext(Scenario scenario, RandomStreams streams, RoundListener progress, RunCache cache) {
        this(scenario, streams, progress, cache, EventObserver.NONE);
    }

    /** The run's event kernel, its events observed by {@code events}. */
    public Kernel kernel() {
        return new Kernel().observe(events);
    }

    /**
     * Called after each round with its index (1-based) and the total, and, for who asks, with its
     * cells' common columns: what the round loop tells ({@link org.edgesim.round.RoundLoop.Progress}).
     */
    @FunctionalInterface
    public interface RoundListener extends org.edgesim.round.RoundLoop.Progress {
        RoundListener NONE = (round, rounds) -> { };
    }
}

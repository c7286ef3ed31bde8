package org.edgesim.protocol;

import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;

/**
 * What a protocol run needs besides its scheduler.
 *
 * @param scenario the resolved scenario
 * @param streams  the run's named random streams
 * @param progress told after every round
 */
public record RunContext(Scenario scenario, RandomStreams streams, RoundListener progress) {
    /** Called after each round with its index (1-based) and the total. */
    @FunctionalInterface
    public interface RoundListener {
        RoundListener NONE = (round, rounds) -> { };

        void roundDone(int round, int rounds);
    }
}

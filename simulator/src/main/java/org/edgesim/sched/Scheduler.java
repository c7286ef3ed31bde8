package org.edgesim.sched;

/**
 * Decides one round: {@code S} is the protocol's read-only snapshot, {@code P} its immutable plan,
 * which checks its own constraints when built. Implementations keep no state between rounds
 * unless the protocol says so, and take their randomness, if any, from the snapshot.
 */
@FunctionalInterface
public interface Scheduler<S, P> {
    P plan(S snapshot);
}

package org.edgesim.kernel;

/**
 * A scheduled event, as seen by its owner: its time, whether it is still pending, and how to
 * cancel it. Cancelling is O(1): the event is only flagged and is dropped when it reaches the
 * head of the event list, without advancing the clock to its time.
 */
public interface EventHandle {
    /** Simulated time in seconds at which the event fires. */
    double scheduledTime();

    /** True while the event has neither fired nor been cancelled. */
    boolean isPending();

    /** Cancels the event if it is still pending; returns whether it was. */
    boolean cancel();
}

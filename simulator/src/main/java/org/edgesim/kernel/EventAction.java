package org.edgesim.kernel;

/** What an event does when it fires. One method, so a lambda is an event. */
@FunctionalInterface
public interface EventAction {
    /** Runs the event's work; may schedule further events on the same kernel. */
    void run();
}

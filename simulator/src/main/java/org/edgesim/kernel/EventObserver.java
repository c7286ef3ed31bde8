package org.edgesim.kernel;

/**
 * Told of every event the kernel fires, just before its action runs: for traces of what happened
 * when ({@code edgesim run --events}). It must not schedule or change anything.
 */
@FunctionalInterface
public interface EventObserver {
    EventObserver NONE = (time, label, entity) -> { };

    /**
     * @param time   simulated time of the event (s)
     * @param label  its name, e.g. {@code upload-done}
     * @param entity whose event it is, e.g. {@code device 3}
     */
    void fired(double time, String label, Object entity);
}

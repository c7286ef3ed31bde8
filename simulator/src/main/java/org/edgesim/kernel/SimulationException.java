package org.edgesim.kernel;

/**
 * An exception raised inside an event's action, rethrown with the event's label, its entity and
 * the simulated time at which it fired, so a failure deep in a run says where it happened.
 */
public final class SimulationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String label;
    private final transient Object entity;
    private final double time;

    SimulationException(String label, Object entity, double time, Throwable cause) {
        super("event '" + label + "' of " + entity + " at t=" + time + " s failed: " + describe(cause), cause);
        this.label = label;
        this.entity = entity;
        this.time = time;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? "an internal error without a message (please report)" : message;
    }

    /** The label the event was scheduled with. */
    public String label() {
        return label;
    }

    /** The entity the event belongs to, as given at scheduling. */
    public Object entity() {
        return entity;
    }

    /** Simulated time in seconds at which the failing event fired. */
    public double time() {
        return time;
    }
}

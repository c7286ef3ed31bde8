package org.edgesim.kernel;

import umontreal.ssj.simevents.Simulator;

/**
 * One discrete-event executive: a clock in seconds and a list of future events.
 *
 * <p>An instance, never static: two kernels can run in one JVM at once (one per thread).
 * Events fire in (time, priority, scheduling order); lower priority values fire first and
 * {@link #DEFAULT_PRIORITY} is the default. Times that are negative, NaN, infinite or in the past
 * fail fast at scheduling; an exception thrown inside an action is rethrown as a
 * {@link SimulationException} naming the event, its entity and the simulated time.
 */
public final class Kernel {
    /** Priority of events scheduled without one. */
    public static final int DEFAULT_PRIORITY = 1;

    private final HeapEventList list = new HeapEventList();
    private final Simulator simulator = new Simulator(list);
    private long nextSequence;
    private EventObserver observer = EventObserver.NONE;
    /** Actions to run once the event now firing is done (or, outside an event, when the kernel next runs). */
    private final java.util.ArrayDeque<Runnable> atEventEnd = new java.util.ArrayDeque<>();

    /** Current simulated time in seconds (0 before the first event). */
    public double now() {
        return simulator.time();
    }

    /** Number of events that will still fire (cancelled ones excluded). */
    public int pending() {
        return list.pending();
    }

    /** Number of events that have fired since this kernel was created. */
    public long firedCount() {
        return list.removed();
    }

    /**
     * Schedules {@code action} to fire {@code delay} seconds from now.
     *
     * @param delay  seconds from now, finite and {@code >= 0}
     * @param label  short name of the event, for error reports (e.g. "upload-done")
     * @param entity what the event belongs to, for error reports (e.g. "worker 3"); may be null
     */
    public EventHandle schedule(double delay, String label, Object entity, EventAction action) {
        return schedule(delay, DEFAULT_PRIORITY, label, entity, action);
    }

    /** As {@link #schedule(double, String, Object, EventAction)} with an explicit priority. */
    public EventHandle schedule(double delay, int priority, String label, Object entity, EventAction action) {
        if (!(delay >= 0.0) || delay == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("cannot schedule '" + label + "' of " + entity
                    + " with delay " + delay + " s at t=" + now() + " s: the delay must be finite and >= 0");
        }
        return enqueue(now() + delay, priority, label, entity, action);
    }

    /** Schedules {@code action} at absolute time {@code time} seconds, which must not be in the past. */
    public EventHandle scheduleAt(double time, String label, Object entity, EventAction action) {
        return scheduleAt(time, DEFAULT_PRIORITY, label, entity, action);
    }

    /** As {@link #scheduleAt(double, String, Object, EventAction)} with an explicit priority. */
    public EventHandle scheduleAt(double time, int priority, String label, Object entity, EventAction action) {
        if (!(time >= now()) || time == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("cannot schedule '" + label + "' of " + entity
                    + " at t=" + time + " s: it is now t=" + now() + " s and the time must be finite and not in the past");
        }
        return enqueue(time, priority, label, entity, action);
    }

    private EventHandle enqueue(double time, int priority, String label, Object entity, EventAction action) {
        if (action == null) {
            throw new NullPointerException("action of event '" + label + "'");
        }
        KernelEvent event = new KernelEvent(this, simulator, list, time, priority, nextSequence++, label, entity,
                action, observer);
        list.add(event);
        return event;
    }

    /**
     * Runs {@code action} once the event now firing has done its own action, before any other event
     * (at the same time; no event of its own, so nothing in the event log); outside an event, when
     * the kernel next runs. In the order they were asked for. For work that many actions of one
     * instant would each ask for (e.g. re-rating a shared band once all of an instant's transfers
     * have started).
     */
    public void atEventEnd(Runnable action) {
        atEventEnd.add(java.util.Objects.requireNonNull(action));
    }

    /** Forgets the actions asked for by {@link #atEventEnd}: the event that asked failed. */
    void discardEventEnd() {
        atEventEnd.clear();
    }

    /** The actions asked for by {@link #atEventEnd}, those they ask for included. */
    void drainEventEnd() {
        Runnable r;
        while ((r = atEventEnd.poll()) != null) {
            r.run();
        }
    }

    /** Tells {@code o} of every event scheduled from now on, as it fires. */
    public Kernel observe(EventObserver o) {
        this.observer = java.util.Objects.requireNonNull(o);
        return this;
    }

    /** Runs events until none is left or {@link #stop()} is called. */
    public void run() {
        drainEventEnd();
        if (!list.isEmpty()) {
            simulator.start();
        }
    }

    /**
     * Runs every event with a time {@code <= horizon}, then sets the clock to {@code horizon}
     * if it is later than the last event (events after it stay pending).
     */
    public void runUntil(double horizon) {
        if (!(horizon >= now())) {
            throw new IllegalArgumentException("horizon " + horizon + " s is before now, t=" + now() + " s");
        }
        // A stop event at the horizon with the lowest priority fires after every other event due then.
        EventHandle stopper = scheduleAt(horizon, Integer.MAX_VALUE, "stop", "kernel", this::stop);
        run();
        stopper.cancel();
    }

    /** Stops the run after the event now executing. */
    public void stop() {
        simulator.stop();
    }
}

package org.edgesim.kernel;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/** An SSJ event carrying a typed action, its context for error reports and its order key. */
final class KernelEvent extends Event implements EventHandle {
    final EventAction action;
    final String label;
    final Object entity;
    /** Absolute firing time; kept because SSJ resets its own field once the event is removed. */
    final double at;
    final int rank;
    /** Insertion order: ties in (time, priority) run first-in first-out. */
    final long sequence;
    private final Kernel kernel;
    private final HeapEventList list;
    private final EventObserver observer;
    private byte state; // 0 pending, 1 fired, 2 cancelled

    KernelEvent(Kernel kernel, Simulator sim, HeapEventList list, double at, int priority, long sequence,
                String label, Object entity, EventAction action, EventObserver observer) {
        super(sim);
        this.kernel = kernel;
        this.observer = observer;
        this.list = list;
        this.at = at;
        this.rank = priority;
        this.sequence = sequence;
        this.label = label;
        this.entity = entity;
        this.action = action;
        // SSJ's Event.schedule takes a delay from its own clock; setting the absolute time keeps
        // exactly the time the caller asked for (no now + (t - now) rounding). The fields are set
        // directly: the event is fresh, so the checks of setTime/setPriority cannot fail.
        this.priority = priority;
        this.eventTime = at;
    }

    /** True if this event must run before {@code other}: (time, priority, sequence) order. */
    boolean before(KernelEvent other) {
        if (at != other.at) {
            return at < other.at;
        }
        if (rank != other.rank) {
            return rank < other.rank;
        }
        return sequence < other.sequence;
    }

    @Override
    public void actions() {
        state = 1;
        try {
            observer.fired(at, label, entity);
            action.run();
            kernel.drainEventEnd();
        } catch (SimulationException e) {
            kernel.discardEventEnd();
            throw e;
        } catch (RuntimeException | AssertionError e) {
            kernel.discardEventEnd();
            throw new SimulationException(label, entity, at, e);
        }
    }

    @Override
    public double scheduledTime() {
        return at;
    }

    @Override
    public boolean isPending() {
        return state == 0;
    }

    @Override
    public boolean cancel() {
        if (state != 0) {
            return false;
        }
        state = 2;
        list.onCancelled();
        return true;
    }

    boolean isCancelled() {
        return state == 2;
    }

    @Override
    public String toString() {
        return label + "(" + entity + ")@" + at;
    }
}

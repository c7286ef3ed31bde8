package org.edgesim.round;

import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.Kernel;

/**
 * Where a server gathers what its devices send in one phase, for every protocol: it closes when
 * {@code quorum} have arrived or at the deadline, whichever comes first, and then runs
 * {@code onClose} once. What arrives after it closed is late: not taken. A deadline due at the
 * same instant as an arrival fires after it (arrivals on time are taken).
 */
public final class Gathering {
    private final boolean[] taken;
    private final int quorum;
    private final EventAction onClose;
    private int arrived;
    private boolean closed;

    private Gathering(int expected, int quorum, EventAction onClose) {
        this.taken = new boolean[expected];
        this.quorum = quorum;
        this.onClose = onClose;
    }

    /**
     * Opens from now: {@code expected} senders, indexed from 0; the server closes at the
     * {@code quorum}-th arrival (more than {@code expected}: never early) or {@code deadline} seconds
     * from now (infinite: none), an event {@code kind} of {@code who}.
     */
    public static Gathering open(Kernel kernel, int expected, int quorum, double deadline, String kind, String who,
                                 EventAction onClose) {
        Gathering g = new Gathering(expected, quorum, onClose);
        if (Double.isFinite(deadline)) {
            kernel.scheduleAt(kernel.now() + deadline, Kernel.DEFAULT_PRIORITY + 1, kind, who, g::close);
        }
        return g;
    }

    /** Sender {@code i}'s update is in: taken (true) unless the server has closed. */
    public boolean arrive(int i) {
        if (closed) {
            return false;
        }
        taken[i] = true;
        if (++arrived >= quorum) {
            close();
        }
        return true;
    }

    /** Closes now, if not yet. */
    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        onClose.run();
    }

    public boolean closed() {
        return closed;
    }

    /** Per sender, whether its update was taken. */
    public boolean[] taken() {
        return taken.clone();
    }

    /** How many updates were taken. */
    public int count() {
        return arrived;
    }
}

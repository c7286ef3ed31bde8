package org.edgesim.round;

import java.util.List;
import org.edgesim.device.AvailabilityTrace;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.Kernel;

/**
 * A device's computation as events: {@code work} seconds of computing that stop at each of its
 * pauses (the device away, {@code devices.availability}) and resume where they stopped, with an
 * event when the device goes, when it is back and when the work is done.
 */
public final class Computation {
    private Computation() {
    }

    /** Computes {@code work} seconds from now, pausing at {@code pauses} (by work done), then runs {@code then}. */
    public static void run(Kernel kernel, String who, double work, List<AvailabilityTrace.Pause> pauses,
                           EventAction then) {
        from(kernel, who, work, pauses, 0, 0.0, then);
    }

    private static void from(Kernel kernel, String who, double work, List<AvailabilityTrace.Pause> pauses, int next,
                             double done, EventAction then) {
        if (next == pauses.size()) {
            kernel.schedule(work - done, "compute-done", who, then);
            return;
        }
        AvailabilityTrace.Pause q = pauses.get(next);
        kernel.schedule(q.workBefore() - done, "device-off", who, () -> kernel.schedule(q.length(), "device-on", who,
                () -> from(kernel, who, work, pauses, next + 1, q.workBefore(), then)));
    }
}

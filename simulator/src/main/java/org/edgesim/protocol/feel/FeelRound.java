package org.edgesim.protocol.feel;

import java.util.List;
import java.util.function.Consumer;
import org.edgesim.device.AvailabilityTrace;
import org.edgesim.kernel.Kernel;
import org.edgesim.kernel.Work;
import org.edgesim.protocol.Computation;
import org.edgesim.radio.PiecewiseRate;
import org.edgesim.radio.TdmaFrame;

/**
 * One FEEL round as events: each device computes for {@code compute[k]}, then uploads in its slot
 * of every uplink frame ({@link TdmaFrame#completion}); when the last upload has arrived the server
 * aggregates ({@code atServer}) and every device downloads in its slot of every downlink frame,
 * then updates for {@code update[k]}.
 */
final class FeelRound {
    /** What the events gave, times from the round's start. */
    record Outcome(double start, double latency, double uplink, double[] computed, double[] uploaded,
                   double[] finished, boolean[] arrived) {
    }

    private final Kernel kernel;
    private final FeelSnapshot snapshot;
    private final double[] compute;
    private final double[] update;
    private final TdmaFrame up;
    private final TdmaFrame down;
    private final Consumer<boolean[]> atServer;
    private final List<List<AvailabilityTrace.Pause>> pauses;
    private final double deadline;
    private final int quorum;
    private final List<PiecewiseRate[]> links;
    private int arrivals;
    private final boolean[] arrived;
    private boolean closed;
    private final Consumer<Outcome> done;
    private final double[] computed;
    private final double[] uploaded;
    private final double[] finished;
    private double start;
    private double uplink;
    private int pending;

    /**
     * @param pauses   per device, when its computation stops (after how much work) and for how long
     * @param deadline from the round's start, when the server aggregates what has arrived
     *                 (infinite: it waits for every upload)
     * @param quorum   how many updates the server waits for (the device count: all)
     * @param links    per device, its uplink and downlink in fading blocks ({@code radio.coherenceTime}),
     *                 or null for the snapshot's rates all round
     * @param atServer the aggregation, told which updates arrived
     */
    FeelRound(Kernel kernel, FeelSnapshot snapshot, FeelPlan plan, double[] compute, double[] update,
              List<List<AvailabilityTrace.Pause>> pauses, double deadline, int quorum, List<PiecewiseRate[]> links,
              Consumer<boolean[]> atServer,
              Consumer<Outcome> done) {
        this.kernel = kernel;
        this.snapshot = snapshot;
        this.compute = compute.clone();
        this.update = update.clone();
        this.up = new TdmaFrame(snapshot.frameUpS(), plan.slotUpS());
        this.down = new TdmaFrame(snapshot.frameDownS(), plan.slotDownS());
        this.atServer = atServer;
        this.done = done;
        this.pauses = List.copyOf(pauses);
        this.deadline = deadline;
        this.quorum = quorum;
        this.links = links;
        int n = snapshot.size();
        this.arrived = new boolean[n];
        this.computed = new double[n];
        this.uploaded = new double[n];
        this.finished = new double[n];
    }

    void start() {
        start = kernel.now();
        // Not reached by the round's end (a device still away when the server moved on): NaN.
        java.util.Arrays.fill(computed, Double.NaN);
        java.util.Arrays.fill(uploaded, Double.NaN);
        pending = snapshot.size();
        for (int k = 0; k < snapshot.size(); k++) {
            int d = k;
            Computation.run(kernel, "device " + k, compute[k], pauses.get(k), () -> computeDone(d));
        }
        if (Double.isFinite(deadline)) {
            // After any upload due at the same instant (a larger priority fires later at equal times).
            kernel.scheduleAt(start + deadline, Kernel.DEFAULT_PRIORITY + 1, "deadline", "server", this::aggregate);
        }
    }

    private void computeDone(int k) {
        computed[k] = kernel.now() - start;
        if (closed) {
            return; // the server has moved on without this device's update: it is not sent (uploaded stays NaN)
        }
        double t = links == null ? up.completion(k, kernel.now(), snapshot.bits(), snapshot.device(k).rateUpBps())
                : up.completion(k, kernel.now(), snapshot.bits(), links.get(k)[0]);
        kernel.scheduleAt(t, "upload-done", Work.bits("device " + k, snapshot.bits()), () -> uploadDone(k));
    }

    private void uploadDone(int k) {
        uploaded[k] = kernel.now() - start;
        if (closed) {
            return; // after the deadline: dropped
        }
        arrived[k] = true;
        if (++arrivals < quorum) {
            return;
        }
        aggregate();
    }

    /** The server aggregates the updates that have arrived and sends the model down to every device. */
    private void aggregate() {
        if (closed) {
            return;
        }
        closed = true;
        uplink = kernel.now() - start;
        atServer.accept(arrived.clone());
        pending = snapshot.size();
        for (int i = 0; i < snapshot.size(); i++) {
            int d = i;
            double t = links == null ? down.completion(i, kernel.now(), snapshot.bits(), snapshot.device(i).rateDownBps())
                    : down.completion(i, kernel.now(), snapshot.bits(), links.get(i)[1]);
            kernel.scheduleAt(t, "download-done", Work.bits("device " + i, snapshot.bits()),
                    () -> kernel.schedule(update[d], "update-done", "device " + d, () -> {
                        finished[d] = kernel.now() - start;
                        finishOne();
                    }));
        }
    }

    private void finishOne() {
        if (--pending > 0) {
            return;
        }
        done.accept(new Outcome(start, kernel.now() - start, uplink, computed, uploaded, finished, arrived.clone()));
    }
}

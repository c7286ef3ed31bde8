package org.edgesim.protocol.feel;

import java.util.function.Consumer;
import org.edgesim.kernel.Kernel;
import org.edgesim.radio.TdmaFrame;

/**
 * One FEEL round as events: each device computes for {@code compute[k]}, then uploads in its slot
 * of every uplink frame ({@link TdmaFrame#completion}); when the last upload has arrived the server
 * aggregates ({@code atServer}) and every device downloads in its slot of every downlink frame,
 * then updates for {@code update[k]}. Without transfers (individual learning) the round is the
 * computation alone.
 */
final class FeelRound {
    /** What the events gave, times from the round's start. */
    record Outcome(double start, double latency, double uplink, double[] computed, double[] uploaded,
                   double[] finished) {
    }

    private final Kernel kernel;
    private final FeelSnapshot snapshot;
    private final double[] compute;
    private final double[] update;
    private final boolean transfers;
    private final TdmaFrame up;
    private final TdmaFrame down;
    private final Runnable atServer;
    private final Consumer<Outcome> done;
    private final double[] computed;
    private final double[] uploaded;
    private final double[] finished;
    private double start;
    private double uplink;
    private int pending;

    FeelRound(Kernel kernel, FeelSnapshot snapshot, FeelPlan plan, double[] compute, double[] update, boolean transfers,
              Runnable atServer, Consumer<Outcome> done) {
        this.kernel = kernel;
        this.snapshot = snapshot;
        this.compute = compute.clone();
        this.update = update.clone();
        this.transfers = transfers;
        this.up = new TdmaFrame(snapshot.frameUpS(), plan.slotUpS());
        this.down = new TdmaFrame(snapshot.frameDownS(), plan.slotDownS());
        this.atServer = atServer;
        this.done = done;
        int n = snapshot.size();
        this.computed = new double[n];
        this.uploaded = new double[n];
        this.finished = new double[n];
    }

    void start() {
        start = kernel.now();
        pending = snapshot.size();
        for (int k = 0; k < snapshot.size(); k++) {
            int d = k;
            kernel.schedule(compute[k], "compute-done", "device " + k, () -> computeDone(d));
        }
    }

    private void computeDone(int k) {
        computed[k] = kernel.now() - start;
        if (!transfers) {
            finished[k] = computed[k];
            finishOne();
            return;
        }
        double t = up.completion(k, kernel.now(), snapshot.bits(), snapshot.device(k).rateUpBps());
        kernel.scheduleAt(t, "upload-done", "device " + k, () -> uploadDone(k));
    }

    private void uploadDone(int k) {
        uploaded[k] = kernel.now() - start;
        if (--pending > 0) {
            return;
        }
        uplink = kernel.now() - start;
        atServer.run();
        pending = snapshot.size();
        for (int i = 0; i < snapshot.size(); i++) {
            int d = i;
            double t = down.completion(i, kernel.now(), snapshot.bits(), snapshot.device(i).rateDownBps());
            kernel.scheduleAt(t, "download-done", "device " + i,
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
        if (!transfers) {
            atServer.run();
            uplink = kernel.now() - start;
        }
        done.accept(new Outcome(start, kernel.now() - start, uplink, computed, uploaded, finished));
    }
}

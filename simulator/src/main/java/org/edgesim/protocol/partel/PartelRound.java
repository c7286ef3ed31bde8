package org.edgesim.protocol.partel;

import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.edgesim.device.Slowdowns;
import org.edgesim.kernel.Kernel;
import org.edgesim.protocol.BlockTransfer;
import org.edgesim.radio.PiecewiseRate;

/**
 * One PARTEL round executed as events from the kernel's current time: the broadcast (one
 * multicast transfer, received by all at the weakest receiver's rate), then per worker a
 * computation and an upload on its share, then the server update once the last upload is in.
 * Durations come from the true round state; what the scheduler planned is not consulted.
 */
final class PartelRound {
    /** What happened, in seconds relative to the round's start. */
    record Outcome(double start, double latency, double push, double criticalCompute, double criticalUpload,
                   double server, int critical, double[] compute, double[] upload, double[] finish) {
    }

    private final Kernel kernel;
    private final PartelSnapshot truth;
    private final PartelPlan plan;
    private final Consumer<Outcome> done;
    private final double[] compute;
    private final double[] upload;
    private final double[] finish;
    private final Slowdowns slowdowns;
    private final IntFunction<PiecewiseRate> uplinks;
    private double start;
    private double push;
    private int uploadsIn;
    private int critical = -1;

    /**
     * @param slowdowns the realised computation times (compute jitter)
     * @param uplinks   per worker, its uplink in fading blocks ({@code radio.coherenceTime}), or null
     *                  for one rate per round
     */
    PartelRound(Kernel kernel, PartelSnapshot truth, PartelPlan plan, Slowdowns slowdowns,
                IntFunction<PiecewiseRate> uplinks, Consumer<Outcome> done) {
        this.kernel = kernel;
        this.slowdowns = slowdowns;
        this.uplinks = uplinks;
        this.truth = truth;
        this.plan = plan;
        this.done = done;
        int n = truth.workers().size();
        compute = new double[n];
        upload = new double[n];
        finish = new double[n];
    }

    void start() {
        start = kernel.now();
        push = truth.pushTime();
        kernel.schedule(push, "broadcast-done", "access point", this::broadcastDone);
    }

    private void broadcastDone() {
        for (Worker w : truth.workers()) {
            double t = slowdowns.apply(w.index(), truth.computeTime(w, plan.block(w.group())));
            compute[w.index()] = t;
            kernel.schedule(t, "compute-done", w, () -> computeDone(w));
        }
    }

    private void computeDone(Worker w) {
        if (uplinks != null) {
            double from = kernel.now();
            BlockTransfer.send(kernel, uplinks.apply(w.index()), truth.bitsPerGradient() * plan.block(w.group()),
                    "upload-done", "worker " + w.index(), dt -> { }, () -> {
                        upload[w.index()] = kernel.now() - from;
                        uploadDone(w);
                    });
            return;
        }
        double t = truth.uploadTime(w, plan.block(w.group()), plan.share(w.index()));
        upload[w.index()] = t;
        kernel.schedule(t, "upload-done", w, () -> uploadDone(w));
    }

    private void uploadDone(Worker w) {
        finish[w.index()] = kernel.now() - start;
        critical = w.index();
        if (++uploadsIn == truth.workers().size()) {
            kernel.schedule(truth.serverUpdateS(), "server-update-done", "edge server", this::roundDone);
        }
    }

    private void roundDone() {
        done.accept(new Outcome(start, kernel.now() - start, push, compute[critical], upload[critical],
                truth.serverUpdateS(), critical, compute, upload, finish));
    }
}

package org.edgesim.protocol.partel;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.edgesim.device.Availability;
import org.edgesim.device.Slowdowns;
import org.edgesim.kernel.Kernel;
import org.edgesim.kernel.Work;
import org.edgesim.protocol.BlockTransfer;
import org.edgesim.protocol.Computation;
import org.edgesim.radio.PiecewiseRate;

/**
 * One PARTEL round executed as events from the kernel's current time: the broadcast (one
 * multicast transfer, received by all at the weakest receiver's rate), then per worker a
 * computation (paused while the worker is away) and an upload on its share, then the server
 * update once the uploads it waits for are in: all of them, the first {@code quorum}, or those in
 * by the deadline. Durations come from the true round state; what the scheduler planned is not
 * consulted. A worker whose gradient comes too late is dropped: its later events change nothing.
 */
final class PartelRound {
    /**
     * What happened, in seconds relative to the round's start; {@code critical} is the worker whose
     * upload the server took last (-1 when it took none), its compute and upload times NaN then.
     * Per worker, NaN for what it did not reach before the round ended.
     */
    record Outcome(double start, double latency, double push, double criticalCompute, double criticalUpload,
                   double server, int critical, double[] compute, double[] upload, double[] finish, boolean[] arrived,
                   double[] outage) {
    }

    /** The round's links: the broadcast and per worker its uplink, in fading blocks; null: one rate per round. */
    record Links(PiecewiseRate push, IntFunction<PiecewiseRate> uplinks) {
    }

    private final Kernel kernel;
    private final PartelSnapshot truth;
    private final PartelPlan plan;
    private final Consumer<Outcome> done;
    private final double[] compute;
    private final double[] upload;
    private final double[] finish;
    private final boolean[] arrived;
    private final double[] outage;
    private final Slowdowns slowdowns;
    private final Availability availability;
    private final Links links;
    private final double deadline;
    private final int quorum;
    private double start;
    private double push;
    private int uploadsIn;
    private int critical = -1;
    private boolean closed;

    /**
     * @param slowdowns    the realised computation times (compute jitter)
     * @param availability when workers are away
     * @param links        the round's fading blocks ({@code radio.coherenceTime}), or null
     * @param deadline     from the round's start, when the server takes what has arrived (infinite:
     *                     it waits)
     * @param quorum       how many gradients the server waits for (the worker count: all)
     */
    PartelRound(Kernel kernel, PartelSnapshot truth, PartelPlan plan, Slowdowns slowdowns, Availability availability,
                Links links, double deadline, int quorum, Consumer<Outcome> done) {
        this.kernel = kernel;
        this.slowdowns = slowdowns;
        this.availability = availability;
        this.links = links;
        this.deadline = deadline;
        this.quorum = quorum;
        this.truth = truth;
        this.plan = plan;
        this.done = done;
        int n = truth.workers().size();
        compute = new double[n];
        upload = new double[n];
        finish = new double[n];
        arrived = new boolean[n];
        outage = new double[n];
        Arrays.fill(compute, Double.NaN);
        Arrays.fill(upload, Double.NaN);
        Arrays.fill(finish, Double.NaN);
    }

    void start() {
        start = kernel.now();
        if (Double.isFinite(deadline)) {
            // After any upload due at the same instant (a larger priority fires later at equal times).
            kernel.scheduleAt(start + deadline, Kernel.DEFAULT_PRIORITY + 1, "deadline", "server", this::close);
        }
        if (links == null) {
            push = truth.pushTime();
            kernel.schedule(push, "broadcast-done", Work.bits("access point", truth.bitsPerParameter()
                    * truth.modelParameters()), this::broadcastDone);
            return;
        }
        BlockTransfer.send(kernel, links.push(), truth.bitsPerParameter() * truth.modelParameters(), "broadcast-done",
                "access point", dt -> { }, () -> {
                    push = kernel.now() - start;
                    broadcastDone();
                });
    }

    private void broadcastDone() {
        for (Worker w : truth.workers()) {
            int i = w.index();
            double t = slowdowns.apply(i, truth.computeTime(w, plan.block(w.group())));
            Availability.Session session = availability.session(i, t);
            Computation.run(kernel, "worker " + i, t, session.next(kernel.now(), t), () -> {
                // Work plus time away (exactly the nominal time when the worker stays).
                compute[i] = session.outage() == 0 ? t : t + session.outage();
                outage[i] = session.outage();
                computeDone(w);
            });
        }
    }

    private void computeDone(Worker w) {
        if (closed) {
            return; // the server has moved on: the gradient is not sent
        }
        double from = kernel.now();
        if (links != null) {
            BlockTransfer.send(kernel, links.uplinks().apply(w.index()), truth.bitsPerGradient() * plan.block(w.group()),
                    "upload-done", "worker " + w.index(), dt -> { }, () -> {
                        upload[w.index()] = kernel.now() - from;
                        uploadDone(w);
                    });
            return;
        }
        double t = truth.uploadTime(w, plan.block(w.group()), plan.share(w.index()));
        kernel.schedule(t, "upload-done", Work.bits("worker " + w.index(), truth.bitsPerGradient()
                * plan.block(w.group())), () -> {
            upload[w.index()] = t;
            uploadDone(w);
        });
    }

    private void uploadDone(Worker w) {
        finish[w.index()] = kernel.now() - start;
        if (closed) {
            return; // after the deadline: dropped
        }
        arrived[w.index()] = true;
        critical = w.index();
        if (++uploadsIn == quorum) {
            close();
        }
    }

    /** The server takes the gradients that have arrived and updates the model. */
    private void close() {
        if (closed) {
            return;
        }
        closed = true;
        kernel.schedule(truth.serverUpdateS(), "server-update-done", "edge server", this::roundDone);
    }

    private void roundDone() {
        done.accept(new Outcome(start, kernel.now() - start, push, critical < 0 ? Double.NaN : compute[critical],
                critical < 0 ? Double.NaN : upload[critical], truth.serverUpdateS(), critical, compute.clone(),
                upload.clone(), finish.clone(), arrived.clone(), outage.clone()));
    }
}

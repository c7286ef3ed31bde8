package org.edgesim.protocol.partel;

import java.util.Arrays;
import java.util.function.IntFunction;
import org.edgesim.kernel.Kernel;
import org.edgesim.round.Gathering;
import org.edgesim.channel.Link;
import org.edgesim.round.RoundWork;
import org.edgesim.round.Turn;

/**
 * One PARTEL round's phases on the round engine: the broadcast (one multicast transfer, received
 * by all at the weakest receiver's rate), then per worker a computation and an upload on its share,
 * gathered by the server (all of them, the first {@code quorum}, or those in by the deadline), then
 * the server update. Durations come from the true round state; what the scheduler planned is not
 * consulted. A worker whose gradient comes too late is dropped: its later events change nothing.
 */
final class PartelRound {
    /**
     * What happened, in seconds relative to the round's start; {@code critical} is the worker whose
     * upload the server took last (-1 when it took none). Per worker, NaN for what it did not reach
     * before the round ended.
     */
    record Outcome(double push, double server, int critical, double[] compute, double[] upload, double[] finish,
                   boolean[] arrived) {
        double criticalCompute() {
            return critical < 0 ? Double.NaN : compute[critical];
        }

        double criticalUpload() {
            return critical < 0 ? Double.NaN : upload[critical];
        }
    }

    /** The round's links, as the channel makes them: the broadcast and, per worker, its uplink (made as it starts). */
    record Links(Link push, IntFunction<Link> uplinks) {
    }

    private final Turn<Outcome> turn;
    private final Kernel kernel;
    private final RoundWork work;
    private final PartelSnapshot truth;
    private final PartelPlan plan;
    private final double planned;
    private final double[] compute;
    private final double[] upload;
    private final double[] finish;
    private final Links links;
    private final double deadline;
    private final int quorum;
    private Gathering server;
    private double push;
    private int critical = -1;

    /**
     * @param links    the round's links
     * @param deadline from the round's start, when the server takes what has arrived (infinite: it waits)
     * @param quorum   how many gradients the server waits for (the worker count: all)
     */
    PartelRound(Turn<Outcome> turn, Kernel kernel, PartelSnapshot truth, PartelPlan plan, Links links, double deadline,
                int quorum) {
        this.turn = turn;
        this.kernel = kernel;
        this.work = turn.work();
        this.truth = truth;
        this.plan = plan;
        this.planned = plan.plannedLatencyS();
        this.links = java.util.Objects.requireNonNull(links, "links");
        this.deadline = deadline;
        this.quorum = quorum;
        int n = truth.workers().size();
        compute = new double[n];
        upload = new double[n];
        finish = new double[n];
        Arrays.fill(compute, Double.NaN);
        Arrays.fill(upload, Double.NaN);
        Arrays.fill(finish, Double.NaN);
    }

    void start() {
        double start = turn.start();
        server = Gathering.open(kernel, truth.workers().size(), quorum, deadline, "deadline", "server",
                () -> kernel.schedule(truth.serverUpdateS(), "server-update-done", "edge server", this::roundDone));
        Link link = links.push();
        double[] timed = new double[1];
        timed[0] = work.send(RoundWork.ACCESS_POINT, RoundWork.ACCESS_POINT, link, truth.bitsPerParameter()
                * truth.modelParameters(), "broadcast-done", "access point", () -> {
                    push = Double.isNaN(timed[0]) ? kernel.now() - start : timed[0];
                    broadcastDone();
                });
    }

    private void broadcastDone() {
        for (Worker w : truth.workers()) {
            int i = w.index();
            double[] t = new double[1];
            t[0] = work.computeOnce(i, truth.computeTime(w, plan.block(w.group())), "worker " + turn.member(i), () -> {
                // Work plus time away (exactly the work when the worker stays).
                double away = work.outage(i);
                compute[i] = away == 0 ? t[0] : t[0] + away;
                computeDone(w);
            });
        }
    }

    private void computeDone(Worker w) {
        if (server.closed()) {
            return; // the server has moved on: the gradient is not sent
        }
        int i = w.index();
        double from = kernel.now();
        double bits = truth.bitsPerGradient() * plan.block(w.group());
        Link link = links.uplinks().apply(i);
        double[] timed = new double[1];
        timed[0] = work.send(i, i, link, bits, "upload-done", "worker " + turn.member(i), () -> {
            upload[i] = Double.isNaN(timed[0]) ? kernel.now() - from : timed[0];
            finish[i] = kernel.now() - turn.start();
            if (server.arrive(i)) {
                critical = i;
            }
        });
    }

    private void roundDone() {
        turn.finish(planned, server.taken(), new Outcome(push, truth.serverUpdateS(), critical, compute.clone(),
                upload.clone(), finish.clone(), server.taken()));
    }
}

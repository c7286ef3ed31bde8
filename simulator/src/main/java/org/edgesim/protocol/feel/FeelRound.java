package org.edgesim.protocol.feel;

import java.util.function.Consumer;
import org.edgesim.kernel.Kernel;
import org.edgesim.radio.TdmaFrame;
import org.edgesim.round.Gathering;
import org.edgesim.round.RoundWork;
import org.edgesim.round.Turn;

/**
 * One FEEL round's phases on the round engine: each device computes, then uploads in its slot of
 * every uplink frame; the server gathers the updates (all, or those in by the deadline, or the
 * first {@code quorum}) and aggregates ({@code atServer}); every device then downloads in its slot
 * of every downlink frame and updates. Over the air ({@link AirCompPlan}): the selected devices
 * compute, and once the last has, they all send at once for the analog sum's airtime; the others
 * neither compute nor send, and download like every device.
 */
final class FeelRound {
    /** What the events gave, times from the round's start. */
    record Outcome(double uplink, double[] compute, double[] computed, double[] uploaded, double[] finished,
                   boolean[] arrived) {
        /** The longest realised computation, time away not counted. */
        double longest() {
            double longest = 0;
            for (double v : compute) {
                longest = Math.max(longest, v);
            }
            return longest;
        }
    }

    private final Turn<?> turn;
    private final Consumer<Outcome> done;
    private final Kernel kernel;
    private final RoundWork work;
    private final FeelSnapshot snapshot;
    private final double[] nominal;
    private final double[] update;
    private final TdmaFrame up;
    private final TdmaFrame down;
    private final Consumer<boolean[]> atServer;
    private final double deadline;
    private final int quorum;
    private final FeelLinks links;
    private final AirCompPlan airComp;
    private final double[] compute;
    private final double[] computed;
    private final double[] uploaded;
    private final double[] finished;
    private Gathering server;
    private double uplink;
    private int pending;

    /**
     * @param nominal  per device, its computation's nominal length
     * @param update   per device, its model update after the download (0: none)
     * @param deadline from the round's start, when the server aggregates what has arrived
     *                 (infinite: it waits for every upload)
     * @param quorum   how many updates the server waits for (the device count: all)
     * @param links    how its transfers get through
     * @param atServer the aggregation, told which updates arrived
     * @param done     told what happened once every device has updated
     */
    FeelRound(Turn<?> turn, Kernel kernel, FeelSnapshot snapshot, FeelPlan plan, double[] nominal, double[] update,
              double deadline, int quorum, FeelLinks links, Consumer<boolean[]> atServer,
              Consumer<Outcome> done) {
        this.turn = turn;
        this.done = done;
        this.kernel = kernel;
        this.work = turn.work();
        this.snapshot = snapshot;
        this.nominal = nominal.clone();
        this.update = update.clone();
        this.up = new TdmaFrame(snapshot.frameUpS(), plan.slotUpS());
        this.down = new TdmaFrame(snapshot.frameDownS(), plan.slotDownS());
        this.atServer = atServer;
        this.deadline = deadline;
        this.quorum = quorum;
        this.links = links;
        this.airComp = plan.airComp();
        int n = snapshot.size();
        this.compute = new double[n];
        this.computed = new double[n];
        this.uploaded = new double[n];
        this.finished = new double[n];
    }

    void start() {
        // Not reached by the round's end (a device still away when the server moved on): NaN.
        java.util.Arrays.fill(computed, Double.NaN);
        java.util.Arrays.fill(uploaded, Double.NaN);
        if (airComp != null) {
            overTheAir();
            return;
        }
        for (int k = 0; k < snapshot.size(); k++) {
            int d = k;
            compute[k] = work.computeOnce(k, nominal[k], "device " + turn.member(k), () -> computeDone(d));
        }
        server = Gathering.open(kernel, snapshot.size(), quorum, deadline, "deadline", "server", this::aggregate);
    }

    /** The selected devices compute; when the last is done they all send the analog sum at once. */
    private void overTheAir() {
        int[] left = {airComp.count()};
        server = Gathering.open(kernel, snapshot.size(), airComp.count(), deadline, "deadline", "server",
                this::aggregate);
        double airtime = snapshot.airComp().airtimeS();
        for (int k = 0; k < snapshot.size(); k++) {
            if (!airComp.selected(k)) {
                continue;
            }
            int d = k;
            compute[k] = work.computeOnce(k, nominal[k], "device " + turn.member(k), () -> {
                computed[d] = since();
                if (--left[0] > 0) {
                    return;
                }
                for (int j = 0; j < snapshot.size(); j++) {
                    int e = j;
                    if (airComp.selected(j)) {
                        work.send(j, j, links.analog(j, snapshot.bits(), airtime), snapshot.bits(), "aircomp-done", "device " + turn.member(j), () -> {
                            uploaded[e] = since();
                            server.arrive(e);
                        });
                    }
                }
            });
        }
    }

    private double since() {
        return kernel.now() - turn.start();
    }

    private void computeDone(int k) {
        computed[k] = since();
        if (server.closed()) {
            return; // the server has moved on without this device's update: it is not sent (uploaded stays NaN)
        }
        work.send(k, k, links.up(k, up), snapshot.upBits(), "upload-done", "device " + turn.member(k), () -> {
            uploaded[k] = since();
            server.arrive(k);
        });
    }

    /** The server aggregates the updates that have arrived and sends the model down to every device. */
    private void aggregate() {
        uplink = since();
        atServer.accept(server.taken());
        pending = snapshot.size();
        if (airComp != null) {
            // One aggregate for every device: broadcast at once, then each device updates.
            work.send(RoundWork.ACCESS_POINT, RoundWork.ACCESS_POINT, links.broadcast(), snapshot.bits(),
                    "broadcast-done", "access point", () -> {
                        for (int i = 0; i < snapshot.size(); i++) {
                            updateThen(i);
                        }
                    });
            return;
        }
        for (int i = 0; i < snapshot.size(); i++) {
            int d = i;
            work.send(RoundWork.ACCESS_POINT, i, links.down(i, down), snapshot.bits(), "download-done",
                    "device " + turn.member(i), () -> updateThen(d));
        }
    }

    /** Device {@code d} updates its model; the round is done when every device has. */
    private void updateThen(int d) {
        work.busy(d, update[d], "update-done", "device " + turn.member(d), () -> {
            finished[d] = since();
            if (--pending == 0) {
                done.accept(new Outcome(uplink, compute, computed, uploaded, finished, server.taken()));
            }
        });
    }
}

package org.edgesim.protocol.cpsl;

import java.util.function.Consumer;
import org.edgesim.device.Slowdowns;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.Kernel;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.protocol.BlockTransfer;

/**
 * One CPSL round as events, cluster after cluster (cpsl.md, "One round"): the AP broadcasts the
 * device-side model; for each local epoch every device runs its forward pass and uploads its
 * smashed data, the server waits for the whole cluster and steps, each device downloads its
 * gradient and back-propagates; after the last epoch every device uploads its device-side model,
 * and the next cluster starts when the last one has arrived.
 */
final class CpslRound {
    /**
     * What the events gave, from the round's start.
     *
     * @param uploaded     per device, when its device-side model reached the AP
     * @param transmitting per device, the time it spent sending
     */
    record Outcome(double start, double[] uploaded, double[] transmitting) {
    }

    private final Kernel kernel;
    private final CpslSnapshot s;
    private final CpslPlan plan;
    private final ModelProfile.CutProfile cut;
    private final Slowdowns slowdowns;
    private final BlockChannel blocks;
    private final Consumer<int[]> clusterDone;
    private final Consumer<Outcome> done;
    private final double start;
    private final double[] uploaded;
    private final double[] transmitting;
    private int waiting;

    /**
     * @param s           the true conditions of the round
     * @param blocks      the round's fading blocks, or null for one channel per round
     * @param clusterDone told each cluster's devices when their models are all in (FedAvg)
     */
    CpslRound(Kernel kernel, CpslSnapshot s, CpslPlan plan, ModelProfile.CutProfile cut, Slowdowns slowdowns,
              BlockChannel blocks, Consumer<int[]> clusterDone, Consumer<Outcome> done) {
        this.kernel = kernel;
        this.s = s;
        this.plan = plan;
        this.cut = cut;
        this.slowdowns = slowdowns;
        this.blocks = blocks;
        this.clusterDone = clusterDone;
        this.done = done;
        this.start = kernel.now();
        this.uploaded = new double[s.size()];
        this.transmitting = new double[s.size()];
    }

    void start() {
        cluster(0);
    }

    private void cluster(int m) {
        int[] members = plan.clusters()[m];
        waiting = members.length;
        double server = CpslLatency.server(s, members.length);
        for (int k : members) {
            CpslLatency.Terms t = CpslLatency.Terms.of(s, s.device(k));
            int x = plan.subcarriers()[k];
            send(k, cut.deviceModelBits(), s.subcarriers(), t.broadcast(), false, "model-received",
                    () -> forward(m, k, t, x, 1, server));
        }
    }

    /** Forward pass and smashed-data upload of epoch {@code e}. */
    private void forward(int m, int k, CpslLatency.Terms t, int x, int e, double server) {
        kernel.schedule(slowdowns.apply(k, t.forward()), "forward", "device " + k, () -> send(k,
                s.batch() * cut.smashedBits(), x, t.smashed() / x, true, "smashed-uploaded",
                () -> smashedArrived(m, e, server)));
    }

    /**
     * A transfer of {@code bits} on {@code width} subcarriers of device {@code k}'s link. With one
     * channel per round it takes {@code duration}; with fading blocks it runs block by block, an
     * event at every block boundary it crosses.
     */
    private void send(int k, double bits, int width, double duration, boolean uplink, String kind, EventAction then) {
        if (blocks == null) {
            transmitting[k] += uplink ? duration : 0;
            kernel.schedule(duration, kind, "device " + k, then);
            return;
        }
        BlockTransfer.send(kernel, blocks.link(k, width), bits, kind, "device " + k,
                dt -> transmitting[k] += uplink ? dt : 0, then);
    }

    private void smashedArrived(int m, int e, double server) {
        if (--waiting > 0) {
            return;
        }
        kernel.schedule(server, "server-step", "cluster " + m, () -> serverDone(m, e, server));
    }

    private void serverDone(int m, int e, double server) {
        int[] members = plan.clusters()[m];
        waiting = members.length;
        for (int k : members) {
            CpslLatency.Terms t = CpslLatency.Terms.of(s, s.device(k));
            int x = plan.subcarriers()[k];
            send(k, s.batch() * cut.gradientBits(), x, t.gradient() / x, false, "gradient-received", () ->
                    kernel.schedule(slowdowns.apply(k, t.backward()), "backward", "device " + k, () -> {
                        if (e < s.epochs()) {
                            forward(m, k, t, x, e + 1, server);
                        } else {
                            send(k, cut.deviceModelBits(), x, t.model() / x, true, "model-uploaded",
                                    () -> modelArrived(m, k));
                        }
                    }));
        }
    }

    private void modelArrived(int m, int k) {
        uploaded[k] = kernel.now() - start;
        if (--waiting > 0) {
            return;
        }
        clusterDone.accept(plan.clusters()[m]);
        if (m + 1 < plan.clusters().length) {
            cluster(m + 1);
        } else {
            done.accept(new Outcome(start, uploaded, transmitting));
        }
    }
}

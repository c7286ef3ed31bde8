package org.edgesim.protocol.cpsl;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.DoubleBinaryOperator;
import org.edgesim.channel.Air;
import org.edgesim.channel.Link;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.Kernel;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.round.Gathering;
import org.edgesim.round.RoundWork;

/**
 * One CPSL round as events, cluster after cluster (docs/models/cpsl.md, "One round"): the AP broadcasts the
 * device-side model; for each local epoch every device runs its forward pass and uploads its
 * smashed data, the server waits for the cluster and steps, each device downloads its gradient and
 * back-propagates; after the last epoch every device uploads its device-side model, and the next
 * cluster starts when the AP has them.
 *
 * <p>Beyond the paper: a device's forward and backward passes pause while it is away
 * ({@code devices.availability}); with a deadline the server waits for each phase (an epoch's
 * smashed data, the model uploads) at most {@code deadlineFactor} times the phase's planned
 * length, and a device late for a phase is out of the cluster's training for the round: no
 * gradient, its model not averaged, what it sends later ignored.
 */
final class CpslRound {
    /**
     * What the events gave, from the round's start.
     *
     * @param uploaded per device, when its device-side model reached the AP (NaN: it was dropped)
     * @param averaged per device, whether its device-side model entered its cluster's average
     */
    record Outcome(double[] uploaded, boolean[] averaged) {
    }

    /**
     * What a cluster's training used.
     *
     * @param members  the cluster's devices
     * @param epochsIn per member, in how many of the server's steps its smashed data took part
     * @param averaged per member, whether its device-side model was averaged
     */
    record ClusterOutcome(int[] members, int[] epochsIn, boolean[] averaged) {
    }

    private final Kernel kernel;
    private final RoundWork work;
    private final CpslSnapshot s;
    private final CpslSnapshot view;
    private final CpslPlan plan;
    private final ModelProfile.CutProfile cut;
    private final double deadlineFactor;
    private final Air.States states;
    private final DoubleBinaryOperator rate;
    private final Consumer<ClusterOutcome> clusterDone;
    private final Consumer<Outcome> done;
    private final double start;
    private final double[] uploaded;
    private final boolean[] averaged;

    /**
     * @param s              the true conditions of the round
     * @param view           what the scheduler saw: the phases' planned lengths
     * @param deadlineFactor the deadline of each phase in units of its planned length (infinite: wait for all)
     * @param states         the round's links on the devices' SNRs in dB (one per round, or in fading blocks)
     * @param rate           bit/s of {@code w} subcarriers at an SNR in dB: {@code rate(w, snrDb)}, the channel's law
     * @param clusterDone    told what each cluster's training used, when its models are in (FedAvg)
     */
    CpslRound(Kernel kernel, RoundWork work, CpslSnapshot s, CpslSnapshot view, CpslPlan plan,
              ModelProfile.CutProfile cut, double deadlineFactor, Air.States states, DoubleBinaryOperator rate,
              Consumer<ClusterOutcome> clusterDone, Consumer<Outcome> done) {
        this.kernel = kernel;
        this.work = work;
        this.rate = rate;
        this.s = s;
        this.view = view;
        this.plan = plan;
        this.cut = cut;
        this.deadlineFactor = deadlineFactor;
        this.states = states;
        this.clusterDone = clusterDone;
        this.done = done;
        this.start = kernel.now();
        int n = s.size();
        this.uploaded = new double[n];
        this.averaged = new boolean[n];
        Arrays.fill(uploaded, Double.NaN);
    }

    void start() {
        new Cluster(0).begin();
    }

    /**
     * One cluster's turn. Phases: {@code 1..L} wait for the smashed data of epoch {@code p},
     * {@code L + 1} for the device models.
     */
    private final class Cluster {
        private final int m;
        private final int[] members;
        private final int[] x;
        private final CpslLatency.Terms[] terms;
        private final boolean[] active;
        private final int[] epochsIn;
        private final double[] plannedPhase;
        /** The server's gathering of the phase in progress, and that phase. */
        private Gathering gathering;
        private int phase;

        Cluster(int m) {
            this.m = m;
            this.members = plan.clusters()[m];
            int size = members.length;
            this.x = new int[size];
            this.terms = new CpslLatency.Terms[size];
            this.active = new boolean[size];
            this.epochsIn = new int[size];
            // Planned phase lengths on what the scheduler saw: tb+td+ts, then tg+tu+td+ts, then tg+tu+tt.
            double first = 0;
            double inner = 0;
            double last = 0;
            for (int i = 0; i < size; i++) {
                int k = members[i];
                x[i] = plan.subcarriers()[k];
                terms[i] = CpslLatency.Terms.of(s, s.device(k));
                CpslLatency.Terms seen = CpslLatency.Terms.of(view, view.device(k));
                first = Math.max(first, seen.start(x[i]));
                inner = Math.max(inner, seen.inner(x[i]));
                last = Math.max(last, seen.end(x[i]));
            }
            this.plannedPhase = new double[s.epochs() + 2];
            plannedPhase[1] = first;
            for (int p = 2; p <= s.epochs(); p++) {
                plannedPhase[p] = inner;
            }
            plannedPhase[s.epochs() + 1] = last;
        }

        void begin() {
            for (int i = 0; i < members.length; i++) {
                active[i] = true;
                work.open(members[i], s.epochs() * (terms[i].forward() + terms[i].backward()));
            }
            open(1);
            for (int i = 0; i < members.length; i++) {
                int d = i;
                send(members[i], cut.deviceModelBits(), s.subcarriers(), terms[i].broadcast(), false, "model-received",
                        () -> forward(d, 1));
            }
        }

        /** Phase {@code p} begins: the server waits for the active members, until the deadline if any. */
        private void open(int p) {
            phase = p;
            int waiting = 0;
            for (boolean a : active) {
                waiting += a ? 1 : 0;
            }
            gathering = Gathering.open(kernel, members.length, waiting, deadlineFactor * plannedPhase[p], "deadline",
                    "cluster " + m, this::close);
        }

        /** Member {@code i}'s forward pass and smashed-data upload of epoch {@code e}. */
        private void forward(int i, int e) {
            int k = members[i];
            work.compute(k, terms[i].forward(), "device " + k, () -> send(k, s.batch() * s.smashedUpBits(), x[i],
                    terms[i].smashed() / x[i], true, "smashed-uploaded", () -> arrive(i, e)));
        }

        /** What member {@code i} sent for phase {@code p} is in: counted if it is in time. */
        private void arrive(int i, int p) {
            if (p == s.epochs() + 1) {
                uploaded[members[i]] = kernel.now() - start;
            }
            if (phase != p || !active[i]) {
                return; // late: the server has gone on without it
            }
            gathering.arrive(i);
        }

        /** The phase ends: who has not arrived is out; the server steps, or the cluster ends. */
        private void close() {
            int p = phase;
            phase = -1;
            boolean[] arrived = gathering.taken();
            int in = 0;
            for (int i = 0; i < members.length; i++) {
                active[i] &= arrived[i];
                in += active[i] ? 1 : 0;
                if (active[i] && p <= s.epochs()) {
                    epochsIn[i] = p;
                }
            }
            if (p == s.epochs() + 1 || in == 0) {
                end();
                return;
            }
            kernel.schedule(CpslLatency.server(s, in), "server-step", "cluster " + m, () -> serverDone(p));
        }

        private void serverDone(int e) {
            open(e + 1);
            for (int i = 0; i < members.length; i++) {
                if (!active[i]) {
                    continue;
                }
                int d = i;
                int k = members[i];
                send(k, s.batch() * cut.gradientBits(), x[i], terms[i].gradient() / x[i], false, "gradient-received",
                        () -> backward(d, e));
            }
        }

        private void backward(int i, int e) {
            int k = members[i];
            work.compute(k, terms[i].backward(), "device " + k, () -> {
                if (e < s.epochs()) {
                    forward(i, e + 1);
                } else {
                    send(k, s.modelUpload() ? s.modelUpBits() : 0, x[i], terms[i].model() / x[i], true, "model-uploaded",
                            () -> arrive(i, e + 1));
                }
            });
        }

        private void end() {
            boolean[] in = new boolean[members.length];
            for (int i = 0; i < members.length; i++) {
                in[i] = active[i];
                averaged[members[i]] = active[i];
            }
            clusterDone.accept(new ClusterOutcome(members, epochsIn.clone(), in));
            if (m + 1 < plan.clusters().length) {
                new Cluster(m + 1).begin();
            } else {
                done.accept(new Outcome(uploaded, averaged));
            }
        }
    }

    /**
     * A transfer of {@code bits} on {@code width} subcarriers of device {@code k}'s link, by the device ({@code uplink})
     * or the AP: {@code duration} with one channel per round, else block by block (an event at each block's end).
     */
    private void send(int k, double bits, int width, double duration, boolean uplink, String kind, EventAction then) {
        Link link = states.link(k, new Link.Timed(duration), x -> rate.applyAsDouble(width, x));
        work.send(uplink ? k : RoundWork.ACCESS_POINT, k, link, bits, kind, "device " + k, then);
    }
}

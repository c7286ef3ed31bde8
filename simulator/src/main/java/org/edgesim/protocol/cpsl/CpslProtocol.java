package org.edgesim.protocol.cpsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgesim.cell.RoundConditions;
import org.edgesim.device.CpuProfile;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RoundEngine;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.report.Column;
import org.edgesim.report.Table;
import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.StreamFamily;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.round.FadingBlocks;
import org.edgesim.round.Turn;
import org.edgesim.scenario.CpslSpec;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.Scenario;
import umontreal.ssj.rng.RandomStream;

/**
 * CPSL rounds (cpsl.md) as events on one kernel. Per cluster, in the plan's order: the AP
 * broadcasts the device-side model; for each of the {@code L} local epochs every device runs its
 * forward pass and uploads its smashed data, the server waits for the whole cluster, runs its
 * forward and backward pass, and sends each device its gradient, which the device
 * back-propagates; after the last epoch every device uploads its device-side model and the next
 * cluster starts when the last one has arrived. With a {@code learning} section the model is
 * really trained ({@link CpslTraining}) and the clock follows the trained model's layers; without,
 * the clock is the paper's CNN as built. Scheme {@code cl} (centralised) is one server event per
 * round: {@code N L} steps of batch {@code B} at {@code f_s}, no radio.
 *
 * <p>The cut layer is the scenario's, or with {@code cut: auto} the paper's Alg. 2: the one whose
 * round latency under the scheduler, averaged over {@code J} draws of speeds and SNRs, is least.
 */
public final class CpslProtocol implements Protocol<CpslScheduler> {
    static final StreamFamily MEAN_SNR = new StreamFamily("cpsl-mean-snr", i -> "cpsl/snr-mean/device-" + i);
    static final StreamFamily SNR = new StreamFamily("cpsl-snr", i -> "cpsl/snr/device-" + i);
    /** The CNN of the paper's Table III on 28x28 grey images, 10 classes. */
    static final ModelProfile CNN = Profiles.of(ModelSpec.cpslCnn(10), new int[] {1, 28, 28});
    /** The paper's whole model ({@code profile: paper-whole}): 16.49 MB of parameters, 91.61 MFLOP forward per sample. */
    static final double WHOLE_BITS = 16.49 * 1048576 * 8;
    static final double WHOLE_FLOPS = 91.61e6;
    /** The paper's Table III CNN counted by its own conventions ({@code profile: paper}). */
    static final ModelProfile PAPER_CNN = Profiles.paperConventions(ModelSpec.cpslCnnPaper(10), new int[] {1, 28, 28});

    @Override
    public String name() {
        return CpslSpec.TYPE;
    }

    @Override
    public String description() {
        return "cluster-based parallel split learning: cut layer, clusters and subcarriers (Wu, Li, Qu et al. 2023)";
    }

    @Override
    public CpslScheduler external(org.edgesim.sched.external.ExternalProcess process) {
        return (CpslScheduler) s -> process.exchange(s.round(), CpslJson.snapshot(s), p -> CpslJson.plan(s, p));
    }

    @Override
    public List<? extends Column<?>> roundColumns(Scenario scenario) {
        return CpslRows.roundColumns(scenario);
    }

    @Override
    public Class<CpslScheduler> schedulerType() {
        return CpslScheduler.class;
    }

    @Override
    public RunResult run(RunContext context, CpslScheduler cpsl) {
        return new Run(context, cpsl).execute();
    }

    /**
     * The cut after layer {@code v} (1-based) of {@code model}, or the paper's POOL1 numbers. At the
     * output layer (FL) nothing is exchanged per batch: the device holds the whole model and
     * computes the loss itself.
     */
    static ModelProfile.CutProfile cut(CpslSpec spec, ModelProfile model, int v) {
        int layers = model.layers().size();
        if (v < 1 || v > layers) {
            throw new InfeasibleScenarioException("protocol.cut: " + model.model() + " has layers 1.." + layers + ", got "
                    + v);
        }
        if (spec.profile().equals(CpslSpec.PAPER_POOL1)) {
            int pool = firstPool(model);
            if (v != pool) {
                throw new InfeasibleScenarioException("protocol.cut: profile 'paper-pool1' holds the paper's numbers at"
                        + " POOL1, layer " + pool + " of " + model.model() + "; got cut " + v);
            }
            double kb = 8 * 1024.0;
            return new ModelProfile.CutProfile(v, "POOL1 (paper's Table II)", 0.67 * 1024 * kb, 18 * kb, 9 * kb,
                    5.6e6, 5.6e6, 86.01e6, 86.01e6);
        }
        if (spec.profile().equals(CpslSpec.PAPER_WHOLE)) {
            return new ModelProfile.CutProfile(v, "whole model (paper's Fig. 5 preset)", WHOLE_BITS, 0, 0, WHOLE_FLOPS,
                    WHOLE_FLOPS, 0, 0);
        }
        ModelProfile.CutProfile c = model.cut(v);
        return v < layers ? c : new ModelProfile.CutProfile(c.layer(), c.layerName(), c.deviceModelBits(), 0, 0,
                c.deviceForward(), c.deviceBackward(), 0, 0);
    }

    private static int firstPool(ModelProfile model) {
        for (int i = 0; i < model.layers().size(); i++) {
            if (model.layers().get(i).name().startsWith("pool")) {
                return i + 1;
            }
        }
        return -1;
    }

    private static final class Run {
        private final Scenario scenario;
        private final CpslSpec spec;
        private final CpslScheduler scheduler;
        private final RunContext context;
        private final RoundEngine engine;
        private final double[] meanSnr;
        private final RandomStream[] snr;
        private final RandomStream clustering;
        private final double subcarrierBandwidth;
        private final double kappa;
        private final ModelProfile model;
        private final int clusterSize;
        private final CpslTraining training;
        private final ModelProfile.CutProfile cut;
        private final String cutChoice;

        Run(RunContext context, CpslScheduler scheduler) {
            this.context = context;
            this.scenario = context.scenario();
            this.spec = (CpslSpec) scenario.protocol();
            this.scheduler = scheduler;
            RandomStreams streams = context.streams();
            this.engine = RoundEngine.of(context, "round");
            int n = engine.deployment().size();
            this.meanSnr = new double[n];
            RandomStream[] means = streams.streams(MEAN_SNR, n);
            for (int k = 0; k < n; k++) {
                meanSnr[k] = spec.meanSnr().draw(k, n, means[k]);
            }
            this.snr = spec.snrSigma() == 0 ? new RandomStream[n] : streams.streams(SNR, n);
            this.clustering = streams.stream("cpsl/clustering");
            this.subcarrierBandwidth = spec.subcarrierBandwidth() != null ? spec.subcarrierBandwidth()
                    : scenario.radio().bandwidth() / spec.subcarriers();
            this.kappa = scenario.devices().cpu().flopsPerCycle();
            this.clusterSize = spec.clusterSize(n);
            LearningSpec learning = scenario.learning();
            TrainTest<Samples> data = learning == null ? null : TrainingData.load(learning, context.cache());
            ModelProfile trained = data == null ? null : Profiles.of(TrainingData.model(learning,
                    data.train().classes()), data.train().sampleShape());
            if (spec.profile().equals(CpslSpec.PAPER) && trained != null
                    && trained.layers().size() != PAPER_CNN.layers().size()) {
                throw new InfeasibleScenarioException("protocol.profile: 'paper' clocks the paper's "
                        + PAPER_CNN.layers().size() + "-layer CNN, but the trained " + trained.model() + " has "
                        + trained.layers().size() + " layers, so a cut would mean different layers: train"
                        + " cpsl-cnn, or use 'built' or 'paper-pool1'");
            }
            this.model = spec.profile().equals(CpslSpec.PAPER) ? PAPER_CNN : trained == null ? CNN : trained;
            int last = model.layers().size();
            if (spec.scheme().equals(CpslSpec.CL)) {
                this.cut = null;
                this.cutChoice = "centralised learning: no cut";
            } else if (spec.scheme().equals(CpslSpec.FL) || spec.cutLayer() > 0) {
                int v = spec.scheme().equals(CpslSpec.FL) ? last : spec.cutLayer();
                this.cut = cut(spec, model, v);
                this.cutChoice = spec.scheme().equals(CpslSpec.FL) ? "FL: the last layer" : "fixed by the scenario";
            } else {
                CutSelection.Choice c = CutSelection.choose(spec, scenario.devices().cpu().speedSigma(), scheduler,
                        this::snapshot, v -> cut(spec, model, v), last - 1, this::meanSpeed, meanSnr,
                        streams.stream("cpsl/saa"), streams.stream("cpsl/saa/clustering"));
                this.cut = c.cut();
                this.cutChoice = c.describe();
            }
            this.training = data == null ? null
                    : new CpslTraining(spec, learning, data, n, cut == null ? 0 : cut.layer(), streams);
        }

        private double meanSpeed(int k) {
            return ((CpuProfile) engine.deployment().device(k).meanProfile()).cyclesPerSecond();
        }

        /** A snapshot at cut {@code c} for the given realised speeds and SNRs. */
        private CpslSnapshot snapshot(int round, ModelProfile.CutProfile c, double[] speeds, double[] snrDb,
                                      RandomStream random) {
            List<CpslDevice> list = new ArrayList<>(speeds.length);
            for (int k = 0; k < speeds.length; k++) {
                double rate = subcarrierBandwidth * Math.log1p(Math.pow(10, snrDb[k] / 10)) / Math.log(2);
                list.add(new CpslDevice(k, speeds[k], snrDb[k], rate));
            }
            return new CpslSnapshot(round, c, spec.batch(), spec.localEpochs(), spec.subcarriers(), kappa,
                    spec.serverSpeed(), clusterSize, list, spec.gibbsIterations(), spec.gibbsDelta(), random);
        }

        RunResult execute() {
            List<Turn<Ended>> turns;
            try (CpslTraining t = training) {
                turns = engine.loop().run(this::startRound);
            }
            List<CommonRow.Row<CpslRows.Round>> rounds = new ArrayList<>();
            List<DeviceCommon.Row<CpslRows.Device>> devices = new ArrayList<>();
            for (Turn<Ended> t : turns) {
                Ended e = t.outcome();
                rounds.add(new CommonRow.Row<>(t.common(), e.row()));
                if (e.snapshot() == null) {
                    continue; // centralised learning: no device takes part
                }
                int[] of = e.plan().clusterOf();
                for (int k = 0; k < e.snapshot().size(); k++) {
                    CpslDevice d = e.snapshot().device(k);
                    devices.add(new DeviceCommon.Row<>(t.device(k, e.events().averaged()[k]), new CpslRows.Device(of[k],
                            d.speedHz(), d.snrDb(), d.rate(), e.plan().subcarriers()[k], e.events().uploaded()[k])));
                }
            }
            String clock = cut == null ? String.format(Locale.ROOT, "centralised learning at the server (%.4g Hz):"
                    + " N L = %d steps of B = %d per round, %s", spec.serverSpeed(), n() * spec.localEpochs(),
                    spec.batch(), model.model()) : String.format(Locale.ROOT, "%s cut after layer %d (%s, %s): device"
                    + " model %.6g bits, smashed data %.6g bits per sample; clusters of %d, B = %d, L = %d, C = %d"
                    + " subcarriers of %.6g Hz, server %.4g Hz", model.model(), cut.layer(), cut.layerName(), cutChoice,
                    cut.deviceModelBits(), cut.smashedBits(), clusterSize, spec.batch(), spec.localEpochs(),
                    spec.subcarriers(), subcarrierBandwidth, spec.serverSpeed());
            String trained = training == null ? "nothing (no learning section)" : scenario.learning().describe()
                    + ", scheme " + spec.scheme() + ", " + spec.samplesPerDevice() + " samples per device ("
                    + (spec.classesPerDevice() == 0 ? "IID" : spec.classesPerDevice() + " classes each") + ")";
            return new RunResult(new Table<>(CpslRows.roundColumns(scenario), rounds),
                    new Table<>(CpslRows.deviceColumns(), devices), TrainingData.provenance(clock, trained,
                    training == null ? null : training.warmStart));
        }

        private int n() {
            return engine.deployment().size();
        }

        /** A round as it ended: its snapshot, plan and events (null for centralised learning), and its own row. */
        private record Ended(CpslSnapshot snapshot, CpslPlan plan, CpslRound.Outcome events, CpslRows.Round row) {
        }

        private void startRound(Turn<Ended> turn) {
            if (cut == null) {
                centralisedRound(turn);
                return;
            }
            RoundConditions.Round c = turn.truth();
            int n = n();
            double[] snrDb = new double[n];
            for (int k = 0; k < n; k++) {
                snrDb[k] = spec.snrSigma() == 0 ? meanSnr[k] : Draws.normal(snr[k], meanSnr[k], spec.snrSigma());
            }
            CpslSnapshot s = snapshot(turn.round(), cut, c.speedHz(), snrDb, clustering);
            // The scheduler plans on the SNRs it sees (radio.csiError, csiAge); the round runs on the true ones.
            CpslSnapshot view = s;
            if (!c.csi().perfect()) {
                double[] seen = new double[n];
                for (int k = 0; k < n; k++) {
                    seen[k] = c.csi().snrDb(k, snrDb[k], meanSnr[k], spec.snrSigma());
                }
                view = snapshot(turn.round(), cut, c.speedHz(), seen, clustering);
            }
            CpslPlan plan = scheduler.plan(view);
            plan.check(s);
            double planned = CpslLatency.round(view, plan);
            // Later fading blocks draw each device's SNR afresh around its mean (Gaussian in dB).
            FadingBlocks blocks = engine.coherence().up(turn.start(), snrDb, (k, stream) -> spec.snrSigma() == 0
                    ? meanSnr[k] : Draws.normal(stream, meanSnr[k], spec.snrSigma()));
            new CpslRound(engine.kernel(), turn.work(), s, view, plan, cut, spec.stragglers().deadline(1.0), blocks,
                    subcarrierBandwidth, cluster -> {
                        if (training != null) {
                            training.cluster(cluster.members(), cluster.epochsIn(), cluster.averaged());
                        }
                    }, o -> {
                        CpslTraining.Accuracy a = accuracy();
                        turn.finish(planned, o.count(), new Ended(s, plan, o, new CpslRows.Round(cut.layer(),
                                plan.clusters().length, plan.initial(), Double.isNaN(plan.chain()) ? planned
                                : plan.chain(), a.testLoss(), a.testAccuracy())));
                    }).start();
        }

        private CpslTraining.Accuracy accuracy() {
            return training == null ? new CpslTraining.Accuracy(Double.NaN, Double.NaN) : training.evaluate();
        }

        /** Centralised learning: the server trains for {@code N L B} samples' forward and backward passes. */
        private void centralisedRound(Turn<Ended> turn) {
            int steps = n() * spec.localEpochs();
            double perSample = spec.profile().equals(CpslSpec.PAPER_WHOLE) ? 2 * WHOLE_FLOPS
                    : model.flopsForwardPerSample() + model.flopsBackwardPerSample();
            double latency = steps * spec.batch() * perSample / (spec.serverSpeed() * kappa);
            engine.kernel().schedule(latency, "server-training", "server", () -> {
                training.centralised(steps);
                CpslTraining.Accuracy a = accuracy();
                turn.finish(latency, n(), new Ended(null, null, null, new CpslRows.Round(0, 0, latency, latency,
                        a.testLoss(), a.testAccuracy())));
            });
        }
    }
}

package org.edgesim.protocol.cpsl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgesim.cell.RoundConditions;
import org.edgesim.channel.Air;
import org.edgesim.channel.SnrDbLaw;
import org.edgesim.device.CpuProfile;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.DescribedProtocol;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.ProtocolRun;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.StreamFamily;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.round.Turn;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.table.Table;
import umontreal.ssj.rng.RandomStream;

/**
 * CPSL rounds (docs/models/cpsl.md) as events on one kernel. Per cluster, in the plan's order: the AP
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
public final class CpslProtocol extends DescribedProtocol<CpslScheduler> {
    public CpslProtocol() {
        super(CpslSpec.TYPE, "cluster-based parallel split learning: cut layer, clusters and subcarriers (Wu, Li, Qu"
                + " et al. 2023)", CpslScheduler.class, process -> (CpslScheduler) s -> process.exchange(s.round(),
                CpslJson.snapshot(s), p -> CpslJson.plan(s, p)), CpslRows::roundColumns,
                (context, scheduler) -> new Run(context, scheduler).execute());
    }

    static final StreamFamily MEAN_SNR = new StreamFamily("cpsl-mean-snr", i -> "cpsl/snr-mean/device-" + i);
    static final StreamFamily SNR = new StreamFamily("cpsl-snr", i -> "cpsl/snr/device-" + i);

    private static final class Run extends ProtocolRun<CpslSpec, CpslScheduler, Run.Ended> {
        private final double[] meanSnr;
        private final RandomStream[] snr;
        private final RandomStream clustering;
        private final double subcarrierBandwidth;
        /** The channel's law, read once. */
        private final SnrDbLaw law;
        private final double kappa;
        private final ModelProfile model;
        private final int clusterSize;
        private final CpslTraining training;
        private final ModelProfile.CutProfile cut;
        private final String cutChoice;

        Run(RunContext context, CpslScheduler scheduler) {
            super(context, scheduler, CpslSpec.class, "round");
            RandomStreams streams = context.streams();
            int n = engine.deployment().size();
            this.meanSnr = new double[n];
            RandomStream[] means = streams.streams(MEAN_SNR, n);
            for (int k = 0; k < n; k++) {
                meanSnr[k] = spec.meanSnr().draw(k, n, means[k]);
            }
            this.snr = spec.snrSigma() == 0 ? new RandomStream[n] : streams.streams(SNR, n);
            this.clustering = streams.stream("cpsl/clustering");
            this.law = spec.channelLaw();
            this.subcarrierBandwidth = spec.subcarrierBandwidth() != null ? spec.subcarrierBandwidth()
                    : scenario.radio().bandwidth() / spec.subcarriers();
            this.kappa = scenario.devices().cpu().flopsPerCycle();
            this.clusterSize = spec.clusterSize(n);
            LearningSpec learning = scenario.learning();
            TrainTest<Samples> data = learning == null ? null : TrainingData.load(learning, context.cache());
            ModelProfile trained = data == null ? null : Profiles.of(TrainingData.model(learning,
                    data.train().classes()), data.train().sampleShape());
            if (spec.profile().equals(CpslSpec.PAPER) && trained != null
                    && trained.layers().size() != CpslCuts.PAPER_CNN.layers().size()) {
                throw new InfeasibleScenarioException("protocol.profile: 'paper' clocks the paper's "
                        + CpslCuts.PAPER_CNN.layers().size() + "-layer CNN, but the trained " + trained.model() + " has "
                        + trained.layers().size() + " layers, so a cut would mean different layers: train"
                        + " cpsl-cnn, or use 'built' or 'paper-pool1'");
            }
            this.model = spec.profile().equals(CpslSpec.PAPER) ? CpslCuts.PAPER_CNN : trained == null ? CpslCuts.CNN : trained;
            int last = model.layers().size();
            if (spec.scheme().equals(CpslSpec.CL)) {
                this.cut = null;
                this.cutChoice = "centralised learning: no cut";
            } else if (spec.scheme().equals(CpslSpec.FL) || spec.cutLayer() > 0) {
                int v = spec.scheme().equals(CpslSpec.FL) ? last : spec.cutLayer();
                this.cut = CpslCuts.cut(spec, model, v);
                this.cutChoice = spec.scheme().equals(CpslSpec.FL) ? "FL: the last layer" : "fixed by the scenario";
            } else {
                CutSelection.Choice c = CutSelection.choose(spec, scenario.devices().cpu().speedSigma(), scheduler,
                        this::snapshot, v -> CpslCuts.cut(spec, model, v), last - 1, this::meanSpeed, meanSnr,
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
                double rate = law.rate(subcarrierBandwidth, snrDb[k]);
                list.add(new CpslDevice(k, speeds[k], snrDb[k], rate));
            }
            return new CpslSnapshot(round, c, spec.batch(), spec.localEpochs(), spec.subcarriers(), kappa,
                    spec.serverSpeed(), clusterSize, list, spec.gibbsIterations(), spec.gibbsDelta(), random,
                    spec.modelUpload(), spec.ergodicRate(), spec.uploads());
        }

        RunResult execute() {
            List<Turn<Ended>> turns = rounds(training);
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
                    devices.add(new DeviceCommon.Row<>(t.device(k), new CpslRows.Device(of[k],
                            d.speedHz(), d.snrDb(), d.rate(), e.plan().subcarriers()[k], e.events().uploaded()[k])));
                }
            }
            String clock = cut == null ? String.format(Locale.ROOT, "centralised learning at the server (%.4g Hz):"
                    + " N L = %d steps of B = %d per round, %s", spec.serverSpeed(), n() * spec.localEpochs(),
                    spec.batch(), model.model()) : String.format(Locale.ROOT, "%s cut after layer %d (%s, %s): device"
                    + " model %.6g bits, smashed data %.6g bits per sample; clusters of %d, B = %d, L = %d, C = %d"
                    + " subcarriers of %.6g Hz, channel %s, server %.4g Hz", model.model(), cut.layer(), cut.layerName(),
                    cutChoice, cut.deviceModelBits(), cut.smashedBits(), clusterSize, spec.batch(), spec.localEpochs(),
                    spec.subcarriers(), subcarrierBandwidth, law.describe(), spec.serverSpeed())
                    + (spec.compression() == null ? "" : "; uploads compressed: " + spec.uploads().describe());
            String trained = training == null ? "nothing (no learning section)" : scenario.learning().describe()
                    + ", scheme " + spec.scheme() + ", " + spec.samplesPerDevice() + " samples per device ("
                    + (spec.classesPerDevice() == 0 ? "IID" : spec.classesPerDevice() + " classes each") + ")";
            return new RunResult(new Table<>(CpslRows.roundColumns(scenario), rounds),
                    new Table<>(CpslRows.deviceColumns(scenario), devices), TrainingData.provenance(clock, trained,
                    training == null ? null : training.warmStart));
        }

        private int n() {
            return engine.deployment().size();
        }

        /** A round as it ended: its snapshot, plan and events (null for centralised learning), and its own row. */
        private record Ended(CpslSnapshot snapshot, CpslPlan plan, CpslRound.Outcome events, CpslRows.Round row) {
        }

        @Override
        protected void startRound(Turn<Ended> turn) {
            if (cut == null) {
                centralisedRound(turn);
                return;
            }
            RoundConditions.Round c = turn.truth();
            int n = n();
            double[] snrDb = new double[n];
            for (int k = 0; k < n; k++) {
                snrDb[k] = law.draw(snr[k], meanSnr[k]);
            }
            CpslSnapshot s = snapshot(turn.round(), cut, c.speedHz(), snrDb, clustering);
            // The scheduler plans on the SNRs it sees (radio.csiError, csiAge); the round runs on the true ones.
            CpslSnapshot view = s;
            if (!c.csi().perfect()) {
                double[] seen = new double[n];
                for (int k = 0; k < n; k++) {
                    seen[k] = law.seen(c.csi(), k, snrDb[k], meanSnr[k]);
                }
                view = snapshot(turn.round(), cut, c.speedHz(), seen, clustering);
            }
            CpslPlan plan = scheduler.plan(view);
            plan.check(s);
            double planned = CpslLatency.round(view, plan);
            // Later fading blocks draw each device's SNR afresh around its mean (Gaussian in dB).
            Air.States states = engine.links(turn).states(snrDb, (k, stream) -> law.draw(stream, meanSnr[k]));
            new CpslRound(engine.kernel(), turn.work(), s, view, plan, cut, spec.stragglers().deadline(1.0), states,
                    (width, snrIn) -> law.rate(width * subcarrierBandwidth, snrIn), cluster -> {
                        if (training != null) {
                            training.cluster(cluster.members(), cluster.epochsIn(), cluster.averaged());
                        }
                    }, o -> {
                        CpslTraining.Accuracy a = accuracy(turn.round());
                        turn.evaluated(a.testAccuracy());
                        turn.finish(planned, o.averaged(), new Ended(s, plan, o, new CpslRows.Round(cut.layer(),
                                plan.clusters().length, plan.initial(), Double.isNaN(plan.chain()) ? planned
                                : plan.chain(), a.testLoss(), a.testAccuracy())));
                    }).start();
        }

        /** The test set's verdict after {@code round}, NaN when none is due ({@code learning.evaluation}). */
        private CpslTraining.Accuracy accuracy(int round) {
            return training == null ? new CpslTraining.Accuracy(Double.NaN, Double.NaN)
                    : training.evaluate(round, round == scenario.rounds());
        }

        /** Centralised learning: the server trains for {@code N L B} samples' forward and backward passes. */
        private void centralisedRound(Turn<Ended> turn) {
            int steps = n() * spec.localEpochs();
            double perSample = spec.profile().equals(CpslSpec.PAPER_WHOLE) ? 2 * CpslCuts.WHOLE_FLOPS
                    : model.flopsForwardPerSample() + model.flopsBackwardPerSample();
            double latency = steps * spec.batch() * perSample / (spec.serverSpeed() * kappa);
            engine.kernel().schedule(latency, "server-training", "server", () -> {
                training.centralised(steps);
                CpslTraining.Accuracy a = accuracy(turn.round());
                turn.evaluated(a.testAccuracy());
                boolean[] all = new boolean[n()];
                java.util.Arrays.fill(all, true); // the server trains on every device's data
                turn.finish(latency, all, new Ended(null, null, null, new CpslRows.Round(0, 0, latency, latency,
                        a.testLoss(), a.testAccuracy())));
            });
        }
    }
}

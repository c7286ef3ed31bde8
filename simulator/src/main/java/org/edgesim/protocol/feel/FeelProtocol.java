package org.edgesim.protocol.feel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgesim.cell.Deployment;
import org.edgesim.cell.RoundConditions;
import org.edgesim.device.Availability;
import org.edgesim.device.AvailabilityTrace;
import org.edgesim.device.CpuProfile;
import org.edgesim.device.GpuProfile;
import org.edgesim.device.Slowdowns;
import org.edgesim.kernel.Kernel;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.Profiles;
import org.edgesim.learning.partition.Iid;
import org.edgesim.learning.partition.LabelShards;
import org.edgesim.learning.partition.Partition;
import org.edgesim.protocol.FadingBlocks;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.radio.Fading;
import org.edgesim.radio.PiecewiseRate;
import org.edgesim.radio.Rates;
import org.edgesim.report.Column;
import org.edgesim.report.Table;
import org.edgesim.rng.StreamFamily;
import org.edgesim.scenario.FeelSpec;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.sched.Scheduler;
import umontreal.ssj.rng.RandomStream;

/**
 * FEEL rounds (feel-batchsize.md), one after another on one kernel. The scheduler sees each
 * device's ergodic rates (Rayleigh fading averaged in closed form over the frames of a round; the
 * plain Shannon rate without fading) and compute law; the round then runs as events at those rates,
 * each transfer only inside its owner's slots. With a {@code learning} section the model is trained
 * as the plan's {@link Update} prescribes.
 */
public final class FeelProtocol implements Protocol<FeelScheduler> {
    @Override
    public String name() {
        return FeelSpec.TYPE;
    }

    @Override
    public String description() {
        return "federated edge learning: batch sizes and TDMA slots, gradient averaging (Ren, Yu, Ding 2021)";
    }

    @Override
    public FeelScheduler external(org.edgesim.sched.external.ExternalProcess process) {
        return (FeelScheduler) s -> process.exchange(s.round(), FeelJson.snapshot(s), p -> FeelJson.plan(s, p));
    }

    @Override
    public List<? extends Column<?>> roundColumns(Scenario scenario) {
        return FeelRows.roundColumns(scenario);
    }

    @Override
    public Class<FeelScheduler> schedulerType() {
        return FeelScheduler.class;
    }

    @Override
    public RunResult run(RunContext context, FeelScheduler feel) {
        return new Run(context, feel).execute();
    }

    static final StreamFamily BLOCKS = new StreamFamily("feel-fading-blocks", i -> "feel/fading-blocks/device-" + i);

    /** The clock's model: a gradient's and a model's size in bits, compute per sample and per update. */
    record Clock(long parameters, double gradientBits, double modelBits, double cyclesPerSample, double updateCycles,
                 String source) {
    }

    /** The clock of {@code scenario}: explicit fields, else the named latency model, else the trained model. */
    static Clock clock(Scenario scenario, ModelProfile trained) {
        FeelSpec spec = (FeelSpec) scenario.protocol();
        FeelSpec.LatencyModel named = spec.latencyModel() == null ? null : FeelSpec.LATENCY_MODELS.get(spec.latencyModel());
        double kappa = scenario.devices().cpu() == null ? 1.0 : scenario.devices().cpu().flopsPerCycle();
        long p;
        double flops;
        String source;
        if (named != null) {
            p = named.parameters();
            flops = named.flopsPerSample();
            source = "latency model " + spec.latencyModel();
        } else if (trained != null) {
            p = trained.parameters();
            flops = trained.flopsForwardPerSample() + trained.flopsBackwardPerSample();
            source = "the trained model's profile";
        } else {
            p = spec.modelParameters();
            flops = Double.NaN;
            source = "protocol fields";
        }
        if (spec.modelParameters() != null) {
            p = spec.modelParameters();
        }
        double cycles = spec.cyclesPerSample() != null ? spec.cyclesPerSample() : flops / kappa;
        double update = spec.updateCycles() != null ? spec.updateCycles() : 2.0 * p / kappa;
        return new Clock(p, p * spec.bitsPerGradient(), p * spec.bitsPerModelParameter(), cycles, update, source);
    }

    /** The state of one run. */
    private static final class Run {
        private final Scenario scenario;
        private final FeelSpec spec;
        private final FeelScheduler scheduler;
        private final RunContext context;
        private final Deployment deployment;
        private final RoundConditions conditions;
        private final Slowdowns slowdowns;
        private final Kernel kernel;
        private final RandomStream random;
        /** When devices are away ({@code devices.availability}). */
        private final Availability availability;
        /** Per device, its fading blocks' stream ({@code radio.coherenceTime}); null with one rate per round. */
        private final RandomStream[] blockStreams;
        private final TrainTest<Samples> data;
        /** The profile of the model trained, or null. */
        private final ModelProfile trained;
        private final Clock clock;
        private final int[] samples;
        private final FeelTraining training;
        private final List<FeelRows.RoundRow> rounds = new ArrayList<>();
        private final List<FeelRows.DeviceRow> devices = new ArrayList<>();
        /** Individual learning: the local epochs each device ran, for the manifest; else null. */
        private int[] epochsRun;

        Run(RunContext context, FeelScheduler scheduler) {
            this.context = context;
            this.kernel = context.kernel();
            this.scenario = context.scenario();
            this.spec = (FeelSpec) scenario.protocol();
            this.scheduler = scheduler;
            this.deployment = Deployment.drop(scenario, context.streams());
            this.conditions = new RoundConditions(scenario, deployment, context.streams());
            this.slowdowns = Slowdowns.of(scenario.devices().jitter(), context.streams(), deployment.size());
            this.random = context.streams().stream("scheduler/feel");
            this.availability = Availability.of(scenario.devices().availability(), context.streams(), deployment.size());
            this.blockStreams = scenario.radio().coherenceTime() == null ? null
                    : context.streams().streams(BLOCKS, deployment.size());
            int n = deployment.size();
            LearningSpec learning = scenario.learning();
            this.data = learning == null ? null : TrainingData.load(learning, context.cache());
            this.trained = data == null ? null
                    : Profiles.of(TrainingData.model(learning, data.train().classes()), data.train().sampleShape());
            this.clock = clock(scenario, trained);
            int[][] held = null;
            if (data != null) {
                held = partition(n);
                samples = new int[n];
                for (int k = 0; k < n; k++) {
                    samples[k] = held[k].length;
                }
            } else {
                samples = new int[n];
                if (spec.trainingSamples() < n) {
                    throw new InfeasibleScenarioException("protocol.trainingSamples: " + spec.trainingSamples()
                            + " samples for " + n + " devices; every device needs at least one");
                }
                for (int k = 0; k < n; k++) {
                    samples[k] = spec.trainingSamples() / n + (k < spec.trainingSamples() % n ? 1 : 0);
                }
            }
            for (int k = 0; k < n; k++) {
                if (samples[k] < spec.maxBatch()) {
                    throw new InfeasibleScenarioException("device " + k + " holds " + samples[k] + " training samples,"
                            + " fewer than protocol.maxBatch = " + spec.maxBatch() + "; lower maxBatch or use fewer"
                            + " devices");
                }
            }
            this.training = data == null ? null
                    : new FeelTraining(learning, data, held, context.streams(), spec.referenceBatch());
        }

        private int[][] partition(int n) {
            Samples train = data.train();
            int[] labels = new int[train.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = train.label(i);
            }
            Partition p = spec.partition().equals(FeelSpec.NON_IID) ? new LabelShards(2) : new Iid();
            try {
                return p.assign(labels, train.classes(), n, context.streams().stream("data/partition"));
            } catch (IllegalArgumentException e) {
                throw new InfeasibleScenarioException("protocol.partition: " + e.getMessage());
            }
        }

        RunResult execute() {
            try (FeelTraining t = training) {
                kernel.schedule(0.0, "round-start", "round 1", () -> startRound(1));
                kernel.run();
            }
            boolean stragglers = FeelRows.stragglers(scenario);
            boolean energy = FeelRows.energy(scenario);
            return new RunResult(new Table<>(FeelRows.roundColumns(scenario), rounds),
                    new Table<>(FeelRows.deviceColumns(stragglers, energy), devices), provenance());
        }

        private Map<String, String> provenance() {
            String clockLine = clock.parameters() + " parameters (" + clock.source() + "), "
                    + String.format(java.util.Locale.ROOT, "%.4g cycles per sample, %.4g cycles per update, gradients"
                    + " %.6g bits, models %.6g bits", clock.cyclesPerSample(), clock.updateCycles(), clock.gradientBits(),
                    clock.modelBits()) + ", " + spec.partition() + " partition";
            if (epochsRun != null) {
                clockLine += "; individual learning: local epochs per device " + java.util.Arrays.toString(epochsRun)
                        + (training == null ? " (protocol.maxLocalEpochs: nothing is trained)" : " (until one epoch"
                        + " lowers the local loss by less than " + spec.localTolerance() + " of itself, at most "
                        + spec.maxLocalEpochs() + ")");
            }
            String trainedLine = data == null ? "nothing (no learning section)" : scenario.learning().describe() + ": "
                    + trained.parameters() + " parameters, " + data.train().name() + " ("
                    + data.train().size() + " samples, " + spec.partition() + "), tested on " + data.test().name()
                    + " (" + data.test().size() + ")";
            return TrainingData.provenance(clockLine, trainedLine, training == null ? null : training.warmStart);
        }

        private void startRound(int round) {
            RoundConditions.Round c = conditions.next(round);
            // The scheduler plans on the channel it sees (radio.csiError, csiAge); the round runs on the true one.
            RoundConditions.Round seen = c.seen();
            FeelSnapshot view = snapshot(round, seen);
            FeelSnapshot s = seen == c ? view : snapshot(round, c);
            FeelPlan plan = scheduler.plan(view);
            if (plan.size() != s.size()) {
                throw new IllegalStateException("scheduler " + scenario.scheduler() + " planned " + plan.size()
                        + " devices of " + s.size());
            }
            // What crosses the air: gradients, or models (protocol.bitsPerGradient, bitsPerModelParameter).
            FeelSnapshot sent = s.payloadOf(plan.update());
            int n = s.size();
            double[] compute = new double[n];
            double[] update = new double[n];
            double lr = Double.NaN;
            if (training != null) {
                lr = plan.update() == Update.GRADIENT ? training.learningRate(plan.globalBatch())
                        : training.learningRate(plan.batch(0));
            }
            int[] epochs = plan.update() == Update.LOCAL ? localEpochs(plan, lr) : null;
            for (int k = 0; k < n; k++) {
                FeelDevice d = s.device(k);
                switch (plan.update()) {
                    case GRADIENT -> {
                        compute[k] = d.compute().time(plan.batch(k));
                        update[k] = d.updateS();
                    }
                    case MODEL -> compute[k] = d.compute().epochTime(d.samples(), plan.batch(k), d.updateS());
                    case LOCAL -> compute[k] = epochs[k] * d.compute().epochTime(d.samples(), plan.batch(k), d.updateS());
                    default -> throw new IllegalStateException(plan.update().toString());
                }
            }
            double[] nominal = compute.clone();
            for (int k = 0; k < n; k++) {
                compute[k] = slowdowns.apply(k, compute[k]);
            }
            double rate = lr;
            java.util.function.Consumer<boolean[]> atServer = training == null ? arrived -> { }
                    : arrived -> train(plan, rate, arrived);
            List<List<AvailabilityTrace.Pause>> pauses = new ArrayList<>(n);
            double[] outage = new double[n];
            for (int k = 0; k < n; k++) {
                Availability.Session session = availability.session(k, compute[k]);
                pauses.add(session.next(kernel.now(), compute[k]));
                outage[k] = session.outage();
            }
            double deadline = spec.stragglers().deadline(plan.uplinkS());
            int quorum = spec.stragglers().quorum(n);
            new FeelRound(kernel, sent, plan, compute, update, pauses, deadline, quorum, links(c), atServer,
                    o -> finishRound(c, sent, plan, o, compute, rate, outage, nominal, update)).start();
        }

        /**
         * Individual learning's local epochs per device: until its local loss converges
         * ({@code protocol.localTolerance}, {@code maxLocalEpochs}); without a learning section,
         * {@code maxLocalEpochs} each.
         */
        private int[] localEpochs(FeelPlan plan, double lr) {
            int[] epochs;
            if (training != null) {
                epochs = training.individual(plan.batch(0), lr, spec.localTolerance(), spec.maxLocalEpochs());
            } else {
                epochs = new int[plan.size()];
                java.util.Arrays.fill(epochs, spec.maxLocalEpochs());
            }
            epochsRun = epochs;
            return epochs;
        }

        private void train(FeelPlan plan, double lr, boolean[] arrived) {
            switch (plan.update()) {
                case GRADIENT -> training.gradientRound(plan.batches(), lr, arrived);
                case MODEL -> training.modelRound(plan.batch(0), lr, arrived);
                case LOCAL -> training.averageLocal(arrived);
                default -> throw new IllegalStateException(plan.update().toString());
            }
        }

        private void finishRound(RoundConditions.Round c, FeelSnapshot s, FeelPlan plan, FeelRound.Outcome o,
                                 double[] compute, double lr, double[] outage, double[] nominal, double[] update) {
            int aggregated = 0;
            int outages = 0;
            Double kappaE = capacitance();
            Double power = gpuPower();
            boolean energyModel = kappaE != null || power != null;
            double energy = energyModel ? 0 : Double.NaN;
            double[] computeEnergy = new double[outage.length];
            double[] radioEnergy = new double[outage.length];
            for (int k = 0; k < outage.length; k++) {
                aggregated += o.arrived()[k] ? 1 : 0;
                outages += outage[k] > 0 ? 1 : 0;
                computeEnergy[k] = Double.NaN;
                radioEnergy[k] = Double.NaN;
                if (energyModel) {
                    // The work's nominal time (a gradient round's update comes after): on a CPU, cycles at the
                    // round's clock, kappa_e f^2 each; on a GPU, the board's power over that time.
                    double busy = nominal[k] + (plan.update() == Update.GRADIENT ? update[k] : 0);
                    double f = c.speedHz()[k];
                    computeEnergy[k] = kappaE != null ? kappaE * f * f * (busy * f) : power * busy;
                    radioEnergy[k] = scenario.radio().devicePower() * s.bits() / s.device(k).rateUpBps();
                    energy += computeEnergy[k] + radioEnergy[k];
                }
            }
            double longest = 0;
            for (double v : compute) {
                longest = Math.max(longest, v);
            }
            FeelTraining.Accuracy a = training == null ? new FeelTraining.Accuracy(Double.NaN, Double.NaN, Double.NaN)
                    : training.evaluate();
            boolean local = plan.update() == Update.LOCAL;
            double planned = plan.plannedLatencyS();
            if (local) {
                // The plan's exchange after the local training it did not know: max_k (t_k + upload_k) + downlink.
                double up = 0;
                for (int k = 0; k < s.size(); k++) {
                    up = Math.max(up, nominal[k] + s.upCost(k) / plan.slotUp(k));
                }
                planned = up + plan.downlinkS();
            }
            rounds.add(new FeelRows.RoundRow(s.round(), scenario.scheduler(), plan.update().name().toLowerCase(
                    java.util.Locale.ROOT), o.start(), planned, o.latency(),
                    o.start() + o.latency(), plan.globalBatch(), longest, o.uplink(), o.latency() - o.uplink(),
                    local ? Double.NaN : plan.efficiency(), lr, a.trainLoss(), a.trainAccuracy(), a.testAccuracy(),
                    aggregated, outages, energy));
            for (int k = 0; k < s.size(); k++) {
                FeelDevice d = s.device(k);
                devices.add(new FeelRows.DeviceRow(s.round(), k, deployment.device(k).distance(), c.speedHz()[k],
                        d.rateUpBps(), d.rateDownBps(), d.samples(), plan.batch(k), plan.slotUp(k), plan.slotDown(k),
                        o.computed()[k], o.uploaded()[k], o.finished()[k], outage[k],
                        o.arrived()[k], computeEnergy[k], radioEnergy[k]));
            }
            if (local) {
                // Individual learning is over after its one exchange: there is no second average.
                context.progress().roundDone(scenario.rounds(), scenario.rounds());
                return;
            }
            boolean timeUp = spec.timeLimit() != null && kernel.now() >= spec.timeLimit();
            context.progress().roundDone(timeUp ? scenario.rounds() : s.round(), scenario.rounds());
            if (s.round() < scenario.rounds() && !timeUp) {
                kernel.schedule(0.0, "round-start", "round " + (s.round() + 1), () -> startRound(s.round() + 1));
            }
        }

        /**
         * With {@code radio.coherenceTime}: per device its uplink and downlink in fading blocks from
         * the round's start, at the true mean SNRs ({@code feel/fading-blocks/device-k}); else null.
         */
        private List<PiecewiseRate[]> links(RoundConditions.Round c) {
            if (blockStreams == null) {
                return null;
            }
            RadioSpec radio = scenario.radio();
            double w = radio.bandwidth();
            double noise = Rates.noise(radio.noiseDensity(), w);
            FadingBlocks blocks = new FadingBlocks(radio.coherenceTime(), radio.fading(), blockStreams, kernel.now());
            List<PiecewiseRate[]> out = new ArrayList<>(deployment.size());
            for (int k = 0; k < deployment.size(); k++) {
                out.add(new PiecewiseRate[] {
                    blocks.link(k, w, Rates.snr(radio.devicePower(), c.largeScale()[k], noise)),
                    blocks.link(k, w, Rates.snr(radio.apPower(), c.largeScale()[k], noise))});
            }
            return out;
        }

        /** The GPU's power while computing when the scenario models energy, else null. */
        private Double gpuPower() {
            return scenario.devices().gpu() == null ? null : scenario.devices().gpu().power();
        }

        /** The CPU's kappa_e when the scenario models energy, else null. */
        private Double capacitance() {
            return scenario.devices().cpu() == null ? null : scenario.devices().cpu().capacitance();
        }

        /** The scheduler's view of round {@code round}. */
        private FeelSnapshot snapshot(int round, RoundConditions.Round c) {
            RadioSpec radio = scenario.radio();
            double w = radio.bandwidth();
            double noise = Rates.noise(radio.noiseDensity(), w);
            List<FeelDevice> list = new ArrayList<>(deployment.size());
            for (int k = 0; k < deployment.size(); k++) {
                double large = c.largeScale()[k];
                double up = w * efficiency(radio, Rates.snr(radio.devicePower(), large, noise));
                double down = w * efficiency(radio, Rates.snr(radio.apPower(), large, noise));
                BatchLatency law;
                double update;
                if (deployment.device(k).meanProfile() instanceof CpuProfile) {
                    double f = c.speedHz()[k];
                    law = BatchLatency.cpu(f, clock.cyclesPerSample());
                    update = clock.updateCycles() / f;
                } else {
                    GpuProfile gpu = (GpuProfile) deployment.device(k).meanProfile();
                    law = BatchLatency.gpu(gpu);
                    update = spec.gpuUpdate() != null ? spec.gpuUpdate() : gpu.perSampleS();
                }
                list.add(new FeelDevice(k, law, update, samples[k], up, down));
            }
            return new FeelSnapshot(round, clock.gradientBits(), clock.modelBits(), spec.uplinkFrame(), spec.downlinkFrame(), spec.maxBatch(), list,
                    random);
        }

        private static double efficiency(RadioSpec radio, double meanSnr) {
            return radio.fading() == Fading.RAYLEIGH ? Rates.ergodicSpectralEfficiency(meanSnr)
                    : Rates.spectralEfficiency(meanSnr);
        }
    }
}

package org.edgesim.protocol.partel;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.Deployment;
import org.edgesim.cell.RoundConditions;
import org.edgesim.device.Availability;
import org.edgesim.device.Slowdowns;
import org.edgesim.kernel.Kernel;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.radio.BlockClock;
import org.edgesim.radio.PiecewiseRate;
import org.edgesim.radio.Rates;
import org.edgesim.report.Column;
import org.edgesim.report.Table;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.StreamFamily;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.PartelSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.sched.Scheduler;
import umontreal.ssj.rng.RandomStream;

/** PARTEL rounds, one after another on one kernel; each round starts when the previous one ends. */
public final class PartelProtocol implements Protocol<PartelScheduler> {
    static final StreamFamily BLOCKS = new StreamFamily("partel-fading-blocks", i -> "partel/fading-blocks/device-" + i);
    static final StreamFamily DOWN_BLOCKS = new StreamFamily("partel-fading-blocks-down",
            i -> "partel/fading-blocks-down/device-" + i);

    @Override
    public String name() {
        return PartelSpec.TYPE;
    }

    @Override
    public String description() {
        return "partitioned edge learning: broadcast push, block gradients, FDMA pull (Wen, Bennis, Huang 2020)";
    }

    @Override
    public PartelScheduler external(org.edgesim.sched.external.ExternalProcess process) {
        return (PartelScheduler) s -> process.exchange(s.round(), PartelJson.snapshot(s), p -> PartelJson.plan(s, p));
    }

    @Override
    public List<? extends Column<?>> roundColumns(Scenario scenario) {
        return PartelRows.roundColumns(scenario);
    }

    @Override
    public Class<PartelScheduler> schedulerType() {
        return PartelScheduler.class;
    }

    @Override
    public RunResult run(RunContext context, PartelScheduler partel) {
        return new Run(context, partel).execute();
    }

    /** The state of one run. */
    private static final class Run {
        private final Scenario scenario;
        private final PartelSpec spec;
        private final PartelScheduler scheduler;
        private final RunContext context;
        private final Deployment deployment;
        private final RoundConditions conditions;
        private final Slowdowns slowdowns;
        /** When workers are away ({@code devices.availability}). */
        private final Availability availability;
        /** Per worker, its uplink's and downlink's fading blocks' streams ({@code radio.coherenceTime}); null with one channel per round. */
        private final RandomStream[] blockStreams;
        private final RandomStream[] downBlockStreams;
        private final Kernel kernel;
        /** What is trained, or null: then only the clock runs. */
        private final TrainTest<Samples> data;
        /** N_p and the training-set size that drive the clock. */
        private final long modelParameters;
        private final int trainingSamples;
        private final List<PartelRows.RoundRow> rounds = new ArrayList<>();
        private final List<PartelRows.DeviceRow> devices = new ArrayList<>();
        /** Each round's block lengths, for the training. */
        private final List<long[]> allocations = new ArrayList<>();
        /** Each round's workers whose gradient the server did not take (dropped or late), for the training. */
        private final List<java.util.BitSet> missing = new ArrayList<>();

        Run(RunContext context, PartelScheduler scheduler) {
            this.context = context;
            this.kernel = context.kernel();
            this.scenario = context.scenario();
            this.spec = (PartelSpec) scenario.protocol();
            this.scheduler = scheduler;
            LearningSpec learning = scenario.learning();
            this.data = learning == null ? null : TrainingData.load(learning, context.cache());
            this.modelParameters = spec.modelParameters() != null ? spec.modelParameters()
                    : PartelTraining.parameters(learning, data.train());
            this.trainingSamples = spec.trainingSamples() != null ? spec.trainingSamples() : data.train().size();
            if (trainingSamples < spec.workersPerGroup()) {
                throw new InfeasibleRoundException(-1, "the training set has " + trainingSamples + " samples for "
                        + spec.workersPerGroup() + " workers per group; every worker needs at least one");
            }
            this.deployment = Deployment.drop(scenario, context.streams());
            this.conditions = new RoundConditions(scenario, deployment, context.streams());
            this.slowdowns = Slowdowns.of(scenario.devices().jitter(), context.streams(), deployment.size());
            this.availability = Availability.of(scenario.devices().availability(), context.streams(), deployment.size());
            this.blockStreams = scenario.radio().coherenceTime() == null ? null
                    : context.streams().streams(BLOCKS, deployment.size());
            this.downBlockStreams = scenario.radio().coherenceTime() == null ? null
                    : context.streams().streams(DOWN_BLOCKS, deployment.size());
        }

        /**
         * Runs the rounds on the kernel, then the training. The training comes after the clock
         * because nothing in a PARTEL round's timing depends on it (fixed data and model sizes),
         * and it is shared by the schedulers of a comparison (see {@link PartelTraining}).
         */
        RunResult execute() {
            kernel.schedule(0.0, "round-start", "round 1", () -> startRound(1));
            kernel.run();
            boolean energy = scenario.devices().cpu().capacitance() != null;
            if (data != null) {
                LearningSpec learning = scenario.learning();
                RandomStreams streams = context.streams();
                // Rounds where every gradient was taken train alike whatever the allocation; the missing ones are in the key.
                var key = new PartelTraining.Key(learning, spec.workersPerGroup(), streams.masterSeed(),
                        streams.replication(), scenario.rounds(), List.copyOf(missing));
                PartelTraining.Trace trace = context.cache().get(key, () -> PartelTraining.train(learning,
                        data, spec.groups(), spec.workersPerGroup(), streams, allocations, missing, modelParameters));
                for (int r = 0; r < rounds.size(); r++) {
                    rounds.set(r, rounds.get(r).withAccuracy(trace.rounds().get(r)));
                }
                warmStart = trace.warmStart();
            }
            return new RunResult(new Table<>(PartelRows.roundColumns(scenario), rounds), new Table<>(PartelRows.deviceColumns(stragglers(), energy),
                    devices), provenance());
        }

        private boolean stragglers() {
            return PartelRows.stragglers(scenario);
        }

        /** The warm start's manifest line, once trained (null without one). */
        private String warmStart;

        private java.util.Map<String, String> provenance() {
            String clock = "N_p = " + modelParameters + " parameters"
                    + (spec.modelParameters() == null ? " (the trained model's)" : " (protocol.modelParameters)")
                    + ", " + trainingSamples + " training samples"
                    + (spec.trainingSamples() == null ? " (the training set's)" : " (protocol.trainingSamples)");
            if (data == null) {
                return java.util.Map.of("clock", clock, "trained", "nothing (no learning section)");
            }
            long trained = PartelTraining.parameters(scenario.learning(), data.train());
            return TrainingData.provenance(clock, scenario.learning().describe() + ": " + trained
                    + " parameters, " + data.train().name() + " (" + data.train().size() + " samples), tested on "
                    + data.test().name() + " (" + data.test().size() + ")", warmStart);
        }

        private void startRound(int round) {
            RoundConditions.Round c = conditions.next(round);
            // The scheduler plans on what it sees (radio.csiError, csiAge); the round runs on the true channel.
            RoundConditions.Round seen = c.seen();
            PartelSnapshot view = snapshot(round, seen);
            PartelSnapshot snapshot = seen == c ? view : snapshot(round, c);
            PartelPlan plan = scheduler.plan(view);
            checkBudget(view, plan);
            allocations.add(plan.blocks());
            // The deadline is on the gradients' arrival: the planned latency less the server's update.
            double deadline = spec.stragglers().deadline(plan.plannedLatencyS() - view.serverUpdateS());
            new PartelRound(kernel, snapshot, plan, slowdowns, availability, links(c, snapshot, plan), deadline,
                    spec.stragglers().quorum(snapshot.workers().size()),
                    outcome -> finishRound(c, snapshot, plan, outcome)).start();
        }

        /** A plan longer than the scenario's latency budget ends the run, naming the worker that finishes last. */
        private void checkBudget(PartelSnapshot s, PartelPlan plan) {
            Double budget = spec.latencyBudget();
            if (budget == null || plan.plannedLatencyS() <= budget) {
                return;
            }
            Worker last = s.workers().get(0);
            double worst = -1;
            for (Worker w : s.workers()) {
                double t = s.workerLatency(w, plan.block(w.group()), plan.share(w.index()));
                if (t > worst) {
                    worst = t;
                    last = w;
                }
            }
            double block = plan.block(last.group());
            double share = plan.share(last.index());
            throw new InfeasibleRoundException(last.index(), String.format(java.util.Locale.ROOT,
                    "(group %d) of round %d finishes after %.4g s under scheduler %s, over the latency budget of %.4g s:"
                            + " push %.4g s, compute %.4g s (%d parameters, %d samples, %.3g GHz), upload %.4g s"
                            + " (bandwidth share %.3g)", last.group(), s.round(), worst, scenario.scheduler(), budget,
                    s.pushTime(), s.computeTime(last, block), (long) block, last.samples(), last.speedHz() / 1e9,
                    s.uploadTime(last, block, share), share));
        }

        private void finishRound(RoundConditions.Round c, PartelSnapshot s, PartelPlan plan, PartelRound.Outcome o) {
            Double kappaE = scenario.devices().cpu().capacitance();
            double energy = kappaE == null ? Double.NaN : 0;
            double[] computeEnergy = new double[s.workers().size()];
            double[] radioEnergy = new double[computeEnergy.length];
            java.util.BitSet notTaken = new java.util.BitSet();
            int aggregated = 0;
            int outages = 0;
            for (Worker w : s.workers()) {
                int i = w.index();
                // Energy of what the worker did before the round ended: a computation or upload cut short costs nothing here.
                computeEnergy[i] = kappaE == null ? Double.NaN : Double.isNaN(o.compute()[i]) ? 0
                        : kappaE * w.speedHz() * w.speedHz() * plan.block(w.group()) * w.samples()
                        * s.cyclesPerParameterPerSample();
                radioEnergy[i] = kappaE == null ? Double.NaN : Double.isNaN(o.upload()[i]) ? 0
                        : scenario.radio().devicePower() * o.upload()[i];
                energy += kappaE == null ? 0 : computeEnergy[i] + radioEnergy[i];
                if (o.arrived()[i]) {
                    aggregated++;
                } else {
                    notTaken.set(i);
                }
                outages += o.outage()[i] > 0 ? 1 : 0;
            }
            missing.add(notTaken);
            rounds.add(new PartelRows.RoundRow(s.round(), scenario.scheduler(), o.start(), plan.plannedLatencyS(),
                    o.latency(), o.start() + o.latency(), o.push(), o.criticalCompute(), o.criticalUpload(), o.server(),
                    o.critical(), Double.NaN, Double.NaN, Double.NaN, aggregated, outages, energy));
            for (Worker w : s.workers()) {
                int i = w.index();
                double share = plan.share(i);
                devices.add(new PartelRows.DeviceRow(s.round(), i, w.group(), deployment.device(i).distance(),
                        c.gainDown()[i], c.gainUp()[i], w.speedHz(), s.bandwidthHz() * w.downEfficiency(),
                        s.uploadRate(w, share), plan.block(w.group()), share, w.samples(),
                        o.compute()[i], o.upload()[i], o.finish()[i], o.outage()[i], o.arrived()[i], computeEnergy[i],
                        radioEnergy[i]));
            }
            context.progress().roundDone(s.round(), scenario.rounds());
            if (s.round() < scenario.rounds()) {
                kernel.schedule(0.0, "round-start", "round " + (s.round() + 1), () -> startRound(s.round() + 1));
            }
        }

        /**
         * With {@code radio.coherenceTime}: the round's links in fading blocks from its start. Block 0
         * has the round's gains; in later blocks each worker's gain is the large-scale gain times a
         * fresh small-scale draw, per direction ({@code partel/fading-blocks/device-k} up,
         * {@code partel/fading-blocks-down/device-k} down, in block order). The broadcast runs in each
         * block at the rate of that block's weakest receiver; each upload at its worker's rate on its
         * share. Null otherwise.
         */
        private PartelRound.Links links(RoundConditions.Round c, PartelSnapshot truth, PartelPlan plan) {
            Double coherence = scenario.radio().coherenceTime();
            if (coherence == null) {
                return null;
            }
            int n = truth.workers().size();
            List<List<Double>> up = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                up.add(new ArrayList<>());
            }
            List<Double> push = new ArrayList<>();
            BlockClock clock = new BlockClock(kernel.now(), coherence);
            RadioSpec radio = scenario.radio();
            PiecewiseRate broadcast = clock.rates(block -> {
                while (push.size() <= block) {
                    double worst = Double.POSITIVE_INFINITY;
                    for (int i = 0; i < n; i++) {
                        double gain = push.isEmpty() ? c.gainDown()[i]
                                : c.largeScale()[i] * radio.fading().draw(downBlockStreams[i]);
                        worst = Math.min(worst, downEfficiency(gain));
                    }
                    push.add(truth.bandwidthHz() * worst);
                }
                return push.get(block);
            });
            return new PartelRound.Links(broadcast, i -> clock.rates(block -> {
                List<Double> r = up.get(i);
                while (r.size() <= block) {
                    double gain = r.isEmpty() ? c.gainUp()[i]
                            : c.largeScale()[i] * radio.fading().draw(blockStreams[i]);
                    Worker w = truth.workers().get(i);
                    r.add(truth.uploadRate(worker(w.index(), w.group(), w.samples(), w.speedHz(), c.gainDown()[i], gain),
                            plan.share(i)));
                }
                return r.get(block);
            }));
        }

        /** The downlink's spectral efficiency at gain {@code gain}, the noise over the whole band. */
        private double downEfficiency(double gain) {
            RadioSpec radio = scenario.radio();
            return Rates.spectralEfficiency(Rates.snr(radio.apPower(), gain, Rates.noise(radio.noiseDensity(),
                    radio.bandwidth())));
        }

        /** A worker's view of its links: spectral efficiencies per the paper's noise bands (see partel-paba.md). */
        private Worker worker(int i, int group, int samples, double speed, double gainDown, double gainUp) {
            RadioSpec radio = scenario.radio();
            double band = radio.bandwidth();
            double noiseUpShare = Rates.noise(radio.noiseDensity(), band / (spec.groups() * spec.workersPerGroup()));
            return new Worker(i, group, samples, speed, downEfficiency(gainDown),
                    Rates.spectralEfficiency(Rates.snr(radio.devicePower(), gainUp, noiseUpShare)),
                    radio.devicePower() * gainUp / radio.noiseDensity());
        }

        /** The scheduler's view: spectral efficiencies per the paper's noise bands (see partel-paba.md). */
        private PartelSnapshot snapshot(int round, RoundConditions.Round c) {
            RadioSpec radio = scenario.radio();
            int k = spec.groups();
            int n = spec.workersPerGroup();
            double band = radio.bandwidth();
            List<Worker> workers = new ArrayList<>(k * n);
            for (int g = 0; g < k; g++) {
                for (int p = 0; p < n; p++) {
                    int i = g * n + p;
                    workers.add(worker(i, g, samplesOf(p, n), c.speedHz()[i], c.gainDown()[i], c.gainUp()[i]));
                }
            }
            return new PartelSnapshot(round, k, n, modelParameters, band, spec.bitsPerParameter(),
                    spec.bitsPerGradient(), spec.cyclesPerParameterPerSample(), spec.serverUpdateTime(),
                    spec.uplinkNoise(), workers);
        }

        /** The group's copy of the training set split evenly: the first D mod N workers get one more. */
        private int samplesOf(int position, int workersPerGroup) {
            int d = trainingSamples;
            return d / workersPerGroup + (position < d % workersPerGroup ? 1 : 0);
        }
    }
}

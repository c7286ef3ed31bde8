package org.edgesim.protocol.mel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgesim.cell.Deployment;
import org.edgesim.cell.RoundConditions;
import org.edgesim.device.CpuProfile;
import org.edgesim.device.Availability;
import org.edgesim.device.Slowdowns;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.Kernel;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.BlockTransfer;
import org.edgesim.protocol.Computation;
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
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.MelSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.sched.Scheduler;
import umontreal.ssj.rng.RandomStream;

/**
 * Async MEL global cycles (async-mel.md) as events on one kernel: learner {@code k} receives the
 * model (and its samples in parallelised learning), runs its {@code tau_k} local updates (one
 * event each when jitter draws each update's slowdown, else one for them all), and returns its model; the orchestrator aggregates at the deadline {@code start + T}, and
 * the next cycle starts there. A model arriving after the deadline is left out and counted.
 *
 * <p>With a {@code learning} section the model is really trained ({@link MelTraining}) and the
 * clock's missing fields come from the data and the model: {@code d} the training set's size,
 * {@code F} its features, {@code S_m} the parameters x 32 bits, {@code C_m} the forward and
 * backward FLOPs per sample.
 */
public final class MelProtocol implements Protocol<MelScheduler> {
    static final StreamFamily BLOCKS = new StreamFamily("mel-fading-blocks", i -> "mel/fading-blocks/device-" + i);

    @Override
    public String name() {
        return MelSpec.TYPE;
    }

    @Override
    public String description() {
        return "asynchronous mobile edge learning: staleness-aware task allocation per global cycle"
                + " (Mohammad, Sorour et al.)";
    }

    @Override
    public MelScheduler external(org.edgesim.sched.external.ExternalProcess process) {
        return (MelScheduler) s -> process.exchange(s.cycle(), MelJson.snapshot(s), p -> MelJson.plan(s, p));
    }

    @Override
    public List<? extends Column<?>> roundColumns(Scenario scenario) {
        return MelRows.roundColumns(scenario);
    }

    @Override
    public Class<MelScheduler> schedulerType() {
        return MelScheduler.class;
    }

    @Override
    public RunResult run(RunContext context, MelScheduler mel) {
        return new Run(context, mel).execute();
    }

    private static final class Run {
        private final Scenario scenario;
        private final MelSpec spec;
        private final MelScheduler scheduler;
        private final RunContext context;
        private final Deployment deployment;
        private final RoundConditions conditions;
        private final Slowdowns slowdowns;
        /** When learners are away ({@code devices.availability}). */
        private final Availability availability;
        /** Per learner, its fading blocks' stream ({@code radio.coherenceTime}); null with one rate per cycle. */
        private final RandomStream[] blockStreams;
        private final Kernel kernel;
        /** The cycles aggregated so far, whose rows are written once the run is over. */
        private final List<Cycle> done = new ArrayList<>();
        private final long samples;
        private final int features;
        private final double modelBits;
        private final double flopsPerSample;
        private final MelTraining training;

        Run(RunContext context, MelScheduler scheduler) {
            this.context = context;
            this.kernel = context.kernel();
            this.scenario = context.scenario();
            this.spec = (MelSpec) scenario.protocol();
            this.scheduler = scheduler;
            this.deployment = Deployment.drop(scenario, context.streams());
            this.conditions = new RoundConditions(scenario, deployment, context.streams());
            this.slowdowns = Slowdowns.of(scenario.devices().jitter(), context.streams(), deployment.size());
            this.availability = Availability.of(scenario.devices().availability(), context.streams(), deployment.size());
            this.blockStreams = scenario.radio().coherenceTime() == null ? null
                    : context.streams().streams(BLOCKS, deployment.size());
            LearningSpec learning = scenario.learning();
            if (learning == null) {
                samples = spec.samples();
                features = spec.features() == null ? 784 : spec.features();
                modelBits = spec.modelBits();
                flopsPerSample = spec.flopsPerSample();
                training = null;
                return;
            }
            TrainTest<Samples> data = TrainingData.load(learning, context.cache());
            Samples train = data.train();
            ModelProfile model = Profiles.of(TrainingData.model(learning, train.classes()), train.sampleShape());
            samples = spec.samples() == null ? train.size() : spec.samples();
            if (samples > train.size()) {
                throw new InfeasibleScenarioException("protocol.samples: d = " + samples + " but the training set ("
                        + learning.data() + ") holds only " + train.size() + " samples");
            }
            features = spec.features() == null ? train.dim() : spec.features();
            modelBits = spec.modelBits() == null ? model.parameters() * 32.0 : spec.modelBits();
            flopsPerSample = spec.flopsPerSample() == null
                    ? model.flopsForwardPerSample() + model.flopsBackwardPerSample() : spec.flopsPerSample();
            int n = deployment.size();
            training = new MelTraining(spec, learning, data, Math.toIntExact(samples), n,
                    Math.toIntExact(Math.min(samples, maxShare(n))), context.streams());
        }

        private long minShare(int n) {
            return Math.max(1, (long) Math.floor(spec.minShare() * samples / n));
        }

        private long maxShare(int n) {
            return Math.max(1, (long) Math.ceil(spec.maxShare() * samples / n));
        }

        RunResult execute() {
            try (MelTraining t = training) {
                kernel.schedule(0.0, "cycle-start", "cycle 1", () -> startCycle(1));
                // Runs on past the last deadline until every late model has come back.
                kernel.run();
            }
            List<MelRows.CycleRow> cycles = new ArrayList<>();
            List<MelRows.DeviceRow> devices = new ArrayList<>();
            for (Cycle c : done) {
                cycles.add(rows(c, devices));
            }
            String clock = String.format(java.util.Locale.ROOT, "d = %d samples of %d features, model %.0f bits,"
                    + " %.6g FLOPs per sample per update, %s mode, T = %.4g s", samples, features, modelBits,
                    flopsPerSample, spec.mode(), spec.cycle());
            String trained = training == null ? "nothing (no learning section)"
                    : scenario.learning().describe() + ", each local update " + (spec.localUpdate().equals(MelSpec.EPOCH)
                    ? "one SGD epoch in mini-batches of " + spec.batchSize() : "one full-batch gradient step")
                    + " over d_k samples, models averaged weighted by d_k";
            boolean energy = scenario.devices().cpu().capacitance() != null;
            boolean away = availability.modelled();
            return new RunResult(new Table<>(MelRows.roundColumns(scenario), cycles),
                    new Table<>(MelRows.deviceColumns(away, energy), devices), TrainingData.provenance(clock, trained,
                    training == null ? null : training.warmStart));
        }

        private void startCycle(int cycle) {
            RoundConditions.Round c = conditions.next(cycle);
            int n = deployment.size();
            // The scheduler allocates on the channel it sees (radio.csiError, csiAge); the cycle runs on the true one.
            RoundConditions.Round seen = c.seen();
            double[] rates = new double[n];
            List<MelLearner> learners = learners(c, rates);
            List<MelLearner> view = seen == c ? learners : learners(seen, new double[n]);
            MelSnapshot s = new MelSnapshot(cycle, spec.cycle(), samples, minShare(n), maxShare(n), view);
            MelPlan plan = scheduler.plan(s);
            double start = kernel.now();
            double[] finished = new double[n];
            Availability.Session[] sessions = new Availability.Session[n];
            FadingBlocks blocks = blockStreams == null ? null
                    : new FadingBlocks(scenario.radio().coherenceTime(), scenario.radio().fading(), blockStreams, start);
            for (int k = 0; k < n; k++) {
                MelLearner l = learners.get(k);
                int learner = k;
                long updates = plan.updates()[k];
                double perUpdate = l.c2() * plan.samples()[k];
                Availability.Session session = availability.session(k, updates * perUpdate);
                sessions[k] = session;
                if (blocks == null) {
                    double send = l.c1() * plan.samples()[k] + modelBits / rates[k];
                    double back = modelBits / rates[k];
                    kernel.schedule(send, "received", "learner " + k, () -> update(learner, updates, perUpdate, session,
                            () -> kernel.schedule(back, "returned", org.edgesim.kernel.Work.bits("learner " + learner,
                                    modelBits),
                                    () -> finished[learner] = kernel.now() - start)));
                    continue;
                }
                RadioSpec radio = scenario.radio();
                double snr = Rates.snr(radio.devicePower(), c.largeScale()[k],
                        Rates.noise(radio.noiseDensity(), spec.learnerBandwidth()));
                PiecewiseRate link = blocks.link(k, spec.learnerBandwidth(), snr);
                double data = spec.mode().equals(MelSpec.PARALLELISED) ? features * spec.bitsPerFeature()
                        * plan.samples()[k] : 0;
                BlockTransfer.send(kernel, link, data + modelBits, "received", "learner " + k, dt -> { },
                        () -> update(learner, updates, perUpdate, session, () -> BlockTransfer.send(kernel, link, modelBits,
                                "returned", "learner " + learner, dt -> { }, () -> finished[learner] = kernel.now() - start)));
            }
            // After any return due at the same instant (a larger priority fires later at equal times).
            kernel.scheduleAt(start + spec.cycle(), Kernel.DEFAULT_PRIORITY + 1, "aggregate", "orchestrator",
                    () -> aggregate(c, s, plan, rates, start, finished, sessions));
        }

        /** The learners' timing constants under conditions {@code c}; their rates go to {@code rates}. */
        private List<MelLearner> learners(RoundConditions.Round c, double[] rates) {
            int n = deployment.size();
            RadioSpec radio = scenario.radio();
            double w = spec.learnerBandwidth();
            double noise = Rates.noise(radio.noiseDensity(), w);
            List<MelLearner> learners = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                double snr = Rates.snr(radio.devicePower(), c.largeScale()[k], noise);
                rates[k] = w * (radio.fading() == Fading.RAYLEIGH ? Rates.ergodicSpectralEfficiency(snr)
                        : Rates.spectralEfficiency(snr));
                CpuProfile cpu = (CpuProfile) deployment.device(k).meanProfile();
                double c2 = flopsPerSample / (cpu.flopsPerCycle() * c.speedHz()[k]);
                double c1 = spec.mode().equals(MelSpec.PARALLELISED) ? features * spec.bitsPerFeature() / rates[k] : 0.0;
                learners.add(new MelLearner(k, c2, c1, 2 * modelBits / rates[k]));
            }
            return learners;
        }

        /**
         * Learner {@code k}'s {@code left} remaining local updates, then its return: with jitter one
         * computation each (each draws its slowdown), else one computation of them all, which ends
         * when the same updates would (paused alike while it is away: a dropout falls at a point of
         * the work) with one event where 100,000 learners would make millions.
         */
        private void update(int k, long left, double perUpdate, Availability.Session session, EventAction back) {
            if (left == 0) {
                back.run();
                return;
            }
            if (!slowdowns.modelled()) {
                double t = left * perUpdate;
                Computation.run(kernel, "learner " + k, t, session.next(kernel.now(), t), back);
                return;
            }
            double t = slowdowns.apply(k, perUpdate);
            Computation.run(kernel, "learner " + k, t, session.next(kernel.now(), t),
                    () -> update(k, left - 1, perUpdate, session, back));
        }

        /** One aggregated cycle: what it was planned on, and what happened. */
        private record Cycle(RoundConditions.Round conditions, MelSnapshot snapshot, MelPlan plan, double[] rates,
                             double start, double end, double[] finished, boolean[] arrivals,
                             Availability.Session[] sessions, MelTraining.Accuracy accuracy) {
        }

        /** Cycle {@code c}'s row; its learners' rows go to {@code devices}. */
        private MelRows.CycleRow rows(Cycle c, List<MelRows.DeviceRow> devices) {
            MelSnapshot s = c.snapshot();
            MelPlan plan = c.plan();
            int n = s.size();
            double idle = 0;
            double planned = 0;
            double realised = 0;
            int late = 0;
            int outages = 0;
            long updates = 0;
            Double kappaE = scenario.devices().cpu().capacitance();
            double energy = kappaE == null ? Double.NaN : 0;
            for (int k = 0; k < n; k++) {
                double t = s.learner(k).time(plan.samples()[k], plan.updates()[k]);
                boolean arrived = c.arrivals()[k];
                double f = c.finished()[k];
                late += arrived ? 0 : 1;
                idle += arrived ? s.cycleS() - f : 0;
                planned = Math.max(planned, t);
                realised = Math.max(realised, f);
                updates += plan.updates()[k];
                double computeEnergy = Double.NaN;
                double radioEnergy = Double.NaN;
                if (kappaE != null) {
                    double speed = c.conditions().speedHz()[k];
                    computeEnergy = kappaE * speed * speed * plan.updates()[k] * plan.samples()[k] * flopsPerSample
                            / scenario.devices().cpu().flopsPerCycle();
                    radioEnergy = scenario.radio().devicePower() * modelBits / c.rates()[k];
                    energy += computeEnergy + radioEnergy;
                }
                double outage = c.sessions()[k].outage();
                devices.add(new MelRows.DeviceRow(s.cycle(), k, deployment.device(k).distance(),
                        c.conditions().speedHz()[k], c.rates()[k], plan.samples()[k], plan.updates()[k], t, f,
                        arrived ? s.cycleS() - f : Double.NaN, outage, computeEnergy, radioEnergy));
                outages += outage > 0 ? 1 : 0;
            }
            return new MelRows.CycleRow(s.cycle(), scenario.scheduler(), c.start(), c.end(), plan.maxStaleness(),
                    plan.averageStaleness(), idle / n, planned, realised, late, outages, updates,
                    c.accuracy().validationLoss(), c.accuracy().validationAccuracy(), energy);
        }

        /**
         * The deadline: the models that arrived by now are averaged (the others are late, left out)
         * and the next cycle starts. The cycle's rows wait for the end of the run, when every late
         * model has come back too, so that they carry its true return.
         */
        private void aggregate(RoundConditions.Round c, MelSnapshot s, MelPlan plan, double[] rates, double start,
                               double[] finished, Availability.Session[] sessions) {
            int n = s.size();
            boolean[] arrivals = new boolean[n];
            for (int k = 0; k < n; k++) {
                // A return not yet fired at the deadline is late.
                arrivals[k] = finished[k] > 0;
            }
            MelTraining.Accuracy a = new MelTraining.Accuracy(Double.NaN, Double.NaN);
            if (training != null) {
                training.cycle(plan.samples(), plan.updates(), arrivals);
                a = training.evaluate();
            }
            done.add(new Cycle(c, s, plan, rates, start, kernel.now(), finished, arrivals, sessions, a));
            context.progress().roundDone(s.cycle(), scenario.rounds());
            if (s.cycle() < scenario.rounds()) {
                kernel.schedule(0.0, "cycle-start", "cycle " + (s.cycle() + 1), () -> startCycle(s.cycle() + 1));
            }
        }
    }
}

package org.edgesim.protocol.mel;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.RoundConditions;
import org.edgesim.device.CpuProfile;
import org.edgesim.kernel.EventAction;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.RoundEngine;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.radio.Fading;
import org.edgesim.radio.Rates;
import org.edgesim.report.Column;
import org.edgesim.report.Table;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.round.FadingBlocks;
import org.edgesim.round.Gathering;
import org.edgesim.round.Link;
import org.edgesim.round.RoundWork;
import org.edgesim.round.Turn;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.MelSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.scenario.Scenario;

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
        private final RoundEngine engine;
        private final long samples;
        private final int features;
        private final double modelBits;
        private final double flopsPerSample;
        private final MelTraining training;

        Run(RunContext context, MelScheduler scheduler) {
            this.scenario = context.scenario();
            this.spec = (MelSpec) scenario.protocol();
            this.scheduler = scheduler;
            this.engine = RoundEngine.of(context, "cycle");
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
            int n = engine.deployment().size();
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
            List<Turn<Cycle>> turns;
            try (MelTraining t = training) {
                // Runs on past the last deadline until every late model has come back.
                turns = engine.loop().run(this::startCycle);
            }
            List<CommonRow.Row<MelRows.Cycle>> cycles = new ArrayList<>();
            List<DeviceCommon.Row<MelRows.Learner>> devices = new ArrayList<>();
            for (Turn<Cycle> t : turns) {
                rows(t, cycles, devices);
            }
            String clock = String.format(java.util.Locale.ROOT, "d = %d samples of %d features, model %.0f bits,"
                    + " %.6g FLOPs per sample per update, %s mode, T = %.4g s", samples, features, modelBits,
                    flopsPerSample, spec.mode(), spec.cycle());
            String trained = training == null ? "nothing (no learning section)"
                    : scenario.learning().describe() + ", each local update " + (spec.localUpdate().equals(MelSpec.EPOCH)
                    ? "one SGD epoch in mini-batches of " + spec.batchSize() : "one full-batch gradient step")
                    + " over d_k samples, models averaged weighted by d_k";
            return new RunResult(new Table<>(MelRows.roundColumns(scenario), cycles),
                    new Table<>(MelRows.deviceColumns(), devices), TrainingData.provenance(clock, trained,
                    training == null ? null : training.warmStart));
        }

        private void startCycle(Turn<Cycle> turn) {
            RoundConditions.Round c = turn.truth();
            int n = engine.deployment().size();
            double[] rates = new double[n];
            List<MelLearner> learners = learners(c, rates);
            List<MelLearner> view = turn.seen() == c ? learners : learners(turn.seen(), new double[n]);
            MelSnapshot s = new MelSnapshot(turn.round(), spec.cycle(), samples, minShare(n), maxShare(n), view);
            MelPlan plan = scheduler.plan(s);
            double start = turn.start();
            double[] finished = new double[n];
            java.util.Arrays.fill(finished, Double.NaN);
            RoundWork work = turn.work();
            Gathering[] orchestrator = new Gathering[1];
            RadioSpec radio = scenario.radio();
            double noise = Rates.noise(radio.noiseDensity(), spec.learnerBandwidth());
            FadingBlocks blocks = engine.coherence().up(start, c.gainUp(),
                    (k, stream) -> c.largeScale()[k] * radio.fading().draw(stream));
            for (int k = 0; k < n; k++) {
                MelLearner l = learners.get(k);
                int learner = k;
                long updates = plan.updates()[k];
                double perUpdate = l.c2() * plan.samples()[k];
                work.open(k, updates * perUpdate);
                double data = spec.mode().equals(MelSpec.PARALLELISED) ? features * spec.bitsPerFeature()
                        * plan.samples()[k] : 0;
                Link in = blocks == null ? new Link.Timed(l.c1() * plan.samples()[k] + modelBits / rates[k])
                        : new Link.Blocks(blocks.link(k, g -> spec.learnerBandwidth()
                        * Rates.spectralEfficiency(Rates.snr(radio.devicePower(), g, noise))));
                Link out = blocks == null ? new Link.Timed(modelBits / rates[k]) : in;
                String who = "learner " + k;
                work.send(RoundWork.ACCESS_POINT, k, in, data + modelBits, "received", who, () -> update(work, learner,
                        updates, perUpdate, () -> work.send(learner, learner, out, modelBits, "returned", who, () -> {
                            finished[learner] = engine.kernel().now() - start;
                            orchestrator[0].arrive(learner);
                        })));
            }
            // The orchestrator aggregates at start + T whatever has come back; it never closes early.
            orchestrator[0] = Gathering.open(engine.kernel(), n, n + 1, spec.cycle(), "aggregate", "orchestrator",
                    () -> aggregate(turn, s, plan, rates, finished, orchestrator[0].taken()));
        }

        /** The learners' timing constants under conditions {@code c}; their rates go to {@code rates}. */
        private List<MelLearner> learners(RoundConditions.Round c, double[] rates) {
            int n = engine.deployment().size();
            RadioSpec radio = scenario.radio();
            double w = spec.learnerBandwidth();
            double noise = Rates.noise(radio.noiseDensity(), w);
            List<MelLearner> learners = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                double snr = Rates.snr(radio.devicePower(), c.largeScale()[k], noise);
                rates[k] = w * (radio.fading() == Fading.RAYLEIGH ? Rates.ergodicSpectralEfficiency(snr)
                        : Rates.spectralEfficiency(snr));
                CpuProfile cpu = (CpuProfile) engine.deployment().device(k).meanProfile();
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
        private void update(RoundWork work, int k, long left, double perUpdate, EventAction back) {
            if (left == 0) {
                back.run();
                return;
            }
            String who = "learner " + k;
            if (!engine.activity().jittered()) {
                work.compute(k, left * perUpdate, who, back);
                return;
            }
            work.compute(k, perUpdate, who, () -> update(work, k, left - 1, perUpdate, back));
        }

        /** One aggregated cycle: what it was planned on, and what happened. */
        private record Cycle(MelSnapshot snapshot, MelPlan plan, double[] rates, double[] finished, boolean[] arrivals,
                             MelTraining.Accuracy accuracy) {
        }

        /** Cycle {@code t}'s row and its learners' rows, once every late model has come back. */
        private void rows(Turn<Cycle> t, List<CommonRow.Row<MelRows.Cycle>> cycles,
                          List<DeviceCommon.Row<MelRows.Learner>> devices) {
            Cycle c = t.outcome();
            MelSnapshot s = c.snapshot();
            MelPlan plan = c.plan();
            int n = s.size();
            double idle = 0;
            double planned = 0;
            double realised = 0;
            int late = 0;
            long updates = 0;
            for (int k = 0; k < n; k++) {
                double planT = s.learner(k).time(plan.samples()[k], plan.updates()[k]);
                boolean arrived = c.arrivals()[k];
                double f = c.finished()[k];
                late += arrived ? 0 : 1;
                idle += arrived ? s.cycleS() - f : 0;
                planned = Math.max(planned, planT);
                realised = Math.max(realised, f);
                updates += plan.updates()[k];
                devices.add(new DeviceCommon.Row<>(t.device(k, arrived), new MelRows.Learner(
                        engine.deployment().device(k).distance(), t.truth().speedHz()[k], c.rates()[k],
                        plan.samples()[k], plan.updates()[k], planT, f, arrived ? s.cycleS() - f : Double.NaN)));
            }
            cycles.add(new CommonRow.Row<>(t.common(realised), new MelRows.Cycle(plan.maxStaleness(),
                    plan.averageStaleness(), idle / n, late, updates, c.accuracy().validationLoss(),
                    c.accuracy().validationAccuracy())));
        }

        /**
         * The deadline: the models that arrived by now are averaged (the others are late, left out)
         * and the next cycle starts. The cycle's rows wait for the end of the run, when every late
         * model has come back too, so that they carry its true return.
         */
        private void aggregate(Turn<Cycle> turn, MelSnapshot s, MelPlan plan, double[] rates, double[] finished,
                               boolean[] arrivals) {
            MelTraining.Accuracy a = new MelTraining.Accuracy(Double.NaN, Double.NaN);
            if (training != null) {
                training.cycle(plan.samples(), plan.updates(), arrivals);
                a = training.evaluate();
            }
            int aggregated = 0;
            for (boolean b : arrivals) {
                aggregated += b ? 1 : 0;
            }
            double planned = 0;
            for (int k = 0; k < s.size(); k++) {
                planned = Math.max(planned, s.learner(k).time(plan.samples()[k], plan.updates()[k]));
            }
            turn.end(planned, aggregated, new Cycle(s, plan, rates, finished, arrivals, a));
            turn.next();
        }
    }
}

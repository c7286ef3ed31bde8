package org.edgesim.protocol.mel;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.RoundConditions;
import org.edgesim.channel.Air;
import org.edgesim.channel.Channel;
import org.edgesim.channel.Link;
import org.edgesim.kernel.EventAction;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.DescribedProtocol;
import org.edgesim.protocol.EdgeCloud;
import org.edgesim.protocol.ProtocolRun;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.round.Gathering;
import org.edgesim.round.RoundLoop;
import org.edgesim.round.RoundWork;
import org.edgesim.round.Turn;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.table.Table;

/**
 * Async MEL global cycles (docs/models/async-mel.md) as events on one kernel: learner {@code k} receives the
 * model (and its samples in parallelised learning), runs its {@code tau_k} local updates (one
 * event each when jitter draws each update's slowdown, else one for them all), and returns its model; the orchestrator aggregates at the deadline {@code start + T}, and
 * the next cycle starts there. A model arriving after the deadline is left out and counted.
 *
 * <p>With a {@code learning} section the model is really trained ({@link MelTraining}) and the
 * clock's missing fields come from the data and the model: {@code d} the training set's size,
 * {@code F} its features, {@code S_m} the parameters x 32 bits, {@code C_m} the forward and
 * backward FLOPs per sample.
 */
public final class MelProtocol extends DescribedProtocol<MelScheduler> {
    public MelProtocol() {
        super(MelSpec.TYPE, "asynchronous mobile edge learning: staleness-aware task allocation per global cycle"
                + " (Mohammad, Sorour et al.)", MelScheduler.class, process -> (MelScheduler) s -> process.exchange(
                s.cycle(), MelJson.snapshot(s), p -> MelJson.plan(s, p)), MelRows::roundColumns,
                (context, scheduler) -> new Run(context, scheduler).execute());
    }

    private static final class Run extends ProtocolRun<MelSpec, MelScheduler, Run.Cycle> {
        private final MelClock clock;
        private final MelTraining training;
        /** With several cells, the cloud's step; else null. */
        private final EdgeCloud<MelTraining.Accuracy> cloud;

        Run(RunContext context, MelScheduler scheduler) {
            super(context, scheduler, MelSpec.class, "cycle");
            LearningSpec learning = scenario.learning();
            if (learning == null) {
                clock = MelClock.of(spec);
                training = null;
                cloud = !engine.hierarchical() ? null : new EdgeCloud<>(clock.modelBits(), null, null);
                return;
            }
            TrainTest<Samples> data = TrainingData.load(learning, context.cache());
            Samples train = data.train();
            clock = MelClock.of(spec, learning, train, Profiles.of(TrainingData.model(learning, train.classes()),
                    train.sampleShape()));
            int n = engine.deployment().size();
            training = new MelTraining(spec, learning, data, Math.toIntExact(clock.samples()), n,
                    Math.toIntExact(Math.min(clock.samples(), clock.maxShare(n))), context.streams());
            if (engine.hierarchical()) {
                int[] shares = new int[engine.cellCount()];
                for (int c = 0; c < shares.length; c++) {
                    shares[c] = Math.toIntExact(share(c));
                }
                training.cells(shares, context.streams());
            }
            cloud = !engine.hierarchical() ? null : new EdgeCloud<>(clock.modelBits(),
                    training::cloud, round -> training.evaluate(round, round == scenario.rounds()));
        }

        @Override
        protected RoundLoop.Cloud cloud() {
            return cloud == null ? RoundLoop.Cloud.NONE : cloud;
        }

        /** Cell {@code cell}'s orchestrator's samples: {@code d} split evenly over the cells (one cell: {@code d}). */
        private long share(int cell) {
            int cells = engine.cellCount();
            return clock.samples() / cells + (cell < clock.samples() % cells ? 1 : 0);
        }

        RunResult execute() {
            List<Turn<Cycle>> turns = rounds(training);
            List<CommonRow.Row<MelRows.Cycle>> cycles = new ArrayList<>();
            List<DeviceCommon.Row<MelRows.Learner>> devices = new ArrayList<>();
            for (Turn<Cycle> t : turns) {
                rows(t, cycles, devices);
            }
            String trained = training == null ? "nothing (no learning section)"
                    : scenario.learning().describe() + ", each local update " + (spec.localUpdate().equals(MelSpec.EPOCH)
                    ? "one SGD epoch in mini-batches of " + spec.batchSize() : "one full-batch gradient step")
                    + " over d_k samples, models averaged weighted by d_k";
            return new RunResult(new Table<>(MelRows.roundColumns(scenario), cycles),
                    new Table<>(MelRows.deviceColumns(scenario), devices), TrainingData.provenance(clock.describe(), trained,
                    training == null ? null : training.warmStart));
        }

        @Override
        protected void startRound(Turn<Cycle> turn) {
            RoundConditions.Round c = turn.truth();
            int[] members = turn.members();
            int n = members.length;
            MelClock mine = clock.withSamples(share(turn.cell()));
            double[] rates = new double[n];
            double[] distance = new double[n];
            for (int k = 0; k < n; k++) {
                distance[k] = engine.distance(members[k]);
            }
            // The scheduler plans on what its cell heard last round; the links run at the SINR they meet.
            double heard = engine.spectrum(scenario, turn).upDensity();
            List<MelLearner> learners = mine.learners(c, members, engine.deployment(), scenario.radio(),
                    engine.channel(), scenario.radio().noiseDensity(), rates);
            List<MelLearner> view = engine.seesTheTruth(turn) ? learners
                    : mine.learners(turn.seen(), members, engine.deployment(), scenario.radio(), engine.channel(),
                    heard, new double[n]);
            MelSnapshot s = new MelSnapshot(turn.round(), spec.cycle(), mine.samples(), mine.minShare(n),
                    mine.maxShare(n), view);
            MelPlan plan = scheduler.plan(s);
            double start = turn.start();
            double[] finished = new double[n];
            java.util.Arrays.fill(finished, Double.NaN);
            RoundWork work = turn.work();
            Gathering[] orchestrator = new Gathering[1];
            RadioSpec radio = scenario.radio();
            Channel channel = engine.channel();
            double w = spec.learnerBandwidth();
            double noise = channel.noise(radio.noiseDensity(), w);
            Air.Round air = engine.links(turn);
            for (int k = 0; k < n; k++) {
                MelLearner l = learners.get(k);
                int learner = k;
                long updates = plan.updates()[k];
                double perUpdate = l.c2() * plan.samples()[k];
                work.open(k, updates * perUpdate);
                double data = clock.dataBits(plan.samples()[k]);
                // MEL's link is one both ways, at the device's power (docs/models/async-mel.md): so is the site's transfer to it.
                Link in = air.down(k, Air.Path.of(w, radio.devicePower(), noise, Air.Reading.ERGODIC,
                        new Link.Timed(l.c1() * plan.samples()[k] + clock.modelBits() / rates[k])).bothWays());
                Link out = air.up(k, Air.Path.of(w, radio.devicePower(), noise, Air.Reading.ERGODIC,
                        new Link.Timed(clock.upBits() / rates[k])));
                String who = "learner " + turn.member(k);
                work.send(RoundWork.ACCESS_POINT, k, in, data + clock.modelBits(), "received", who, () -> update(work, learner,
                        who, updates, perUpdate, () -> work.send(learner, learner, out, clock.upBits(), "returned", who, () -> {
                            finished[learner] = engine.kernel().now() - start;
                            orchestrator[0].arrive(learner);
                        })));
            }
            // The orchestrator aggregates at start + T whatever has come back; it never closes early.
            orchestrator[0] = Gathering.open(engine.kernel(), n, n + 1, spec.cycle(), "aggregate", "orchestrator",
                    () -> aggregate(turn, s, plan, rates, distance, finished, orchestrator[0].taken()));
        }

        /**
         * Learner {@code k}'s {@code left} remaining local updates, then its return: with jitter one
         * computation each (each draws its slowdown), else one computation of them all, which ends
         * when the same updates would (paused alike while it is away: a dropout falls at a point of
         * the work) with one event where 100,000 learners would make millions.
         */
        private void update(RoundWork work, int k, String who, long left, double perUpdate, EventAction back) {
            if (left == 0) {
                back.run();
                return;
            }
            if (!engine.activity().jittered()) {
                work.compute(k, left * perUpdate, who, back);
                return;
            }
            work.compute(k, perUpdate, who, () -> update(work, k, who, left - 1, perUpdate, back));
        }

        /** One aggregated cycle: what it was planned on, and what happened. */
        private record Cycle(MelSnapshot snapshot, MelPlan plan, double[] rates, double[] distance, double[] finished,
                             boolean[] arrivals, MelTraining.Accuracy accuracy) {
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
                devices.add(new DeviceCommon.Row<>(t.device(k), new MelRows.Learner(c.distance()[k],
                        t.truth().speedHz()[k], c.rates()[k],
                        plan.samples()[k], plan.updates()[k], planT, f, arrived ? s.cycleS() - f : Double.NaN)));
            }
            MelTraining.Accuracy a = cloud == null || cloud.after(t.round()) == null ? c.accuracy()
                    : cloud.after(t.round());
            cycles.add(new CommonRow.Row<>(t.common(realised), new MelRows.Cycle(plan.maxStaleness(),
                    plan.averageStaleness(), idle / n, late, updates, a.validationLoss(), a.validationAccuracy())));
        }

        /**
         * The deadline: the models that arrived by now are averaged (the others are late, left out)
         * and the next cycle starts. The cycle's rows wait for the end of the run, when every late
         * model has come back too, so that they carry its true return.
         */
        private void aggregate(Turn<Cycle> turn, MelSnapshot s, MelPlan plan, double[] rates, double[] distance,
                               double[] finished, boolean[] arrivals) {
            MelTraining.Accuracy a = new MelTraining.Accuracy(Double.NaN, Double.NaN);
            if (training != null) {
                training.in(turn.cell()).cycle(turn.members(), plan.samples(), plan.updates(), arrivals);
                a = training.evaluate(turn.round(), turn.round() == scenario.rounds());
            }
            double planned = 0;
            for (int k = 0; k < s.size(); k++) {
                planned = Math.max(planned, s.learner(k).time(plan.samples()[k], plan.updates()[k]));
            }
            turn.evaluated(a.validationAccuracy());
            turn.end(planned, arrivals, new Cycle(s, plan, rates, distance, finished, arrivals, a));
            turn.next();
        }
    }
}

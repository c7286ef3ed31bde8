package org.edgesim.protocol.feel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgesim.channel.AnalogAggregation;
import org.edgesim.learning.EarlyStopping;
import org.edgesim.learning.ValidationSplit;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.DescribedProtocol;
import org.edgesim.protocol.EdgeCloud;
import org.edgesim.protocol.ProtocolRun;
import org.edgesim.protocol.RoundEngine;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.round.RoundLoop;
import org.edgesim.round.Turn;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.table.Table;

/**
 * FEEL rounds (docs/models/feel.md), one after another on one kernel. The scheduler sees each
 * device's ergodic rates (the scenario's fading law averaged over the frames of a round; the plain
 * Shannon rate without fading) and compute law; the round then runs as events at those rates,
 * each transfer only inside its owner's slots. With a {@code learning} section the model is trained
 * as the plan's {@link Update} prescribes.
 */
public final class FeelProtocol extends DescribedProtocol<FeelScheduler> {
    public FeelProtocol() {
        super(FeelSpec.TYPE, "federated edge learning: batch sizes and TDMA slots, gradient averaging (Ren, Yu, Ding"
                + " 2021)", FeelScheduler.class, process -> (FeelScheduler) s -> process.exchange(s.round(),
                FeelJson.snapshot(s), p -> FeelJson.plan(s, p)), FeelRows::roundColumns,
                (context, scheduler) -> new Run(context, scheduler).execute());
    }

    /** The state of one run. */
    private static final class Run extends ProtocolRun<FeelSpec, FeelScheduler, Run.Ended> {
        private final TrainTest<Samples> data;
        /** The profile of the model trained, or null. */
        private final ModelProfile trained;
        private final FeelClock clock;
        private final FeelViews views;
        private final FeelTraining training;
        /** With several cells, the cloud's step; else null. */
        private final EdgeCloud<FeelTraining.Accuracy> cloud;
        /** Over the air, each round's channel of the analog sum; else null. */
        private final FeelUploads uploads;
        /** Individual learning: the local epochs each device ran and what stopped them, for the manifest; else null. */
        private FeelTraining.Local localRun;

        Run(RunContext context, FeelScheduler scheduler) {
            super(context, scheduler, FeelSpec.class, "round");
            int n = engine.deployment().size();
            LearningSpec learning = scenario.learning();
            this.data = learning == null ? null : TrainingData.load(learning, context.cache());
            this.trained = data == null ? null
                    : Profiles.of(TrainingData.model(learning, data.train().classes()), data.train().sampleShape());
            this.clock = FeelClock.of(scenario, trained);
            int[][] held = data == null ? null
                    : FeelSamples.partition(spec, data.train(), n, context.streams().stream("data/partition"));
            this.views = new FeelViews(scenario.radio(), engine.channel(), spec, engine.deployment(), clock,
                    FeelSamples.held(spec, held, n), context.streams().stream("scheduler/feel"), scenario.cell().radius(),
                    engine::distance);
            this.uploads = new FeelUploads(spec, context.streams(), n);
            this.training = data == null ? null : new FeelTraining(learning, data, held, context.streams(),
                    spec.referenceBatch(), context.cache());
            if (training != null && engine.hierarchical()) {
                training.cells(engine.cellCount());
            }
            this.cloud = !engine.hierarchical() ? null : new EdgeCloud<>(clock.modelBits(), training == null ? null
                    : training::cloud, training == null ? null : r -> training.evaluate(r, r == scenario.rounds()));
        }

        RunResult execute() {
            List<Turn<Ended>> turns = rounds(training);
            List<CommonRow.Row<FeelRows.Round>> rounds = new ArrayList<>();
            List<DeviceCommon.Row<FeelRows.Device>> devices = new ArrayList<>();
            for (Turn<Ended> t : turns) {
                Ended e = t.outcome();
                FeelTraining.Accuracy averaged = cloud == null ? null : cloud.after(t.round());
                rounds.add(new CommonRow.Row<>(t.common(), averaged == null ? e.row() : e.row().withAccuracy(averaged)));
                for (int k = 0; k < e.snapshot().size(); k++) {
                    FeelDevice d = e.snapshot().device(k);
                    devices.add(new DeviceCommon.Row<>(t.device(k), new FeelRows.Device(
                            e.distance()[k], t.truth().speedHz()[k], d.rateUpBps(),
                            d.rateDownBps(), d.samples(), e.plan().batch(k), e.plan().slotUp(k), e.plan().slotDown(k),
                            e.events().computed()[k], e.events().uploaded()[k], e.events().finished()[k])));
                }
            }
            return new RunResult(new Table<>(FeelRows.roundColumns(scenario), rounds),
                    new Table<>(FeelRows.deviceColumns(scenario), devices), provenance());
        }

        private Map<String, String> provenance() {
            String clockLine = clock.describe() + ", " + spec.partition() + " partition";
            Map<String, String> extra = new java.util.TreeMap<>();
            if (localRun != null) {
                clockLine += "; individual learning: local epochs per device " + java.util.Arrays.toString(
                        localRun.epochs()) + (training == null ? " (protocol.maxLocalEpochs: nothing is trained)"
                        : " over " + Math.round(100 * (1 - spec.localValidation())) + "% of its samples, until the loss"
                        + " on the other " + Math.round(100 * spec.localValidation()) + "% has not fallen by "
                        + spec.localMinImprovement() + " of its starting value for " + spec.localPatience()
                        + " epochs, at most " + spec.maxLocalEpochs());
                extra.put("stopped_by", java.util.Arrays.stream(localRun.stoppedBy()).map(EarlyStopping.Reason::label)
                        .toList().toString());
            }
            String trainedLine = data == null ? "nothing (no learning section)" : scenario.learning().describe() + ": "
                    + trained.parameters() + " parameters, " + data.train().name() + " ("
                    + data.train().size() + " samples, " + spec.partition() + "), tested on " + data.test().name()
                    + " (" + data.test().size() + ")";
            extra.putAll(TrainingData.provenance(clockLine, trainedLine, training == null ? null : training.warmStart));
            return extra;
        }

        /** A round as it ended: what it ran on, the events, its own row, and its devices' distances to their site. */
        private record Ended(FeelSnapshot snapshot, FeelPlan plan, FeelRound.Outcome events, FeelRows.Round row,
                             double[] distance) {
        }

        @Override
        protected RoundLoop.Cloud cloud() {
            return cloud == null ? RoundLoop.Cloud.NONE : cloud;
        }

        @Override
        protected void startRound(Turn<Ended> turn) {
            int[] members = turn.members();
            RoundEngine.Spectrum spectrum = engine.spectrum(scenario, turn);
            FeelSnapshot view = views.of(turn.round(), turn.seen(), members, spectrum);
            FeelSnapshot s = engine.seesTheTruth(turn) ? view
                    : views.of(turn.round(), turn.truth(), members, engine.thermal(scenario, turn));
            FeelPlan plan = scheduler.plan(view);
            uploads.check(scenario.scheduler(), plan);
            AnalogAggregation.Round drawn = plan.airComp() == null ? null : uploads.draw(s, plan, turn.truth().csi());
            if (plan.update() == Update.LOCAL && engine.hierarchical()) {
                throw new org.edgesim.protocol.InfeasibleScenarioException("scheduler " + scenario.scheduler()
                        + " trains each device alone and averages once; that one exchange is not built for several"
                        + " cells (use a gradient or FedAvg scheduler)");
            }
            if (plan.size() != s.size()) {
                throw new IllegalStateException("scheduler " + scenario.scheduler() + " planned " + plan.size()
                        + " devices of " + s.size());
            }
            // What crosses the air: gradients, or models (protocol.bitsPerGradient, bitsPerModelParameter).
            FeelSnapshot sent = s.payloadOf(plan.update());
            int n = s.size();
            double lr = Double.NaN;
            if (training != null) {
                lr = plan.update() == Update.GRADIENT ? training.learningRate(plan.globalBatch())
                        : training.learningRate(plan.batch(0));
            }
            int[] epochs = plan.update() == Update.LOCAL ? localEpochs(plan, s, lr) : null;
            double[] nominal = new double[n];
            double[] update = new double[n];
            for (int k = 0; k < n; k++) {
                FeelDevice d = s.device(k);
                switch (plan.update()) {
                    case GRADIENT -> {
                        nominal[k] = d.compute().time(plan.batch(k));
                        update[k] = d.updateS();
                    }
                    case MODEL -> nominal[k] = d.compute().epochTime(d.samples(), plan.batch(k), d.updateS());
                    case LOCAL -> nominal[k] = epochs[k] * d.compute().epochTime(d.samples()
                            - ValidationSplit.size(d.samples(), spec.localValidation()), plan.batch(k), d.updateS());
                    default -> throw new IllegalStateException(plan.update().toString());
                }
            }
            double rate = lr;
            FeelLinks links = FeelLinks.of(turn, engine, scenario.radio(), sent, FeelUploads.emitted(plan, drawn, n));
            // Over the air, the sum as the access point received it: the interference heard added to its noise.
            AnalogAggregation.Round[] air = {drawn};
            double[] error = {Double.NaN};
            java.util.function.Consumer<boolean[]> atServer = arrived -> {
                air[0] = FeelUploads.heard(drawn, s.airComp(), links.heardUp());
                if (training != null) {
                    error[0] = train(turn, plan, rate, arrived, air[0]);
                }
            };
            double planned = plan.plannedWith(sent, nominal);
            double[] distance = java.util.Arrays.stream(members).mapToDouble(engine::distance).toArray();
            new FeelRound(turn, engine.kernel(), sent, plan, nominal, update, spec.stragglers().deadline(plan.uplinkS()),
                    spec.stragglers().quorum(n), links, atServer,
                    o -> ended(turn, sent, plan, planned, rate, o, distance, air[0], error[0])).start();
        }

        /** The round's row once every device has updated; individual learning ends the run after its one exchange. */
        private void ended(Turn<Ended> turn, FeelSnapshot sent, FeelPlan plan, double planned, double rate,
                           FeelRound.Outcome o, double[] distance, AnalogAggregation.Round air, double error) {
            boolean local = plan.update() == Update.LOCAL;
            FeelTraining.Accuracy a = training == null ? new FeelTraining.Accuracy(Double.NaN, Double.NaN, Double.NaN)
                    : training.in(turn.cell()).evaluate(turn.round(), local || turn.round() == scenario.rounds());
            double latency = engine.kernel().now() - turn.start();
            FeelRows.Round row = FeelRows.Round.of(plan, o, latency, rate, a, air, error);
            turn.evaluated(a.testAccuracy());
            turn.end(planned, o.arrived(), new Ended(sent, plan, o, row, distance));
            if (local) {
                turn.last();
            } else {
                turn.next();
            }
        }

        /**
         * Individual learning's local epochs per device, until its validation loss stops improving
         * or the cap ({@link EarlyStopping}); without a learning section, {@code maxLocalEpochs}
         * each. The clock charges epochs over the trained samples, not the validation passes.
         */
        private int[] localEpochs(FeelPlan plan, FeelSnapshot s, double lr) {
            for (int k = 0; k < s.size(); k++) {
                if (s.device(k).samples() < 2) {
                    throw new org.edgesim.protocol.InfeasibleScenarioException("individual learning holds out a"
                            + " validation split of each device's samples (protocol.localValidation); device "
                            + s.device(k).index() + " holds " + s.device(k).samples());
                }
            }
            if (training != null) {
                localRun = training.individual(plan.batch(0), lr, new EarlyStopping(spec.localPatience(),
                        spec.localMinImprovement(), spec.maxLocalEpochs()), spec.localValidation());
            } else {
                int[] epochs = new int[plan.size()];
                java.util.Arrays.fill(epochs, spec.maxLocalEpochs());
                EarlyStopping.Reason[] cap = new EarlyStopping.Reason[plan.size()];
                java.util.Arrays.fill(cap, EarlyStopping.Reason.CAP);
                localRun = new FeelTraining.Local(epochs, cap);
            }
            return localRun.epochs();
        }

        /** The round's training at the server; over the air, the sum's relative error (else NaN). */
        private double train(Turn<Ended> turn, FeelPlan plan, double lr, boolean[] arrived, AnalogAggregation.Round air) {
            FeelTraining cell = training.in(turn.cell());
            switch (plan.update()) {
                case GRADIENT -> {
                    return uploads.train(cell, turn.members(), plan, lr, arrived, air);
                }
                case MODEL -> cell.modelRound(turn.members(), plan.batch(0), lr, arrived, uploads.models());
                case LOCAL -> cell.averageLocal(arrived, uploads.models());
                default -> throw new IllegalStateException(plan.update().toString());
            }
            return Double.NaN;
        }
    }
}

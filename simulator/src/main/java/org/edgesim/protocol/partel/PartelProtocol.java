package org.edgesim.protocol.partel;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.RoundConditions;
import org.edgesim.channel.Air;
import org.edgesim.channel.Channel;
import org.edgesim.channel.Link;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.protocol.DescribedProtocol;
import org.edgesim.protocol.ProtocolRun;
import org.edgesim.protocol.RoundEngine;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.radio.UplinkNoise;
import org.edgesim.rng.RandomStreams;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.round.RoundLoop;
import org.edgesim.round.Turn;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.table.Table;

/** PARTEL rounds, one after another on one kernel; each round starts when the previous one ends. */
public final class PartelProtocol extends DescribedProtocol<PartelScheduler> {
    public PartelProtocol() {
        super(PartelSpec.TYPE, "partitioned edge learning: broadcast push, block gradients, FDMA pull (Wen, Bennis,"
                + " Huang 2020)", PartelScheduler.class, process -> (PartelScheduler) s -> process.exchange(s.round(),
                PartelJson.snapshot(s), p -> PartelJson.plan(s, p)), PartelRows::roundColumns,
                (context, scheduler) -> new Run(context, scheduler).execute());
    }

    /** The state of one run. */
    private static final class Run extends ProtocolRun<PartelSpec, PartelScheduler, PartelRound.Outcome> {
        /** What is trained, or null: then only the clock runs. */
        private final TrainTest<Samples> data;
        /** N_p and the training-set size (each cell's) that drive the clock. */
        private final long modelParameters;
        private final int trainingSamples;
        /** How many cells, and the cloud's period. */
        private final int cells;
        private final int cloudPeriod;
        /** Each round's snapshot and plan, for the rows (and its block lengths, for the training). */
        private final List<PartelSnapshot> truths = new ArrayList<>();
        private final List<PartelPlan> plans = new ArrayList<>();
        /** The warm start's manifest line, once trained (null without one). */
        private String warmStart;

        Run(RunContext context, PartelScheduler scheduler) {
            super(context, scheduler, PartelSpec.class, "round");
            LearningSpec learning = scenario.learning();
            this.data = learning == null ? null : TrainingData.load(learning, context.cache());
            this.modelParameters = spec.modelParameters() != null ? spec.modelParameters()
                    : PartelTraining.parameters(learning, data.train());
            this.trainingSamples = spec.trainingSamples() != null ? spec.trainingSamples() : data.train().size();
            this.cells = engine.cellCount();
            this.cloudPeriod = scenario.cells() == null ? 1 : scenario.cells().cloudPeriod();
            if (samplesIn(cells - 1) < spec.workersPerGroup()) {
                throw new InfeasibleRoundException(-1, "the training set has " + trainingSamples + " samples for "
                        + spec.workersPerGroup() + " workers per group; every worker needs at least one");
            }
        }

        /**
         * Runs the rounds on the kernel, then the training. The training comes after the clock
         * because nothing in a PARTEL round's timing depends on it (fixed data and model sizes),
         * and it is shared by the schedulers of a comparison (see {@link PartelTraining}).
         */
        RunResult execute() {
            List<Turn<PartelRound.Outcome>> turns = rounds(null);
            List<PartelRows.Round> own = new ArrayList<>();
            List<java.util.BitSet> missing = new ArrayList<>();
            for (Turn<PartelRound.Outcome> t : turns) {
                own.add(PartelRows.Round.of(t.outcome()));
                java.util.BitSet notTaken = new java.util.BitSet();
                for (int i = 0; i < t.outcome().arrived().length; i++) {
                    notTaken.set(i, !t.outcome().arrived()[i]);
                }
                missing.add(notTaken);
            }
            if (data != null) {
                LearningSpec learning = scenario.learning();
                RandomStreams streams = context.streams();
                // Rounds where every gradient was taken train alike whatever the allocation; the missing ones are in the key.
                // Compressed blocks depend on the allocation: then it is in the key too.
                var key = new PartelTraining.Key(learning, spec.workersPerGroup(), streams.masterSeed(),
                        streams.replication(), scenario.rounds(), List.copyOf(missing), cells, cloudPeriod, spec.uploads(),
                        spec.uploads() instanceof org.edgesim.learning.Compression.None ? null
                                : plans.stream().map(p -> java.util.Arrays.toString(p.blocks())).toList());
                PartelTraining.Trace trace = context.cache().get(key, () -> PartelTraining.train(learning, data,
                        spec.groups(), spec.workersPerGroup(), streams, plans.stream().map(PartelPlan::blocks).toList(),
                        missing, modelParameters, cells, cloudPeriod, spec.uploads()));
                for (int r = 0; r < own.size(); r++) {
                    own.set(r, own.get(r).withAccuracy(trace.rounds().get(r)));
                }
                warmStart = trace.warmStart();
            }
            List<CommonRow.Row<PartelRows.Round>> rounds = new ArrayList<>();
            List<DeviceCommon.Row<PartelRows.Device>> devices = new ArrayList<>();
            for (int r = 0; r < turns.size(); r++) {
                Turn<PartelRound.Outcome> t = turns.get(r);
                rounds.add(new CommonRow.Row<>(t.common(), own.get(r)));
                deviceRows(t, truths.get(r), plans.get(r), devices);
            }
            return new RunResult(new Table<>(PartelRows.roundColumns(scenario), rounds),
                    new Table<>(PartelRows.deviceColumns(scenario), devices), provenance());
        }

        private void deviceRows(Turn<PartelRound.Outcome> t, PartelSnapshot s, PartelPlan plan,
                                List<DeviceCommon.Row<PartelRows.Device>> devices) {
            PartelRound.Outcome o = t.outcome();
            RoundConditions.Round c = t.truth();
            for (Worker w : s.workers()) {
                int i = w.index();
                double share = plan.share(i);
                devices.add(new DeviceCommon.Row<>(t.device(i), new PartelRows.Device(w.group(),
                        engine.distance(t.member(i)), c.gainDown()[i], c.gainUp()[i], w.speedHz(),
                        s.bandwidthHz() * w.downEfficiency(), s.uploadRate(w, share), plan.block(w.group()), share,
                        w.samples(), o.compute()[i], o.upload()[i], o.finish()[i])));
            }
        }

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

        /** The cloud's step, paid by the clock; the training that follows the rounds averages the edge models itself. */
        @Override
        protected RoundLoop.Cloud cloud() {
            return RoundLoop.Cloud.paying(spec.bitsPerParameter() * modelParameters);
        }

        @Override
        protected void startRound(Turn<PartelRound.Outcome> turn) {
            RoundConditions.Round c = turn.truth();
            PartelSnapshot view = snapshot(turn.round(), turn.cell(), turn.seen(), engine.spectrum(scenario, turn));
            PartelSnapshot snapshot = engine.seesTheTruth(turn) ? view
                    : snapshot(turn.round(), turn.cell(), c, engine.thermal(scenario, turn));
            PartelPlan plan = scheduler.plan(view);
            InfeasibleRoundException.checkBudget(spec.latencyBudget(), scenario.scheduler(), view, plan);
            truths.add(snapshot);
            plans.add(plan);
            // The deadline is on the gradients' arrival: the planned latency less the server's update.
            double deadline = spec.stragglers().deadline(plan.plannedLatencyS() - view.serverUpdateS());
            new PartelRound(turn, engine.kernel(), snapshot, plan, links(turn, snapshot, plan), deadline,
                    spec.stragglers().quorum(snapshot.workers().size())).start();
        }

        /**
         * The round's links, as the channel makes them ({@link Air}): PARTEL reads its rates on the
         * drawn gains (one cell or several). Steady, the paper's push and upload times; in fading blocks
         * ({@code radio.coherenceTime}) the broadcast runs in each block at the rate of that block's
         * weakest receiver and each upload at its worker's rate on its share; through the air several
         * cells share, each at the SINR it meets there. The noise is counted as the snapshot counts it
         * (the paper's noise bands: the whole band for the broadcast; on the uplink the worker's share,
         * or an equal share of the band, {@code uplinkNoise}).
         */
        private PartelRound.Links links(Turn<PartelRound.Outcome> turn, PartelSnapshot truth, PartelPlan plan) {
            RoundConditions.Round c = turn.truth();
            Air.Round air = engine.links(turn);
            Channel channel = engine.channel();
            double n0 = scenario.radio().noiseDensity();
            double band = truth.bandwidthHz();
            int n = truth.workers().size();
            // Fading blocks exist only with one cell: its thermal spectrum.
            RoundEngine.Spectrum thermal = engine.thermal(scenario, turn);
            Link push = air.broadcast(Air.Path.of(band, air.apPower(), channel.noise(n0, band), Air.Reading.DRAWN,
                    new Link.Timed(truth.pushTime())));
            return new PartelRound.Links(push, i -> {
                Worker w = truth.workers().get(i);
                double share = plan.share(i) * band;
                double noiseBand = truth.uplinkNoise() == UplinkNoise.EQUAL_SHARE ? band / n : share;
                return air.up(i, Air.Path.of(share, scenario.radio().devicePower(), channel.noise(n0, noiseBand),
                        Air.Reading.DRAWN, new Link.Timed(truth.uploadTime(w, plan.block(w.group()), plan.share(i))))
                        .blockRate(gain -> truth.uploadRate(worker(w.index(), w.group(), w.samples(), w.speedHz(),
                                c.gainDown()[i], gain, thermal), plan.share(i))));
            });
        }

        /** The downlink's spectral efficiency at gain {@code gain}, the noise over the whole band. */
        private double downEfficiency(double gain, RoundEngine.Spectrum spectrum) {
            Channel channel = engine.channel();
            return channel.drawn(spectrum.apPower(), gain, channel.noise(spectrum.downDensity(), spectrum.bandHz()));
        }

        /** A worker's view of its links: spectral efficiencies per the paper's noise bands (see docs/models/partel.md). */
        private Worker worker(int i, int group, int samples, double speed, double gainDown, double gainUp,
                              RoundEngine.Spectrum spectrum) {
            RadioSpec radio = scenario.radio();
            double band = spectrum.bandHz();
            Channel channel = engine.channel();
            double noiseUpShare = channel.noise(spectrum.upDensity(), band / (spec.groups() * spec.workersPerGroup()));
            return new Worker(i, group, samples, speed, downEfficiency(gainDown, spectrum),
                    channel.drawn(radio.devicePower(), gainUp, noiseUpShare),
                    radio.devicePower() * gainUp / spectrum.upDensity());
        }

        /** The scheduler's view on {@code spectrum}: spectral efficiencies per the paper's noise bands (see docs/models/partel.md). */
        private PartelSnapshot snapshot(int round, int cell, RoundConditions.Round c, RoundEngine.Spectrum spectrum) {
            int k = spec.groups();
            int n = spec.workersPerGroup();
            double band = spectrum.bandHz();
            List<Worker> workers = new ArrayList<>(k * n);
            for (int g = 0; g < k; g++) {
                for (int p = 0; p < n; p++) {
                    int i = g * n + p;
                    workers.add(worker(i, g, samplesOf(p, n, samplesIn(cell)), c.speedHz()[i], c.gainDown()[i], c.gainUp()[i], spectrum));
                }
            }
            return new PartelSnapshot(round, k, n, modelParameters, band, spec.bitsPerParameter(),
                    spec.sentBitsPerGradient(), spec.cyclesPerParameterPerSample(), spec.serverUpdateTime(),
                    spec.uplinkNoise(), workers);
        }

        /** The group's copy of its cell's {@code d} training samples split evenly: the first d mod N workers get one more. */
        private static int samplesOf(int position, int workersPerGroup, int d) {
            return d / workersPerGroup + (position < d % workersPerGroup ? 1 : 0);
        }

        /**
         * Cell {@code cell}'s training samples: {@code protocol.trainingSamples} (each cell's), or
         * its share of the training set split evenly over the cells (see {@link PartelTraining}).
         */
        private int samplesIn(int cell) {
            if (spec.trainingSamples() != null || cells == 1) {
                return trainingSamples;
            }
            return trainingSamples / cells + (cell < trainingSamples % cells ? 1 : 0);
        }
    }
}

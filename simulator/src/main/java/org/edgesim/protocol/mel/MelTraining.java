package org.edgesim.protocol.mel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edgesim.learning.Averaging;
import org.edgesim.learning.Compression;
import org.edgesim.learning.EdgeModels;
import org.edgesim.learning.Evaluation;
import org.edgesim.learning.EvaluationPlan;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Sgd;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.protocol.TrainingData;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.StreamFamily;
import org.edgesim.scenario.LearningSpec;
import umontreal.ssj.rng.RandomPermutation;
import umontreal.ssj.rng.RandomStream;

/**
 * The learning of an async MEL run (docs/models/async-mel.md, "Learning"): each global cycle, every learner
 * whose model came back starts from the global model, makes its {@code tau_k} local updates over
 * its {@code d_k} samples, and the orchestrator averages the models weighted by {@code d_k}.
 *
 * <p>Which samples: the run's {@code d} samples are the first {@code d} of a permutation of the
 * training set ({@code mel/data/pool}). In parallelised learning the orchestrator shuffles them
 * every cycle ({@code mel/data/cycles}, the same draws in every scheme of a comparison) and sends
 * learner {@code k} the next {@code d_k}; in federated learning learner {@code k} holds its own
 * {@code d_hi} of them for the whole run ({@code mel/data/learner-k}) and uses a fresh {@code d_k}
 * of those each cycle. Work is done in learner order at the aggregation, so the bits do not depend
 * on which event fired first.
 *
 * <p>With several cells ({@link #cells}) the {@code d} samples are split IID over the cells
 * ({@code mel/data/cells}): each cell's orchestrator shuffles its share every cycle
 * ({@code mel/data/cycles/cell-c}) and trains its own edge model ({@link #in}); the cloud averages
 * the edge models weighted by the shares of the cells that served anyone ({@link #cloud}).
 */
final class MelTraining implements AutoCloseable {
    static final StreamFamily HELD = new StreamFamily("mel-held", i -> "mel/data/learner-" + i);
    static final StreamFamily LOCAL = new StreamFamily("mel-local", i -> "mel/local/learner-" + i);

    /** After one cycle: loss and accuracy of the global model on the test set. */
    record Accuracy(double validationLoss, double validationAccuracy) {
    }

    private final MelSpec spec;
    private final LearningSpec learning;
    private final Samples train;
    /** The warm start's manifest line, or null. */
    final String warmStart;
    private final int[] pool;
    private final RandomStream cycles;
    private final int[][] held;
    private final RandomStream[] local;
    private final Learner learner;
    private final EvaluationPlan evaluation;
    private final Compression compression;
    /** Per learner, its compression's stream; null without compression. */
    private final RandomStream[] compressing;
    /** With several cells: each cell's share of the pool, its cycles' stream, its edge model; null with one. */
    private int[][] shares;
    private RandomStream[] cellCycles;
    private EdgeModels edges;
    private int holding;

    /**
     * @param samples {@code d}, at most the training set's size
     * @param maxShare {@code d_hi}, what a federated learner holds
     */
    MelTraining(MelSpec spec, LearningSpec learning, TrainTest<Samples> data, int samples, int learners, int maxShare,
                RandomStreams streams) {
        this.spec = spec;
        this.learning = learning;
        this.train = data.train();
        if (samples > train.size()) {
            throw new IllegalArgumentException("d = " + samples + " exceeds the " + train.size() + " training samples");
        }
        int[] all = new int[train.size()];
        Arrays.setAll(all, i -> i);
        this.pool = Sgd.pick(all, samples, streams.stream("mel/data/pool"));
        this.cycles = streams.stream("mel/data/cycles");
        this.local = streams.streams(LOCAL, learners);
        this.compression = spec.uploads();
        this.compressing = compression instanceof Compression.None ? null
                : streams.streams(Compression.STREAMS, learners);
        if (spec.mode().equals(MelSpec.FEDERATED)) {
            RandomStream[] s = streams.streams(HELD, learners);
            this.held = new int[learners][];
            for (int k = 0; k < learners; k++) {
                held[k] = Sgd.pick(pool.clone(), maxShare, s[k]);
            }
        } else {
            this.held = null;
        }
        TrainingData.Started started = TrainingData.learner(learning, data, streams);
        this.learner = started.learner();
        this.warmStart = started.describe();
        this.evaluation = TrainingData.evaluation(learning, data, streams);
    }

    /** The trained model's parameter count, for the clock's default model size. */
    int parameterCount() {
        return learner.parameterCount();
    }

    /**
     * One global cycle: learner {@code k} makes {@code updates[k]} passes over {@code samples[k]}
     * samples; the models of the learners with {@code arrived[k]} are averaged weighted by
     * {@code samples[k]} (none arrived: the global model stays).
     */
    void cycle(int[] members, long[] samples, long[] updates, boolean[] arrived) {
        int[] order = null;
        if (held == null) {
            order = (shares == null ? pool : shares[holding]).clone();
            RandomPermutation.shuffle(order, shares == null ? cycles : cellCycles[holding]);
        }
        double[] global = learner.parameters();
        List<double[]> models = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < samples.length; i++) {
            int k = members[i];
            int dk = Math.toIntExact(samples[i]);
            int[] mine = held == null ? Arrays.copyOfRange(order, offset, offset + dk)
                    : Sgd.pick(held[k].clone(), dk, local[k]);
            offset += dk;
            if (!arrived[i]) {
                continue;
            }
            learner.setParameters(global);
            int batch = spec.localUpdate().equals(MelSpec.EPOCH) ? spec.batchSize() : Integer.MAX_VALUE;
            Sgd.localUpdates(learner, train, mine, updates[i], batch, learning.stepSize(), local[k]);
            // The model returned as the orchestrator gets it (protocol.compression: its change compressed).
            models.add(compressing == null ? learner.parameters()
                    : compression.applyToChange(global, learner.parameters(), compressing[k]));
            weights.add((double) dk);
        }
        learner.setParameters(models.isEmpty() ? global
                : Averaging.weighted(models, weights.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /**
     * Several cells: {@code shares[c]} of the {@code d} samples are cell {@code c}'s (an IID split,
     * {@code mel/data/cells}), and every edge server starts from the one initial model.
     */
    void cells(int[] shares, RandomStreams streams) {
        int[] labels = new int[pool.length];
        int[][] split = new org.edgesim.learning.partition.Iid().assign(labels, 1, shares.length,
                streams.stream("mel/data/cells"));
        this.shares = split;
        this.cellCycles = new RandomStream[shares.length];
        this.edges = new EdgeModels(learner, shares.length);
        for (int c = 0; c < shares.length; c++) {
            if (split[c].length != shares[c]) {
                throw new IllegalStateException("cell " + c + " holds " + split[c].length + " samples, not " + shares[c]);
            }
            for (int i = 0; i < split[c].length; i++) {
                split[c][i] = pool[split[c][i]];
            }
            cellCycles[c] = streams.stream("mel/data/cycles/cell-" + c);
        }
    }

    /** What follows trains or evaluates cell {@code cell}'s edge model (one cell: the model). */
    MelTraining in(int cell) {
        if (edges != null) {
            edges.hold(cell);
            holding = cell;
        }
        return this;
    }

    /** The cloud's step: the edge models of the cells that served anyone ({@code members}) averaged, weighted by their shares. */
    void cloud(int[][] members) {
        double[] weights = new double[members.length];
        for (int c = 0; c < members.length; c++) {
            weights[c] = members[c].length > 0 ? shares[c].length : 0;
        }
        edges.average(weights);
    }

    /** The global model's parameters now. */
    double[] model() {
        return learner.parameters();
    }

    /** After cycle {@code round} ({@code last}: the run's last), as {@code learning.evaluation} says: NaN when not due. */
    Accuracy evaluate(int round, boolean last) {
        if (!evaluation.due(round, last)) {
            return new Accuracy(Double.NaN, Double.NaN);
        }
        Evaluation e = evaluation.scoreTest(learner);
        return new Accuracy(e.loss(), e.accuracy());
    }

    @Override
    public void close() {
        learner.close();
    }
}

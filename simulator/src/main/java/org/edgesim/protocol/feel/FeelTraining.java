package org.edgesim.protocol.feel;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.learning.Averaging;
import org.edgesim.learning.EarlyStopping;
import org.edgesim.learning.EdgeModels;
import org.edgesim.learning.Evaluation;
import org.edgesim.learning.EvaluationPlan;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Sgd;
import org.edgesim.learning.ValidationSplit;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.protocol.TrainingData;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.StreamFamily;
import org.edgesim.scenario.LearningSpec;
import umontreal.ssj.rng.RandomStream;

/**
 * The learning of a FEEL run, round by round, as the plan's {@link Update} prescribes. Work is
 * done in device-index order at the server's aggregation, so the bits do not depend on which
 * event fired first. Each device draws its batches from its own stream
 * ({@code feel/batch/device-k}), the same in every scheme of a comparison. The devices of a round
 * are its cell's ({@code members}, indices in the deployment; the arrays of a round are indexed as
 * they are). With several cells every edge server has its own model, which its cell's rounds train
 * ({@link #in}); the cloud's step averages them, weighted by the samples each cell's devices hold
 * ({@link #cloud}).
 */
final class FeelTraining implements AutoCloseable {
    static final StreamFamily BATCHES = new StreamFamily("feel-batch", i -> "feel/batch/device-" + i);
    /** Individual learning's validation split per device, apart from the batches so neither shifts the other. */
    static final StreamFamily VALIDATION = new StreamFamily("feel-validation", i -> "feel/validation/device-" + i);

    /** After one round: loss and accuracy on the training set, accuracy on the test set. */
    record Accuracy(double trainLoss, double trainAccuracy, double testAccuracy) {
    }

    private final LearningSpec spec;
    private final Samples train;
    private final int[][] held;
    private final double referenceBatch;
    private final RandomStream[] streams;
    private final RandomStream[] validationStreams;
    private final Learner learner;
    private final EvaluationPlan evaluation;
    /** The warm start's manifest line, or null. */
    final String warmStart;
    /** Individual learning: each device's own model once trained alone. */
    private double[][] own;
    /** With several cells, the edge servers' models; null with one cell (the learner's is the model). */
    private EdgeModels edges;

    FeelTraining(LearningSpec spec, TrainTest<Samples> data, int[][] held, RandomStreams streams,
                 double referenceBatch, org.edgesim.protocol.RunCache cache) {
        this.spec = spec;
        this.train = data.train();
        this.held = held;
        this.referenceBatch = referenceBatch;
        this.streams = streams.streams(BATCHES, held.length);
        this.validationStreams = streams.streams(VALIDATION, held.length);
        TrainingData.Started started = TrainingData.learner(spec, data, streams, cache);
        this.learner = started.learner();
        this.warmStart = started.describe();
        this.evaluation = TrainingData.evaluation(spec, data, streams);
    }

    /** Several cells: every edge server starts from the one initial model. */
    void cells(int count) {
        edges = new EdgeModels(learner, count);
    }

    /** What follows trains or evaluates cell {@code cell}'s edge model (one cell: the model). */
    FeelTraining in(int cell) {
        if (edges != null) {
            edges.hold(cell);
        }
        return this;
    }

    /**
     * The cloud's step: the edge models averaged, weighted by the samples held by each cell's
     * devices {@code members[c]} this round (a cell that served none has no weight); every edge
     * server then has the average.
     */
    void cloud(int[][] members) {
        double[] weights = new double[members.length];
        for (int c = 0; c < members.length; c++) {
            for (int k : members[c]) {
                weights[c] += held[k].length;
            }
        }
        edges.average(weights);
    }

    /** {@code stepSize * sqrt(batch / Bref)}. */
    double learningRate(double batch) {
        return spec.stepSize() * Math.sqrt(batch / referenceBatch);
    }

    /**
     * One round of gradient FEEL: the batch gradients of the devices whose update {@code arrived},
     * averaged weighted by batch size, one step (none arrived: no step). That average is the mean
     * gradient over the union of their (disjoint) batches: one pass over it keeps the engine's
     * matrix products busy where K small ones did not.
     */
    void gradientRound(int[] members, int[] batches, double learningRate, boolean[] arrived) {
        int[] union = java.util.stream.Stream.of(drawn(members, batches, arrived)).flatMapToInt(java.util.Arrays::stream)
                .toArray();
        if (union.length > 0) {
            learner.accumulate(train, union, union.length);
            learner.applyAccumulated(learningRate);
        }
    }

    /**
     * Gradient FEEL device by device: the batches drawn ({@link #drawn}), each its gradient, as
     * {@code sum} of the gradients and the batches' sizes (what the server gets of them) makes the step.
     */
    void gradientsRound(int[][] drawn, double learningRate,
                        java.util.function.BiFunction<double[][], int[], double[]> sum) {
        double[][] gradients = java.util.Arrays.stream(drawn).map(b -> learner.gradient(train, b)).toArray(double[][]::new);
        learner.apply(sum.apply(gradients, java.util.Arrays.stream(drawn).mapToInt(b -> b.length).toArray()), learningRate);
    }

    /** Every device draws its batch, arrived or not (its stream in step across schemes); those that {@code arrived}. */
    int[][] drawn(int[] members, int[] batches, boolean[] arrived) {
        List<int[]> kept = new ArrayList<>(members.length);
        for (int i = 0; i < members.length; i++) {
            int[] b = draw(members[i], batches[i]);
            if (arrived[i]) {
                kept.add(b);
            }
        }
        return kept.toArray(int[][]::new);
    }

    /**
     * FedAvg: a local epoch per device in batches of {@code batch}; what the server gets ({@code sent}) of
     * the models that {@code arrived}, averaged by data size (none: the global model stays).
     */
    void modelRound(int[] members, int batch, double learningRate, boolean[] arrived, FeelUploads.Sent sent) {
        double[] global = learner.parameters();
        List<double[]> models = new ArrayList<>(members.length);
        List<Double> weights = new ArrayList<>(members.length);
        for (int i = 0; i < members.length; i++) {
            int k = members[i];
            learner.setParameters(global);
            Sgd.epoch(learner, train, held[k], batch, learningRate, streams[k]);
            if (arrived[i]) {
                models.add(sent.of(k, global, learner.parameters()));
                weights.add((double) held[k].length);
            }
        }
        learner.setParameters(models.isEmpty() ? global
                : Averaging.weighted(models, weights.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /**
     * Individual learning's local phase: each device, from the global model, holds out a validation
     * split of its samples ({@code validation} of them, drawn from its stream
     * {@code feel/validation/device-k}) and runs SGD epochs over the rest in batches of
     * {@code batch} (order from its stream {@code feel/batch/device-k}) until {@code rule} stops it
     * on the loss over that split ({@link EarlyStopping}: no improvement by
     * {@code minImprovement} of the starting loss for {@code patience} epochs, or the cap). Each
     * device keeps the model of its last improving epoch (none: the global model) for
     * {@link #averageLocal}.
     */
    Local individual(int batch, double learningRate, EarlyStopping rule, double validation) {
        if (!(train instanceof Dataset dense)) {
            throw new org.edgesim.protocol.InfeasibleScenarioException("individual learning measures each device's"
                    + " validation loss on dense data; " + train.name() + " is sparse");
        }
        double[] global = learner.parameters();
        own = new double[held.length][];
        int[] epochs = new int[held.length];
        EarlyStopping.Reason[] stopped = new EarlyStopping.Reason[held.length];
        for (int k = 0; k < held.length; k++) {
            ValidationSplit split = ValidationSplit.of(held[k], validation, validationStreams[k]);
            Dataset check = dense.subset(train.name() + "/device-" + k + "/validation", split.validation());
            learner.setParameters(global);
            EarlyStopping.Progress run = rule.start(learner.evaluate(check).loss());
            own[k] = global;
            while (run.stopped() == null) {
                Sgd.epoch(learner, train, split.train(), batch, learningRate, streams[k]);
                if (run.record(learner.evaluate(check).loss())) {
                    own[k] = learner.parameters();
                }
            }
            epochs[k] = run.epochs();
            stopped[k] = run.stopped();
        }
        learner.setParameters(global);
        return new Local(epochs, stopped);
    }

    /** Individual learning's local phase, per device: the epochs it ran and what stopped it. */
    record Local(int[] epochs, EarlyStopping.Reason[] stoppedBy) {
    }

    /**
     * The server's one average of individual learning: the local models that {@code arrived},
     * weighted by data size (none: the global model stays).
     */
    void averageLocal(boolean[] arrived, FeelUploads.Sent sent) {
        double[] global = learner.parameters();
        List<double[]> models = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int k = 0; k < held.length; k++) {
            if (arrived[k]) {
                models.add(sent.of(k, global, own[k]));
                weights.add((double) held[k].length);
            }
        }
        if (!models.isEmpty()) {
            learner.setParameters(Averaging.weighted(models, weights.stream().mapToDouble(Double::doubleValue).toArray()));
        }
    }

    /** {@code size} distinct samples of device {@code k} (all of them if it holds no more). */
    private int[] draw(int k, int size) {
        return Sgd.pick(held[k].clone(), size, streams[k]);
    }

    /** The global model's parameters now. */
    double[] model() {
        return learner.parameters();
    }

    /**
     * After round {@code round} ({@code last}: the run's last): loss and accuracy on the training set
     * (NaN without training samples), accuracy on the test set, as {@code learning.evaluation} says;
     * all NaN in a round it does not evaluate.
     */
    Accuracy evaluate(int round, boolean last) {
        if (!evaluation.due(round, last)) {
            return new Accuracy(Double.NaN, Double.NaN, Double.NaN);
        }
        EvaluationPlan.Scores s = evaluation.score(learner);
        return new Accuracy(s.trainLoss(), s.trainAccuracy(), s.testAccuracy());
    }

    @Override
    public void close() {
        learner.close();
    }
}

package org.edgesim.learning.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import org.edgesim.learning.Evaluation;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Precision;
import org.edgesim.learning.SplitLearner;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Profiles;
import umontreal.ssj.rng.RandomStream;

/** A {@link Learner} on DJL's PyTorch engine: any chain model on dense data. */
public final class DjlLearner implements Learner {
    /**
     * Samples whose losses are summed in one call (the sums' float32 grouping, so the loss column's
     * bits, depend on it). Their scores are computed {@link #FORWARD_CHUNK} at a time: a sample's
     * scores do not depend on the batch it is in (tested), and a convolution's activations of a
     * quarter of this batch stay in the cache (LeNet's evaluation 1.3-1.5x faster, measured; with
     * the pooling, 2.1x in {@code bench evaluation}).
     */
    private static final int EVALUATION_BATCH = 1000;
    static final int FORWARD_CHUNK = 250;
    private final DjlChain chain;
    private final ModelProfile profile;
    private final Precision precision;
    /** Sum of the weights of the gradients accumulated since the last apply. */
    private double pendingWeight;

    /** Whether the engine's one-time warnings have been sent nowhere ({@link #warmUp}). */
    private static final java.util.concurrent.atomic.AtomicBoolean WARMED = new java.util.concurrent.atomic.AtomicBoolean();

    /** Builds {@code spec} for samples of {@code inputShape} and initialises it from {@code stream}. */
    public DjlLearner(ModelSpec spec, int[] inputShape, Precision precision, RandomStream stream) {
        if (WARMED.compareAndSet(false, true)) {
            DjlRuntime.NativeStderr.quiet(() -> warmUp(spec, inputShape, precision));
        }
        this.profile = Profiles.of(spec, inputShape);
        this.precision = precision;
        this.chain = new DjlChain(spec, inputShape, precision);
        if (chain.parameterCount(0, chain.layers()) != profile.parameters()) {
            throw new IllegalStateException("built " + chain.parameterCount(0, chain.layers())
                    + " parameters, the profile counts " + profile.parameters());
        }
        chain.initialize(stream);
    }

    /**
     * The learner's whole API once, on two made-up samples, with the native standard error on
     * /dev/null: PyTorch 2.7.1 prints a deprecation warning (AutoNonVariableTypeMode) the first time
     * each of several of its entry points runs, through a handler that {@code TORCH_CPP_LOG_LEVEL}
     * does not reach; each warns once per process, so here and nowhere else. Touches no stream of a
     * run (its weights come from a stream of its own).
     */
    private static void warmUp(ModelSpec spec, int[] inputShape, Precision precision) {
        int dim = 1;
        for (int v : inputShape) {
            dim *= v;
        }
        int classes = spec.layers().get(spec.layers().size() - 1) instanceof org.edgesim.learning.model.Layer.Dense d
                ? d.units() : 2;
        org.edgesim.learning.data.Dataset data = new org.edgesim.learning.data.Dataset("engine warm-up", inputShape,
                new float[2 * dim], new int[] {0, Math.min(1, classes - 1)}, classes);
        int[] both = {0, 1};
        try (DjlLearner l = new DjlLearner(spec, inputShape, precision,
                new org.edgesim.rng.RandomStreams(0).stream("learning/engine-warm-up"))) {
            l.setParameters(l.parameters());
            l.gradient(data, both);
            l.step(data, both, 0.0);
            l.accumulate(data, both, 2);
            l.applyAccumulated(0.0);
            l.evaluate(data);
        } catch (RuntimeException e) {
            // A warm-up that cannot run says nothing; the learner proper reports its own errors.
        }
    }

    private DjlLearner(DjlLearner source) {
        this.profile = source.profile;
        this.precision = source.precision;
        this.chain = new DjlChain(source.chain.spec, source.chain.inputShape, source.precision);
        chain.setValues(0, chain.layers(), source.parameters());
    }

    @Override
    public ModelSpec spec() {
        return chain.spec;
    }

    @Override
    public ModelProfile profile() {
        return profile;
    }

    @Override
    public int parameterCount() {
        return chain.parameterCount(0, chain.layers());
    }

    @Override
    public void initialize(RandomStream stream) {
        chain.initialize(stream);
    }

    @Override
    public double[] parameters() {
        return chain.values(0, chain.layers());
    }

    @Override
    public void setParameters(double[] parameters) {
        chain.setValues(0, chain.layers(), parameters);
    }

    /** Back-propagates {@code weight} times the batch's mean loss; PyTorch adds it to the recorded gradients. */
    private void record(Samples data, int[] batch, double weight) {
        check(data, batch);
        try (NDManager scope = chain.newScope(); Autograd ignored = Autograd.record()) {
            NDArray scores = chain.forward(chain.inputs(scope, data, batch), 0, chain.layers(), true);
            NDArray loss = DjlChain.meanCrossEntropy(scores, chain.labels(scope, labels(data, batch)));
            Autograd.backward(weight == 1 ? loss : loss.mul(weight));
        }
    }

    private void requireNothingPending() {
        if (pendingWeight != 0) {
            throw new IllegalStateException("accumulated gradients are pending; applyAccumulated first");
        }
    }

    @Override
    public double[] gradient(Samples data, int[] batch) {
        requireNothingPending();
        record(data, batch, 1);
        return chain.takeGradients(0, chain.layers());
    }

    @Override
    public void accumulate(Samples data, int[] batch, double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and > 0, got " + weight);
        }
        record(data, batch, weight);
        pendingWeight += weight;
    }

    @Override
    public double[] accumulatedGradient() {
        if (pendingWeight == 0) {
            throw new IllegalStateException("no gradient accumulated");
        }
        return chain.gradients(0, chain.layers(), 1 / pendingWeight, false);
    }

    @Override
    public void applyAccumulated(double learningRate) {
        if (pendingWeight == 0) {
            throw new IllegalStateException("no gradient accumulated");
        }
        chain.descendRecorded(0, chain.layers(), learningRate, 1 / pendingWeight);
        pendingWeight = 0;
    }

    @Override
    public void apply(double[] gradient, double learningRate) {
        chain.descend(0, chain.layers(), gradient, learningRate);
    }

    @Override
    public void step(Samples data, int[] batch, double learningRate) {
        requireNothingPending();
        record(data, batch, 1);
        chain.descendRecorded(0, chain.layers(), learningRate, 1);
    }

    @Override
    public Evaluation evaluate(Samples data) {
        double loss = 0;
        double hits = 0;
        for (int start = 0; start < data.size(); start += EVALUATION_BATCH) {
            int offset = start;
            int[] batch = new int[Math.min(EVALUATION_BATCH, data.size() - start)];
            Arrays.setAll(batch, i -> offset + i);
            try (NDManager scope = chain.newScope(); Autograd ignored = Autograd.off()) {
                NDArray scores = scores(scope, data, batch);
                double[] lh = DjlChain.lossAndHits(scores, chain.labels(scope, labels(data, batch)));
                loss += lh[0];
                hits += lh[1];
            }
        }
        return new Evaluation(loss / data.size(), hits / data.size(), data.size());
    }

    /**
     * The whole model's scores of samples {@code batch}; a convolutional model's computed
     * {@link #FORWARD_CHUNK} at a time (a dense model's matrix products lose more on smaller
     * batches than they gain in the cache: 10-15% slower, measured).
     */
    private NDArray scores(NDManager scope, Samples data, int[] batch) {
        if (batch.length <= FORWARD_CHUNK || !chain.spec.convolutional()) {
            return chain.forward(chain.inputs(scope, data, batch), 0, chain.layers(), false);
        }
        NDList parts = new NDList();
        for (int from = 0; from < batch.length; from += FORWARD_CHUNK) {
            int[] part = Arrays.copyOfRange(batch, from, Math.min(batch.length, from + FORWARD_CHUNK));
            parts.add(chain.forward(chain.inputs(scope, data, part), 0, chain.layers(), false));
        }
        return NDArrays.concat(parts);
    }

    @Override
    public SplitLearner split(int cut) {
        return new DjlSplitLearner(new DjlLearner(this).chain, cut);
    }

    @Override
    public void close() {
        chain.close();
    }

    /** Frees {@code data}'s resident copies now ({@link org.edgesim.learning.backend.Learners#release}). */
    public static void release(org.edgesim.learning.data.Dataset data) {
        Resident.release(data);
    }

    static int[] labels(Samples data, int[] batch) {
        int[] y = new int[batch.length];
        for (int i = 0; i < batch.length; i++) {
            y[i] = data.label(batch[i]);
        }
        return y;
    }

    private void check(Samples data, int[] batch) {
        if (batch.length == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        if (!Arrays.equals(data.sampleShape(), chain.inputShape) && data.dim() != product(chain.inputShape)) {
            throw new IllegalArgumentException(data.name() + ": samples of shape " + Arrays.toString(data.sampleShape())
                    + " for a model built for " + Arrays.toString(chain.inputShape));
        }
    }

    private static int product(int[] s) {
        int p = 1;
        for (int v : s) {
            p *= v;
        }
        return p;
    }
}

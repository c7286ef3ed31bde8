package org.edgesim.learning;

import org.edgesim.learning.data.Samples;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.ModelSpec;
import umontreal.ssj.rng.RandomStream;

/**
 * One model and the training steps the protocols need, with parameters and gradients exchanged
 * as flat {@code double[]} vectors (layer by layer, weights then bias), so that protocols never see
 * the engine's types. The loss is the mean softmax cross-entropy over a batch, plus the model's
 * penalty ({@link org.edgesim.learning.model.Regularization}). A learner is used by one thread at
 * a time; close it to free native memory.
 */
public interface Learner extends AutoCloseable {
    ModelSpec spec();

    /** Size and compute of the model actually built. */
    ModelProfile profile();

    int parameterCount();

    /** Sets fresh weights drawn from {@code stream} (He-uniform for ReLU layers, Xavier otherwise; biases 0). */
    void initialize(RandomStream stream);

    double[] parameters();

    void setParameters(double[] parameters);

    /** Gradient of the mean loss (+ L2 penalty) over samples {@code batch} of {@code data}; the model is unchanged. */
    double[] gradient(Samples data, int[] batch);

    /** {@code w <- w - lr g}, then the L1 proximal step if the model has an L1 penalty. */
    void apply(double[] gradient, double learningRate);

    /**
     * Adds {@code weight} times the mean-loss gradient of samples {@code batch} to this learner's
     * pending sum, inside the engine (no copies): with weights {@code B_k}, the pending average is
     * the weighted gradient average of FEEL's server, computed device by device as the events fire.
     */
    void accumulate(Samples data, int[] batch, double weight);

    /** The pending weighted average {@code sum_k w_k g_k / sum_k w_k} (+ L2 penalty); nothing changes. */
    double[] accumulatedGradient();

    /** {@code w <- w - lr * (pending average + L2)}, then L1's proximal step; clears the pending sum. */
    void applyAccumulated(double learningRate);

    /** One SGD step on samples {@code batch} ({@code gradient} then {@code apply}, without the copies). */
    void step(Samples data, int[] batch, double learningRate);

    /** Loss and accuracy on all of {@code data}. */
    Evaluation evaluate(Samples data);

    /**
     * An executor of this model cut after layer {@code cut} (1-based): device-side layers
     * {@code 1..cut}, server-side the rest; it starts from this learner's current weights.
     */
    SplitLearner split(int cut);

    @Override
    void close();
}

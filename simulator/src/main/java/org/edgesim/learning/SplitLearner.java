package org.edgesim.learning;

import java.util.List;
import org.edgesim.learning.data.Samples;

/**
 * A chain model cut in two for split learning (docs/models/cpsl.md). The server-side weights live here; the
 * device-side weights are loaded per device ({@link #setDeviceParameters}) because every device
 * holds its own copy between two averagings.
 *
 * <p>The arithmetic: the server's loss is the mean over the concatenated batch of all parts; the
 * gradient it returns to part {@code i} is that of part {@code i}'s own mean loss, so that a device
 * step is an ordinary SGD step on its own batch, and averaging the device-side models weighted by
 * batch size reproduces exactly one step of unsplit training on the concatenated batch.
 */
public interface SplitLearner extends AutoCloseable {
    int cut();

    double[] deviceParameters();

    void setDeviceParameters(double[] parameters);

    double[] serverParameters();

    void setServerParameters(double[] parameters);

    /** Device-side forward pass: the smashed data of samples {@code batch} of {@code data}. */
    Smashed deviceForward(Samples data, int[] batch);

    /**
     * Server-side forward and backward on the concatenated {@code parts}, one SGD step of the
     * server-side model with {@code learningRate}; returns, per part, the gradient of that part's
     * own mean loss with respect to its smashed data.
     */
    List<double[]> serverStep(List<Smashed> parts, double learningRate);

    /**
     * A device-side forward pass kept for its backward pass: its smashed data now, and later, from
     * the gradient the server returns, the device-side gradient without running the pass again.
     * The same numbers as {@link #deviceForward} and {@link #deviceGradient}. The device-side
     * weights must stay as they were until the pass's gradient is taken.
     */
    Pass deviceRecorded(Samples data, int[] batch);

    /** Gradient of the device-side weights given the gradient of the smashed data of samples {@code batch}. */
    double[] deviceGradient(Samples data, int[] batch, double[] smashedGradient);

    /** {@code w_device <- w_device - lr g}. */
    void applyDevice(double[] gradient, double learningRate);

    @Override
    void close();

    /** A recorded device-side pass ({@link #deviceRecorded}); closing it without a gradient discards it. */
    interface Pass extends AutoCloseable {
        /** The pass's smashed data. */
        Smashed smashed();

        /**
         * The device-side weights' gradient given {@code smashedGradient}, the gradient of the
         * smashed data; once per pass, and only while the device-side weights are those it ran with.
         */
        double[] gradient(double[] smashedGradient);

        @Override
        void close();
    }

    /**
     * Smashed data of one device's batch: activations at the cut layer and the batch's labels.
     *
     * @param values      {@code batch x perSample} activations, row-major
     * @param sampleShape shape of one sample's activations
     * @param labels      the batch's labels
     */
    record Smashed(double[] values, int[] sampleShape, int[] labels) {
        public int batch() {
            return labels.length;
        }
    }
}

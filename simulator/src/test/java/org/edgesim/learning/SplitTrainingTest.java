package org.edgesim.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.model.Layer;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * Split training (device forward, server step, device backward, FedAvg of the device-side models
 * weighted by batch size) is the same mathematics as unsplit training on the concatenated batch.
 */
class SplitTrainingTest {
    static final ModelSpec CNN = new ModelSpec("split-cnn", List.of(new Layer.Conv(3, 3, 1, true),
            new Layer.Conv(4, 3, 1, true), new Layer.MaxPool(2), new Layer.Conv(5, 3, 1, true), new Layer.MaxPool(2),
            new Layer.Dense(8, true), new Layer.Dense(6, true), new Layer.Dense(4, false)), Regularization.NONE);

    @Test
    void splitAtEveryCutEqualsUnsplitTrainingOnTheConcatenatedBatch() {
        Dataset data = TinyData.dense(new RandomStreams(21).stream("test/data"), 40, new int[] {1, 8, 8}, 4);
        int[][] batches = {TinyData.range(0, 3), TinyData.range(3, 8), TinyData.range(8, 12)}; // sizes 3, 5, 4
        int[] all = TinyData.range(0, 12);
        double lr = 0.2;
        for (int cut = 1; cut <= CNN.layers().size(); cut++) {
            try (Learner whole = Learners.create(CNN, data, Precision.FLOAT64, new RandomStreams(22).stream("init"));
                 SplitLearner split = whole.split(cut)) {
                double[] device = split.deviceParameters();
                for (int step = 0; step < 5; step++) {
                    // Shift the batches each step so that the five steps see different data.
                    int shift = step * 5;
                    int[][] b = new int[3][];
                    for (int i = 0; i < 3; i++) {
                        b[i] = batches[i].clone();
                        for (int k = 0; k < b[i].length; k++) {
                            b[i][k] += shift;
                        }
                    }
                    int[] union = all.clone();
                    for (int k = 0; k < union.length; k++) {
                        union[k] += shift;
                    }
                    whole.step(data, union, lr);

                    List<SplitLearner.Smashed> smashed = new ArrayList<>();
                    for (int[] mine : b) {
                        split.setDeviceParameters(device);
                        smashed.add(split.deviceForward(data, mine));
                    }
                    List<double[]> grads = split.serverStep(smashed, lr);
                    List<double[]> models = new ArrayList<>();
                    double[] sizes = new double[3];
                    for (int i = 0; i < 3; i++) {
                        split.setDeviceParameters(device);
                        split.applyDevice(split.deviceGradient(data, b[i], grads.get(i)), lr);
                        models.add(split.deviceParameters());
                        sizes[i] = b[i].length;
                    }
                    device = Averaging.weighted(models, sizes);
                }
                split.setDeviceParameters(device);
                double[] expected = whole.parameters();
                double[] got = new double[expected.length];
                System.arraycopy(device, 0, got, 0, device.length);
                double[] server = split.serverParameters();
                System.arraycopy(server, 0, got, device.length, server.length);
                double worst = 0;
                for (int k = 0; k < got.length; k++) {
                    worst = Math.max(worst, Math.abs(got[k] - expected[k]));
                }
                assertTrue(worst < 1e-5, "cut " + cut + ": max abs difference " + worst);
                assertTrue(worst < 1e-12, "cut " + cut + ": double precision should agree to rounding, got " + worst);
            }
        }
    }

    /** A recorded pass gives deviceForward's smashed data and deviceGradient's gradient, bit for bit, once. */
    @Test
    void aRecordedPassIsTheForwardAndBackwardPassesOnce() {
        Dataset data = TinyData.dense(new RandomStreams(21).stream("test/data"), 40, new int[] {1, 8, 8}, 4);
        int[][] batches = {TinyData.range(0, 3), TinyData.range(5, 12)};
        for (Precision precision : Precision.values()) {
            for (int cut = 1; cut < CNN.layers().size(); cut++) {
                try (Learner whole = Learners.create(CNN, data, precision, new RandomStreams(22).stream("init"));
                     SplitLearner split = whole.split(cut)) {
                    List<SplitLearner.Pass> passes = new ArrayList<>();
                    List<SplitLearner.Smashed> smashed = new ArrayList<>();
                    for (int[] b : batches) {
                        passes.add(split.deviceRecorded(data, b));
                        SplitLearner.Smashed plain = split.deviceForward(data, b);
                        assertArrayEquals(plain.values(), passes.get(passes.size() - 1).smashed().values(), 0.0);
                        smashed.add(plain);
                    }
                    List<double[]> grads = split.serverStep(smashed, 0.1);
                    for (int i = 0; i < batches.length; i++) {
                        double[] recorded = passes.get(i).gradient(grads.get(i));
                        assertArrayEquals(split.deviceGradient(data, batches[i], grads.get(i)), recorded, 0.0,
                                precision + " cut " + cut);
                        int j = i;
                        assertThrows(IllegalStateException.class, () -> passes.get(j).gradient(grads.get(j)));
                    }
                    // weights changed under a pass: refused, not a silently wrong gradient
                    try (SplitLearner.Pass stale = split.deviceRecorded(data, batches[0])) {
                        split.applyDevice(new double[split.deviceParameters().length], 0.1);
                        assertThrows(IllegalStateException.class, () -> stale.gradient(grads.get(0)));
                    }
                }
            }
        }
    }
}

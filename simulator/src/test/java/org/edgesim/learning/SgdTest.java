package org.edgesim.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;

class SgdTest {
    @Test
    void fullBatchLocalUpdatesAreGradientDescentOnTheDevicesSamples() {
        Dataset data = TinyData.dense(new RandomStreams(61).stream("test/data"), 20, new int[] {5}, 3);
        int[] mine = {2, 5, 7, 11};
        ModelSpec spec = ModelSpec.logisticRegression(3, Regularization.NONE);
        try (Learner a = Learners.create(spec, data, Precision.FLOAT64, new RandomStreams(62).stream("init"));
             Learner b = Learners.create(spec, data, Precision.FLOAT64, new RandomStreams(62).stream("init"))) {
            Sgd.localUpdates(a, data, mine, 3, 10, 0.2, new RandomStreams(63).stream("order"));
            for (int u = 0; u < 3; u++) {
                b.step(data, mine, 0.2);
            }
            assertArrayEquals(b.parameters(), a.parameters(), 1e-12);
        }
    }

    @Test
    void miniBatchLocalUpdatesOnlyTouchTheDevicesSamples() {
        Dataset data = TinyData.dense(new RandomStreams(64).stream("test/data"), 20, new int[] {5}, 3);
        int[] mine = {2, 5, 7, 11, 13};
        ModelSpec spec = ModelSpec.logisticRegression(3, Regularization.NONE);
        // Changing samples outside the device's set must not change the result.
        float[] x = data.features().clone();
        for (int i = 0; i < 5; i++) {
            x[i] = 99; // sample 0, not the device's
        }
        Dataset other = new Dataset("other", data.shape(), x, data.labels(), 3);
        try (Learner a = Learners.create(spec, data, Precision.FLOAT64, new RandomStreams(65).stream("init"));
             Learner b = Learners.create(spec, other, Precision.FLOAT64, new RandomStreams(65).stream("init"))) {
            double[] start = a.parameters();
            Sgd.localUpdates(a, data, mine, 4, 2, 0.2, new RandomStreams(66).stream("order"));
            Sgd.localUpdates(b, other, mine, 4, 2, 0.2, new RandomStreams(66).stream("order"));
            assertArrayEquals(a.parameters(), b.parameters());
            assertTrue(!Arrays.equals(start, a.parameters()));
        }
    }
}

package org.edgesim.learning.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.edgesim.learning.Learner;
import org.edgesim.learning.Precision;
import org.edgesim.learning.TinyData;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;

/** Parts laid out one after another hold the same rows, and a learner's gradients on them are the same bits. */
class PartsTest {
    private static final int[][] PARTS = {{17, 3, 250}, {99, 0, 299, 42}, {5}};

    @Test
    void eachPartIsARunOfTheSameRowsInTheSameOrder() {
        Dataset data = TinyData.dense(new RandomStreams(3).stream("data"), 300, new int[] {1, 28, 28}, 10);
        Parts laid = Parts.laidOut(data, PARTS);
        assertEquals(8, laid.data().size());
        int at = 0;
        for (int k = 0; k < PARTS.length; k++) {
            for (int i = 0; i < PARTS[k].length; i++) {
                assertEquals(at, laid.parts()[k][i]);
                assertEquals(data.label(PARTS[k][i]), laid.data().label(at));
                float[] want = new float[data.dim()];
                float[] got = new float[data.dim()];
                data.gatherDense(new int[] {PARTS[k][i]}, want);
                laid.data().gatherDense(new int[] {at}, got);
                assertArrayEquals(want, got, 0f);
                at++;
            }
        }
    }

    @Test
    void gradientsOnTheLaidOutPartsAreTheSameBits() {
        Dataset data = TinyData.dense(new RandomStreams(3).stream("data"), 300, new int[] {1, 28, 28}, 10);
        Parts laid = Parts.laidOut(data, PARTS);
        for (ModelSpec spec : new ModelSpec[] {ModelSpec.logisticRegression(10, org.edgesim.learning.model.Regularization.NONE), ModelSpec.lenet(10)}) {
            try (Learner a = Learners.create(spec, data, Precision.FLOAT32, new RandomStreams(1).stream("init"));
                 Learner b = Learners.create(spec, data, Precision.FLOAT32, new RandomStreams(1).stream("init"))) {
                for (int k = 0; k < PARTS.length; k++) {
                    assertArrayEquals(a.gradient(data, PARTS[k]), b.gradient(laid.data(), laid.parts()[k]), 0.0);
                }
            }
        }
    }

    @Test
    void sparseSamplesAreLeftAsTheyAre() {
        Samples sparse = TinyData.sparse(new RandomStreams(3).stream("data"), 300, 50, 4);
        Parts laid = Parts.laidOut(sparse, PARTS);
        assertSame(sparse, laid.data());
        assertSame(PARTS, laid.parts());
    }
}

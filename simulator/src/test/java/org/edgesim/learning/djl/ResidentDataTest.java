package org.edgesim.learning.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.edgesim.learning.Learner;
import org.edgesim.learning.Precision;
import org.edgesim.learning.TinyData;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Batches read from data resident in the engine are the same bits as rows copied from Java. */
class ResidentDataTest {
    @ParameterizedTest
    @EnumSource(Precision.class)
    void gradientsStepsAndEvaluationsAreBitEqualToCopiedRows(Precision precision) {
        Dataset flat = TinyData.dense(new RandomStreams(3).stream("data"), 300, new int[] {1, 28, 28}, 10);
        for (ModelSpec spec : new ModelSpec[] {ModelSpec.mlp(10, 16), ModelSpec.lenet(10)}) {
            int[] shuffled = {17, 3, 3, 250, 99, 0, 299, 42}; // out of order, a repeat, both ends
            int[] consecutive = {40, 41, 42, 43, 44};
            for (int[] batch : new int[][] {shuffled, consecutive}) {
                try (Learner a = Learners.create(spec, flat, precision, new RandomStreams(1).stream("init"));
                     Learner b = Learners.create(spec, flat, precision, new RandomStreams(1).stream("init"))) {
                    double[] resident = a.gradient(flat, batch);
                    double[] copied = RowCopies.during(() -> b.gradient(flat, batch));
                    assertArrayEquals(copied, resident, 0.0, spec.name());
                    a.step(flat, batch, 0.1);
                    RowCopies.during(() -> {
                        b.step(flat, batch, 0.1);
                        return null;
                    });
                    assertArrayEquals(b.parameters(), a.parameters(), 0.0);
                    assertEquals(RowCopies.during(() -> b.evaluate(flat)), a.evaluate(flat));
                }
            }
        }
    }

    /** A released data set's copy is made again on the next read, with the same results. */
    @org.junit.jupiter.api.Test
    void aReleasedDataSetIsReadAgainAlike() {
        Dataset flat = TinyData.dense(new RandomStreams(4).stream("data"), 120, new int[] {1, 28, 28}, 10);
        int[] batch = {3, 4, 5, 90, 7};
        try (Learner a = Learners.create(ModelSpec.lenet(10), flat, Precision.FLOAT32, new RandomStreams(1).stream("init"))) {
            double[] before = a.gradient(flat, batch);
            org.edgesim.learning.Evaluation e = a.evaluate(flat);
            Learners.release(flat);
            Learners.release(flat); // twice: nothing left to free
            assertArrayEquals(before, a.gradient(flat, batch), 0.0);
            assertEquals(e, a.evaluate(flat));
        }
    }
}

package org.edgesim.protocol.mel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Precision;
import org.edgesim.learning.TinyData;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;
import org.junit.jupiter.api.Test;

/** One async MEL cycle's learning against independent computations. */
class MelTrainingTest {
    private static final LearningSpec LOGISTIC = new LearningSpec("fashion-mnist-small", null, null, null, null, null,
            null, null, 0.3, "float64", null);

    private static MelSpec spec(String mode) {
        return new MelSpec(null, mode, null, null, null, null, null, null, null, null, null, null);
    }

    private static TrainTest<Samples> data() {
        RandomStreams r = new RandomStreams(71);
        return new TrainTest<>(TinyData.dense(r.stream("test/train"), 60, new int[] {6}, 3),
                TinyData.dense(r.stream("test/test"), 30, new int[] {6}, 3));
    }

    /**
     * Two cells (learners 0 and 2, learner 1) each spending its share of the 60 samples: the cloud's
     * average of their edge models, weighted by the shares, is again one full-batch step over all.
     */
    @Test
    void theCloudsAverageOfTwoCellsFullBatchStepsIsOneStepOverAllSamples() {
        TrainTest<Samples> data = data();
        try (MelTraining t = new MelTraining(spec(MelSpec.PARALLELISED), LOGISTIC, data, 60, 3, 60,
                new RandomStreams(5));
             Learner reference = Learners.create(ModelSpec.logisticRegression(3, Regularization.NONE), data.train(),
                     Precision.FLOAT64, new RandomStreams(5).stream("learning/init"))) {
            t.cells(new int[] {30, 30}, new RandomStreams(5));
            for (int cycle = 0; cycle < 2; cycle++) {
                t.in(0).cycle(new int[] {0, 2}, new long[] {12, 18}, new long[] {1, 1}, new boolean[] {true, true});
                double[] edge0 = t.model();
                t.in(1).cycle(new int[] {1}, new long[] {30}, new long[] {1}, new boolean[] {true});
                assertFalse(Arrays.equals(edge0, t.model()), "the cells' edge models differ before the cloud");
                t.cloud(new int[][] {{0, 2}, {1}});
                reference.step(data.train(), TinyData.range(0, 60), 0.3);
                assertArrayEquals(reference.parameters(), t.model(), 1e-12, "cycle " + cycle);
                assertArrayEquals(reference.parameters(), t.in(0).model(), 1e-12, "every edge server has it");
            }
        }
    }

    /**
     * One full-batch step per learner from the same model, averaged weighted by d_k, is one
     * full-batch step over the union of their samples: whatever the partition, the same model.
     */
    @Test
    void oneStepEachAveragedByDataIsOneStepOverAllSamples() {
        TrainTest<Samples> data = data();
        try (MelTraining t = new MelTraining(spec(MelSpec.PARALLELISED), LOGISTIC, data, 60, 3, 60,
                new RandomStreams(5));
             Learner reference = Learners.create(ModelSpec.logisticRegression(3, Regularization.NONE), data.train(),
                     Precision.FLOAT64, new RandomStreams(5).stream("learning/init"))) {
            assertArrayEquals(reference.parameters(), t.model(), "same initial model");
            for (int cycle = 0; cycle < 3; cycle++) {
                t.cycle(new int[] {0, 1, 2}, new long[] {7, 20, 33}, new long[] {1, 1, 1}, new boolean[] {true, true, true});
                reference.step(data.train(), TinyData.range(0, 60), 0.3);
                assertArrayEquals(reference.parameters(), t.model(), 1e-12, "cycle " + cycle);
            }
        }
    }

    @Test
    void withoutReturnsOrUpdatesTheModelStays() {
        for (String mode : new String[] {MelSpec.PARALLELISED, MelSpec.FEDERATED}) {
            try (MelTraining t = new MelTraining(spec(mode), LOGISTIC, data(), 48, 3, 40, new RandomStreams(6))) {
                double[] start = t.model();
                t.cycle(new int[] {0, 1, 2}, new long[] {8, 16, 24}, new long[] {3, 3, 3}, new boolean[] {false, false, false});
                assertArrayEquals(start, t.model(), mode + ": nobody returned");
                t.cycle(new int[] {0, 1, 2}, new long[] {8, 16, 24}, new long[] {0, 0, 0}, new boolean[] {true, true, true});
                assertArrayEquals(start, t.model(), 1e-15, mode + ": nobody updated");
                t.cycle(new int[] {0, 1, 2}, new long[] {8, 16, 24}, new long[] {0, 2, 0}, new boolean[] {true, true, true});
                assertFalse(Arrays.equals(start, t.model()), mode + ": one learner updated");
            }
        }
    }

    /** A late learner's work is left out: its updates change nothing. */
    @Test
    void aLateLearnersModelIsLeftOut() {
        double[][] out = new double[2][];
        for (int run = 0; run < 2; run++) {
            try (MelTraining t = new MelTraining(spec(MelSpec.PARALLELISED), LOGISTIC, data(), 60, 3, 60,
                    new RandomStreams(8))) {
                t.cycle(new int[] {0, 1, 2}, new long[] {10, 20, 30}, new long[] {2, 2, run == 0 ? 1 : 9}, new boolean[] {true, true, false});
                out[run] = t.model();
            }
        }
        assertArrayEquals(out[0], out[1]);
    }
}

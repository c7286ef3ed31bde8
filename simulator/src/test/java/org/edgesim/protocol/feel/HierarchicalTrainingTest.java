package org.edgesim.protocol.feel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.learning.TinyData;
import org.junit.jupiter.api.Test;

/** Several cells: each edge model trains on its cell's devices; the cloud averages them weighted by their samples. */
class HierarchicalTrainingTest {
    @Test
    void eachCellTrainsItsOwnModelAndTheCloudAveragesThemBySamples() {
        TrainTest<Samples> tt = TinyFeel.data();
        // Three devices holding 10, 20 and 30 samples; cell 0 serves device 1, cell 1 devices 0 and 2.
        int[][] held = {TinyData.range(0, 10), TinyData.range(10, 30), TinyData.range(30, 60)};
        LearningSpec spec = TinyFeel.spec();
        try (FeelTraining t = new FeelTraining(spec, tt, held, new RandomStreams(92), 8, null);
             FeelTraining alone = new FeelTraining(spec, tt, held, new RandomStreams(92), 8, null)) {
            double[] start = t.model();
            t.cells(2);
            t.in(0).gradientRound(new int[] {1}, new int[] {6}, 0.2, new boolean[] {true});
            double[] edge0 = t.model();
            t.in(1).gradientRound(new int[] {0, 2}, new int[] {4, 8}, 0.2, new boolean[] {true, true});
            double[] edge1 = t.model();
            // Cell 1 started from the initial model, not from cell 0's: the same step as one cell of devices 0 and 2.
            alone.gradientRound(new int[] {0, 2}, new int[] {4, 8}, 0.2, new boolean[] {true, true});
            assertArrayEquals(alone.model(), edge1, 0.0);
            assertFalse(java.util.Arrays.equals(start, edge0));
            assertArrayEquals(edge0, t.in(0).model(), 0.0, "switching cells keeps each edge model");
            t.cloud(new int[][] {{1}, {0, 2}});
            double[] expected = new double[start.length];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (20 * edge0[i] + 40 * edge1[i]) / 60;
            }
            assertArrayEquals(expected, t.model(), 1e-12);
            assertArrayEquals(expected, t.in(0).model(), 1e-12, "every edge server has the average");
            assertArrayEquals(expected, t.in(1).model(), 1e-12);
        }
    }
}

package org.edgesim.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import org.edgesim.learning.partition.Groups;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

class AggregationTest {
    @Test
    void weightedAverageOfBatchGradientsIsTheGradientOfTheUnionBatch() {
        RandomStream r = new RandomStreams(31).stream("test/data");
        Dataset data = TinyData.dense(r, 30, new int[] {6}, 4);
        int[] sizes = {2, 7, 4, 1};
        try (Learner l = Learners.create(ModelSpec.mlp(4, 5), data, Precision.FLOAT64, new RandomStreams(32).stream("init"))) {
            List<double[]> grads = new ArrayList<>();
            double[] weights = new double[sizes.length];
            int at = 0;
            for (int k = 0; k < sizes.length; k++) {
                grads.add(l.gradient(data, TinyData.range(at, at + sizes[k])));
                weights[k] = sizes[k];
                at += sizes[k];
            }
            double[] union = l.gradient(data, TinyData.range(0, at));
            double[] averaged = Averaging.weighted(grads, weights);
            for (int i = 0; i < union.length; i++) {
                assertEquals(union[i], averaged[i], 1e-12 * Math.max(1, Math.abs(union[i])), "parameter " + i);
            }
        }
    }

    @Test
    void accumulatingWeightedBatchGradientsInsideTheEngineEqualsTheUnionBatch() {
        RandomStream r = new RandomStreams(36).stream("test/data");
        Samples[] sets = {TinyData.dense(r, 30, new int[] {6}, 4), TinyData.sparse(r, 30, 6, 4)};
        ModelSpec[] specs = {ModelSpec.mlp(4, 5), ModelSpec.logisticRegression(4, Regularization.l2(0.1))};
        for (int s = 0; s < 2; s++) {
            Samples data = sets[s];
            try (Learner a = Learners.create(specs[s], data, Precision.FLOAT64, new RandomStreams(37).stream("init"));
                 Learner b = Learners.create(specs[s], data, Precision.FLOAT64, new RandomStreams(37).stream("init"))) {
                int[] sizes = {3, 9, 5};
                int at = 0;
                for (int size : sizes) {
                    a.accumulate(data, TinyData.range(at, at + size), size);
                    at += size;
                }
                int[] union = TinyData.range(0, at);
                double[] expected = b.gradient(data, union);
                double[] pending = a.accumulatedGradient();
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], pending[i], 1e-12, specs[s].name() + " parameter " + i);
                }
                a.applyAccumulated(0.3);
                b.step(data, union, 0.3);
                double[] pa = a.parameters();
                double[] pb = b.parameters();
                for (int i = 0; i < pa.length; i++) {
                    assertEquals(pb[i], pa[i], 1e-12, specs[s].name() + " parameter " + i + " after the step");
                }
                assertThrows(IllegalStateException.class, a::accumulatedGradient, "the sum is cleared by applying");
            }
        }
    }

    /** PARTEL: K groups of N workers, each group the whole set; assembled blocks = full gradient. */
    @Test
    void partelBlockGradientsAssembleIntoTheCentralisedGradient() {
        RandomStream r = new RandomStreams(33).stream("test/data");
        Samples[] sets = {TinyData.dense(r, 37, new int[] {8}, 3), TinyData.sparse(r, 41, 11, 3)};
        for (Samples data : sets) {
            int groups = 3;
            int perGroup = 4;
            ModelSpec spec = ModelSpec.logisticRegression(3, Regularization.l2(0.05));
            try (Learner l = Learners.create(spec, data, Precision.FLOAT64, new RandomStreams(34).stream("init"))) {
                int p = l.parameterCount();
                long[] blocks = {p / 3, p / 3, p - 2 * (p / 3)};
                int[] labels = new int[data.size()];
                for (int i = 0; i < labels.length; i++) {
                    labels[i] = data.label(i);
                }
                int[][] parts = new Groups(groups).assign(labels, 3, groups * perGroup,
                        new RandomStreams(35).stream("data/partition"));
                double[][][] sent = new double[groups][perGroup][];
                int[][] samples = new int[groups][perGroup];
                for (int k = 0; k < groups; k++) {
                    for (int n = 0; n < perGroup; n++) {
                        int[] mine = parts[k * perGroup + n];
                        sent[k][n] = BlockGradients.block(l.gradient(data, mine), blocks, k);
                        samples[k][n] = mine.length;
                    }
                }
                double[] assembled = BlockGradients.assemble(blocks, sent, samples);
                double[] full = l.gradient(data, TinyData.range(0, data.size()));
                double norm = 0;
                double diff = 0;
                for (int i = 0; i < full.length; i++) {
                    norm += full[i] * full[i];
                    diff += (full[i] - assembled[i]) * (full[i] - assembled[i]);
                }
                double rel = Math.sqrt(diff / norm);
                assertEquals(0, rel, 1e-10, data.name() + ": relative error " + rel);
            }
        }
    }

    @Test
    void averagingRejectsMismatchedInputs() {
        assertThrows(IllegalArgumentException.class, () -> Averaging.weighted(List.of(new double[2]), new double[2]));
        assertThrows(IllegalArgumentException.class, () -> Averaging.weighted(List.of(new double[2]), new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> Averaging.weighted(List.of(new double[2], new double[3]), new double[] {1, 1}));
    }
}

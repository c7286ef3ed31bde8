package org.edgesim.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.model.Layer;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import umontreal.ssj.rng.RandomStream;

/** Every model's gradient against central finite differences of its loss, in double precision. */
class GradientsTest {
    static final ModelSpec SMALL_CNN = new ModelSpec("small-cnn", List.of(new Layer.Conv(3, 3, 1, true),
            new Layer.MaxPool(2), new Layer.Conv(4, 2, 0, true), new Layer.Dense(5, true), new Layer.Dense(3, false)),
            Regularization.NONE);

    static Stream<Arguments> models() {
        RandomStream r = new RandomStreams(11).stream("test/data");
        Dataset flat = TinyData.dense(r, 9, new int[] {7}, 3);
        Dataset image = TinyData.dense(r, 6, new int[] {1, 6, 6}, 3);
        return Stream.of(
                Arguments.of("logistic regression", ModelSpec.logisticRegression(3, Regularization.NONE), flat),
                Arguments.of("logistic regression l2", ModelSpec.logisticRegression(3, Regularization.l2(0.3)), flat),
                Arguments.of("mlp 7-6-4-3", ModelSpec.mlp(3, 6, 4), flat),
                Arguments.of("cnn", SMALL_CNN, image),
                Arguments.of("sparse logistic regression l2", ModelSpec.logisticRegression(3, Regularization.l2(0.2)),
                        TinyData.sparse(r, 8, 10, 3)));
    }

    /** Mean loss of the batch plus the L2 penalty, from {@link Learner#evaluate}. */
    static double loss(Learner l, Samples data, double[] w) {
        l.setParameters(w);
        double loss = l.evaluate(data).loss();
        if (l.spec().regularization().kind() == Regularization.Kind.L2) {
            // Weights only: the learner lays out weights then bias per layer; here one layer.
            int classes = 3;
            for (int k = 0; k < w.length - classes; k++) {
                loss += 0.5 * l.spec().regularization().lambda() * w[k] * w[k];
            }
        }
        return loss;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void gradientMatchesCentralFiniteDifferences(String name, ModelSpec spec, Samples data) {
        try (Learner l = Learners.create(spec, data, Precision.FLOAT64, new RandomStreams(12).stream("init"))) {
            double[] w = l.parameters();
            double[] g = l.gradient(data, TinyData.range(0, data.size()));
            assertArrayEquals(w, l.parameters(), "computing a gradient must not change the model");
            double h = 1e-6;
            double worst = 0;
            for (int k = 0; k < w.length; k++) {
                double[] plus = w.clone();
                double[] minus = w.clone();
                plus[k] += h;
                minus[k] -= h;
                double fd = (loss(l, data, plus) - loss(l, data, minus)) / (2 * h);
                double err = Math.abs(fd - g[k]) / Math.max(1e-3, Math.abs(fd) + Math.abs(g[k]));
                worst = Math.max(worst, err);
            }
            assertTrue(worst < 1e-4, name + ": worst relative error " + worst);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void aStepIsTheGradientApplied(String name, ModelSpec spec, Samples data) {
        int[] batch = TinyData.range(1, data.size());
        try (Learner a = Learners.create(spec, data, Precision.FLOAT64, new RandomStreams(13).stream("init"));
             Learner b = Learners.create(spec, data, Precision.FLOAT64, new RandomStreams(13).stream("init"))) {
            assertArrayEquals(a.parameters(), b.parameters());
            a.step(data, batch, 0.3);
            b.apply(b.gradient(data, batch), 0.3);
            double[] pa = a.parameters();
            double[] pb = b.parameters();
            for (int k = 0; k < pa.length; k++) {
                assertEquals(pb[k], pa[k], 1e-12, name + " parameter " + k);
            }
        }
    }

    @Test
    void l1ProximalStepZeroesSmallWeightsAndShrinksTheOthers() {
        RandomStream r = new RandomStreams(14).stream("test/data");
        Dataset flat = TinyData.dense(r, 5, new int[] {4}, 3);
        for (Samples data : new Samples[] {flat, TinyData.sparse(r, 5, 4, 3)}) {
            ModelSpec spec = ModelSpec.logisticRegression(3, Regularization.l1(0.5));
            try (Learner l = Learners.create(spec, data, Precision.FLOAT64, new RandomStreams(15).stream("init"))) {
                double[] w = {0.3, -0.3, 0.05, -0.05, 1, -1, 0.2, 0.1, 0, 2, -2, 0.01, 0.4, -0.4, 0.7};
                l.setParameters(w);
                double[] zero = new double[w.length];
                l.apply(zero, 0.2); // threshold 0.1 on the 12 weights, biases untouched
                double[] got = l.parameters();
                for (int k = 0; k < 12; k++) {
                    double expected = Math.signum(w[k]) * Math.max(Math.abs(w[k]) - 0.1, 0);
                    assertEquals(expected, got[k], 1e-12, "weight " + k);
                }
                for (int k = 12; k < 15; k++) {
                    assertEquals(w[k], got[k], 1e-12, "bias " + k);
                }
            }
        }
    }

    @Test
    void sparseAndDenseLearnersAgreeOnLogisticRegression() {
        RandomStream r = new RandomStreams(16).stream("test/data");
        var sparse = TinyData.sparse(r, 12, 9, 4);
        float[] x = new float[12 * 9];
        sparse.gatherDense(TinyData.range(0, 12), x);
        Dataset dense = new Dataset("dense", new int[] {9}, x, sparse.labels(), 4);
        ModelSpec spec = ModelSpec.logisticRegression(4, Regularization.l2(0.1));
        try (Learner s = Learners.create(spec, sparse, Precision.FLOAT64, new RandomStreams(17).stream("init"));
             Learner d = Learners.create(spec, dense, Precision.FLOAT64, new RandomStreams(17).stream("other"))) {
            d.setParameters(s.parameters());
            int[] batch = {0, 3, 5, 7, 11};
            double[] gs = s.gradient(sparse, batch);
            double[] gd = d.gradient(dense, batch);
            for (int k = 0; k < gs.length; k++) {
                assertEquals(gd[k], gs[k], 1e-12, "parameter " + k);
            }
            assertEquals(d.evaluate(dense).loss(), s.evaluate(sparse).loss(), 1e-12);
        }
    }
}

package org.edgesim.learning;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.data.FashionMnist;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The same thresholds on the full Fashion-MNIST (60,000 + 10,000) from Debian's
 * {@code dataset-fashion-mnist}, which {@code .ci/run} installs. Slower (about a minute on two
 * cores); skipped, saying so, where the package is absent; exclude with
 * {@code -DexcludedGroups=full-data}.
 */
@Tag("full-data")
class AccuracyOnFullFashionMnistTest {
    private static TrainTest<Dataset> data;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(FashionMnist.installed(FashionMnist.DEBIAN_FOLDER),
                "full Fashion-MNIST not installed (apt-get install dataset-fashion-mnist)");
        data = FashionMnist.full(FashionMnist.DEBIAN_FOLDER);
    }

    static double train(ModelSpec spec, int epochs, long seed) {
        RandomStreams streams = new RandomStreams(seed);
        try (Learner l = Learners.create(spec, data.train(), Precision.FLOAT32, streams.stream("learning/init"))) {
            var order = streams.stream("learning/order");
            double acc = 0;
            for (int e = 1; e <= epochs; e++) {
                Sgd.epoch(l, data.train(), 64, 0.1 * Math.pow(0.5, e - 1), order);
                acc = l.evaluate(data.test()).accuracy();
                System.out.printf("full %s epoch %d: test accuracy %.4f%n", spec.name(), e, acc);
            }
            return acc;
        }
    }

    @Test
    void logisticRegressionReachesEightyPercentInTwoEpochs() {
        double acc = train(ModelSpec.logisticRegression(10, Regularization.NONE), 2, 1);
        assertTrue(acc >= 0.80, "accuracy " + acc);
    }

    @Test
    void mlpReachesEightyFourPercentInThreeEpochs() {
        double acc = train(ModelSpec.mlp(10, 300, 124, 60), 3, 2);
        assertTrue(acc >= 0.84, "accuracy " + acc);
    }

    @Test
    void cnnReachesEightySixPercentInThreeEpochs() {
        double acc = train(ModelSpec.lenet(10), 3, 3);
        assertTrue(acc >= 0.86, "accuracy " + acc);
    }
}

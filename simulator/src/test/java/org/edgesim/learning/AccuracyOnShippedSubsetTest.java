package org.edgesim.learning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.data.FashionMnist;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real training on the shipped Fashion-MNIST subset (8,000 training, 2,000 test samples): the
 * test accuracy each model must reach (0.80 logistic regression, 0.84 MLP, 0.86 LeNet), within a
 * stated number of epochs of plain SGD.
 */
class AccuracyOnShippedSubsetTest {
    private static TrainTest<Dataset> data;

    @BeforeAll
    static void load() throws Exception {
        data = FashionMnist.shipped();
    }

    /** Epochs of SGD, batch 64, learning rate {@code lr} decayed by 0.85 per epoch; the last epoch's test accuracy. */
    static double train(ModelSpec spec, int epochs, double lr, long seed) {
        int batch = 64;
        RandomStreams streams = new RandomStreams(seed);
        try (Learner learner = Learners.create(spec, data.train(), Precision.FLOAT32, streams.stream("learning/init"))) {
            var order = streams.stream("learning/order");
            double best = 0;
            for (int e = 1; e <= epochs; e++) {
                Sgd.epoch(learner, data.train(), batch, lr * Math.pow(0.85, e - 1), order);
                Evaluation ev = learner.evaluate(data.test());
                System.out.printf("%s epoch %d: test accuracy %.4f, loss %.4f%n", spec.name(), e, ev.accuracy(), ev.loss());
                best = ev.accuracy();
            }
            return best;
        }
    }

    @Test
    void logisticRegressionReachesEightyPercentInEightEpochs() {
        double acc = train(ModelSpec.logisticRegression(10, Regularization.NONE), 8, 0.1, 1);
        assertTrue(acc >= 0.80, "accuracy " + acc);
    }

    @Test
    void mlpReachesEightyFourPercentInTwelveEpochs() {
        double acc = train(ModelSpec.mlp(10, 300, 124, 60), 12, 0.1, 2);
        assertTrue(acc >= 0.84, "accuracy " + acc);
    }

    @Test
    void cnnReachesEightySixPercentInFifteenEpochs() {
        double acc = train(ModelSpec.lenet(10), 15, 0.1, 3);
        assertTrue(acc >= 0.86, "accuracy " + acc);
    }
}

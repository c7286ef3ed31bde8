package org.edgesim.protocol.feel;

import org.edgesim.learning.TinyData;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;

/** The FEEL training tests' tiny set-up: 60 training and 20 test samples of 5 features and 3 classes, float64. */
final class TinyFeel {
    private TinyFeel() {
    }

    /** The samples, always the same. */
    static TrainTest<Samples> data() {
        RandomStreams data = new RandomStreams(91);
        return new TrainTest<>(TinyData.dense(data.stream("train"), 60, new int[] {5}, 3),
                TinyData.dense(data.stream("test"), 20, new int[] {5}, 3));
    }

    /** A learning section of step size 0.2 in float64 (its model: logistic regression). */
    static LearningSpec spec() {
        return new LearningSpec("fashion-mnist-small", null, null, null, null, null, null, null, 0.2, "float64", null);
    }

    /** Three devices holding 20 samples each, in order. */
    static int[][] thirds() {
        return new int[][] {TinyData.range(0, 20), TinyData.range(20, 40), TinyData.range(40, 60)};
    }
}

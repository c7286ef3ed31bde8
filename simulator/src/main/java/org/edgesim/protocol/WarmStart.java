package org.edgesim.protocol;

import java.util.Locale;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Sgd;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.WarmStartSpec;

/**
 * Central pre-training before round 1 ({@code learning.warmStart}): SGD epochs over the whole
 * training set until the test accuracy reaches the target. It reads only the learning section, the
 * data and the stream {@code learning/warm-start}, so every scheme of a comparison (common random
 * numbers) starts from the same bits.
 */
public final class WarmStart {
    /** How the pre-training ended: epochs run and the test accuracy reached. */
    public record Outcome(int epochs, double testAccuracy, double target) {
        public String describe() {
            return String.format(Locale.ROOT, "%d central epoch%s to test accuracy %.4f (target %.4g%s)", epochs,
                    epochs == 1 ? "" : "s", testAccuracy, target, testAccuracy >= target ? "" : ", not reached");
        }
    }

    private WarmStart() {
    }

    /** Pre-trains {@code learner} as {@code spec.warmStart()} says; null when the section has none. */
    public static Outcome apply(Learner learner, LearningSpec spec, TrainTest<Samples> data, RandomStreams streams) {
        WarmStartSpec w = spec.warmStart();
        if (w == null) {
            return null;
        }
        double step = w.stepSize() != null ? w.stepSize() : spec.stepSize();
        var stream = streams.stream("learning/warm-start");
        double accuracy = learner.evaluate(data.test()).accuracy();
        int epochs = 0;
        while (accuracy < w.accuracy() && epochs < w.maxEpochs()) {
            Sgd.epoch(learner, data.train(), w.batch(), step, stream);
            epochs++;
            accuracy = learner.evaluate(data.test()).accuracy();
        }
        return new Outcome(epochs, accuracy, w.accuracy());
    }
}

package org.edgesim.learning;

import java.util.Arrays;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.data.Samples;
import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * When and on what every protocol evaluates its model: after every {@code every}-th round and after
 * the last; on fixed subsets of the test and training sets (null: none of the training set), drawn
 * once per run. One place, so that the four protocols' accuracy columns mean the same thing.
 */
public final class EvaluationPlan {
    /** The streams of the subsets. */
    public static final String TEST_STREAM = "evaluation/test";
    public static final String TRAIN_STREAM = "evaluation/train";

    private final int every;
    private final Samples train;
    private final Samples test;

    private EvaluationPlan(int every, Samples train, Samples test) {
        this.every = every;
        this.train = train;
        this.test = test;
    }

    /** The scores of one evaluation (NaN: not computed). */
    public record Scores(double trainLoss, double trainAccuracy, double testLoss, double testAccuracy) {
        public static final Scores NONE = new Scores(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * The plan of a run on {@code train} and {@code test}: every {@code every} rounds, on
     * {@code testSamples} and {@code trainSamples} of them (null: all; training 0: none; more than
     * a set holds: all of it), the subsets from {@code streams}.
     */
    public static EvaluationPlan of(int every, Integer testSamples, Integer trainSamples, Samples train, Samples test,
                                    RandomStreams streams) {
        if (every < 1) {
            throw new IllegalArgumentException("evaluation every must be >= 1, got " + every);
        }
        Samples tr = trainSamples != null && trainSamples == 0 ? null
                : subset(train, trainSamples, streams == null ? null : streams.stream(TRAIN_STREAM), "train");
        Samples te = subset(test, testSamples, streams == null ? null : streams.stream(TEST_STREAM), "test");
        return new EvaluationPlan(every, tr, te);
    }

    /** Every round, on the whole sets. */
    public static EvaluationPlan whole(Samples train, Samples test) {
        return new EvaluationPlan(1, train, test);
    }

    private static Samples subset(Samples all, Integer n, RandomStream stream, String which) {
        if (n == null || n >= all.size()) {
            return all;
        }
        if (!(all instanceof Dataset dense)) {
            throw new IllegalArgumentException("only dense data can be evaluated on a subset of its " + which + " set");
        }
        // A partial Fisher-Yates shuffle: n distinct samples, equally likely; kept in the set's order.
        int[] order = new int[all.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < n; i++) {
            int j = i + Draws.index(stream, order.length - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] idx = Arrays.copyOf(order, n);
        Arrays.sort(idx);
        return dense.subset(dense.name() + " (" + n + " " + which + " samples)", idx);
    }

    /** Whether round {@code round} is evaluated ({@code last}: the run's last round). */
    public boolean due(int round, boolean last) {
        return last || round % every == 0;
    }

    /** Whether the training columns are computed. */
    public boolean trainMetrics() {
        return train != null;
    }

    /** The test set evaluated on. */
    public Samples test() {
        return test;
    }

    /** {@code learner}'s loss and accuracy on the plan's test set now (for protocols without training columns). */
    public Evaluation scoreTest(Learner learner) {
        return learner.evaluate(test);
    }

    /** {@code learner}'s scores now, on the plan's sets (the training ones NaN without training samples). */
    public Scores score(Learner learner) {
        if (train == null) {
            Evaluation onTest = learner.evaluate(test);
            return new Scores(Double.NaN, Double.NaN, onTest.loss(), onTest.accuracy());
        }
        Evaluation onTrain = learner.evaluate(train);
        Evaluation onTest = learner.evaluate(test);
        return new Scores(onTrain.loss(), onTrain.accuracy(), onTest.loss(), onTest.accuracy());
    }
}

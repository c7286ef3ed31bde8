package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * When and on what a run evaluates its model ({@code learning.evaluation}): after every
 * {@code every}-th round and after the last; on {@code testSamples} samples of the test set and
 * {@code trainSamples} of the training set (for the training loss and accuracy columns), each a
 * fixed subset drawn once per run from its own stream ({@code evaluation/test},
 * {@code evaluation/train}: the same for every scheme of a comparison). A round not evaluated
 * leaves its accuracy and loss cells empty; {@code trainSamples: 0} leaves the training columns
 * empty in every round. By default every round is evaluated on the whole sets, as the papers do.
 *
 * @param every        evaluate after every {@code every}-th round and the last (default 1)
 * @param testSamples  test samples evaluated (default: all)
 * @param trainSamples training samples evaluated (default: all; 0: none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationSpec(Integer every, Integer testSamples, Integer trainSamples) {
    public EvaluationSpec {
        every = every == null ? 1 : (int) InvalidField.atLeast("every", every, 1);
        if (testSamples != null) {
            InvalidField.atLeast("testSamples", testSamples, 1);
        }
        if (trainSamples != null) {
            InvalidField.atLeast("trainSamples", trainSamples, 0);
        }
    }

    /** Every round, on the whole sets. */
    public static final EvaluationSpec WHOLE = new EvaluationSpec(1, null, null);

    /** Whether the training columns are computed at all. */
    public boolean trainMetrics() {
        return trainSamples == null || trainSamples > 0;
    }

    /** One line for manifests. */
    public String describe() {
        return (every == 1 ? "every round" : "every " + every + " rounds and the last") + ", on "
                + (testSamples == null ? "the whole test set" : testSamples + " test samples")
                + (trainSamples == null ? "" : trainSamples == 0 ? ", no training samples"
                : ", " + trainSamples + " training samples");
    }
}

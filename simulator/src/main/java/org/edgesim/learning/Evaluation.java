package org.edgesim.learning;

/** Mean cross-entropy loss (without the penalty) and accuracy of a model on a data set. */
public record Evaluation(double loss, double accuracy, int samples) {
}

package org.edgesim.learning.data;

/** A training set and its test set. */
public record TrainTest<D>(D train, D test) {
}

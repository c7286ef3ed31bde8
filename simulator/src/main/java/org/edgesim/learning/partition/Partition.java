package org.edgesim.learning.partition;

import umontreal.ssj.rng.RandomStream;

/**
 * How a training set is spread over devices (spec README, "Data partitions"). Each returns, per
 * device, the indices of its samples; the draw comes only from the stream it is given (by
 * convention {@code data/partition}), so a partition is reproducible and independent of every
 * other random choice.
 */
public sealed interface Partition permits Iid, LabelShards, ClassesPerDevice, Groups, Offloaded {
    /**
     * Assigns samples with {@code labels} (classes {@code 0..classes-1}) to {@code devices}.
     *
     * @throws IllegalArgumentException if the data cannot be split this way, saying why
     */
    int[][] assign(int[] labels, int classes, int devices, RandomStream stream);

    /** A short description for outputs. */
    String describe();
}

package org.edgesim.learning.partition;

import umontreal.ssj.rng.RandomStream;

/**
 * Groups (paper 000, PARTEL): devices {@code g*N .. g*N+N-1} form group {@code g}; every group
 * holds the whole training set, split evenly over its workers, and the split (one shuffle) is the
 * same in every group: worker {@code n} of each group holds part {@code n}. So parameter {@code j}'s
 * assembled gradient is the same sum over the same parts whichever group owns it, and the paper's
 * Lemma 1 (the update does not depend on the block allocation) holds bit for bit, not only up to
 * rounding.
 */
public record Groups(int groups) implements Partition {
    public Groups {
        if (groups < 1) {
            throw new IllegalArgumentException("groups must be >= 1, got " + groups);
        }
    }

    @Override
    public int[][] assign(int[] labels, int classes, int devices, RandomStream stream) {
        if (devices % groups != 0) {
            throw new IllegalArgumentException(devices + " devices do not form " + groups + " equal groups");
        }
        int perGroup = devices / groups;
        Indices.requireDevices(perGroup, labels.length);
        int[][] out = new int[devices][];
        int[][] parts = Indices.split(Indices.shuffled(labels.length, stream), perGroup);
        for (int g = 0; g < groups; g++) {
            for (int n = 0; n < perGroup; n++) {
                out[g * perGroup + n] = parts[n].clone();
            }
        }
        return out;
    }

    @Override
    public String describe() {
        return "whole set per group, split the same way in each (" + groups + " groups)";
    }
}

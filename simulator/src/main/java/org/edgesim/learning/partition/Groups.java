package org.edgesim.learning.partition;

import umontreal.ssj.rng.RandomStream;

/**
 * Groups (paper 000, PARTEL): devices {@code g*N .. g*N+N-1} form group {@code g}; every group
 * holds the whole training set, split evenly (after one shuffle per group) over its workers.
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
        for (int g = 0; g < groups; g++) {
            int[][] parts = Indices.split(Indices.shuffled(labels.length, stream), perGroup);
            System.arraycopy(parts, 0, out, g * perGroup, perGroup);
        }
        return out;
    }

    @Override
    public String describe() {
        return "whole set per group (" + groups + " groups)";
    }
}

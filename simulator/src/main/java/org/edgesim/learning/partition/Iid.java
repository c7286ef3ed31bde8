package org.edgesim.learning.partition;

import umontreal.ssj.rng.RandomStream;

/** IID: shuffle, then split into equal parts (sizes differ by at most one). */
public record Iid() implements Partition {
    @Override
    public int[][] assign(int[] labels, int classes, int devices, RandomStream stream) {
        Indices.requireDevices(devices, labels.length);
        return Indices.split(Indices.shuffled(labels.length, stream), devices);
    }

    @Override
    public String describe() {
        return "iid";
    }
}

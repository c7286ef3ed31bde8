package org.edgesim.learning.partition;

import java.util.Arrays;
import umontreal.ssj.rng.RandomStream;

/**
 * Offloaded (paper 002, parallelised learning): the orchestrator sends device {@code k}
 * {@code sizes[k]} samples, disjoint, drawn at random from the training set.
 */
public record Offloaded(int[] sizes) implements Partition {
    public Offloaded {
        sizes = sizes.clone();
        for (int s : sizes) {
            if (s < 0) {
                throw new IllegalArgumentException("offloaded sizes must be >= 0, got " + s);
            }
        }
    }

    @Override
    public int[][] assign(int[] labels, int classes, int devices, RandomStream stream) {
        if (devices != sizes.length) {
            throw new IllegalArgumentException(sizes.length + " offloaded sizes for " + devices + " devices");
        }
        long total = Arrays.stream(sizes).asLongStream().sum();
        if (total > labels.length) {
            throw new IllegalArgumentException("offloading " + total + " samples but the set holds " + labels.length);
        }
        int[] order = Indices.shuffled(labels.length, stream);
        int[][] out = new int[devices][];
        int at = 0;
        for (int d = 0; d < devices; d++) {
            out[d] = Arrays.copyOfRange(order, at, at + sizes[d]);
            at += sizes[d];
        }
        return out;
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    @Override
    public String describe() {
        return "offloaded " + Arrays.toString(sizes);
    }
}

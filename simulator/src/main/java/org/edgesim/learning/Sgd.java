package org.edgesim.learning;

import org.edgesim.learning.data.Samples;
import umontreal.ssj.rng.RandomPermutation;
import umontreal.ssj.rng.RandomStream;

/** Plain mini-batch SGD on one data set: the centralised baseline, and the reference the tests hold schemes to. */
public final class Sgd {
    private Sgd() {
    }

    /**
     * One epoch: the samples in an order drawn from {@code stream}, in batches of
     * {@code batchSize} (the last one smaller), one step each.
     */
    public static void epoch(Learner learner, Samples data, int batchSize, double learningRate, RandomStream stream) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        RandomPermutation.shuffle(order, stream);
        for (int start = 0; start < order.length; start += batchSize) {
            int[] batch = java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
            learner.step(data, batch, learningRate);
        }
    }
}

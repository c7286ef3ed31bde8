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
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        epoch(learner, data, all, batchSize, learningRate, stream);
    }

    /**
     * One epoch over {@code samples} of {@code data} (a device's share): in an order drawn from
     * {@code stream}, in batches of {@code batchSize} (the last one smaller), one step each.
     */
    public static void epoch(Learner learner, Samples data, int[] samples, int batchSize, double learningRate,
                             RandomStream stream) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        int[] order = samples.clone();
        RandomPermutation.shuffle(order, stream);
        for (int start = 0; start < order.length; start += batchSize) {
            int[] batch = java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
            learner.step(data, batch, learningRate);
        }
    }

    /**
     * Async MEL's local work (docs/models/async-mel.md, "Learning"): {@code updates} passes over one learner's
     * {@code samples}, each one SGD epoch in mini-batches of {@code batchSize} (order drawn from
     * {@code stream}); with {@code batchSize >= samples.length} each pass is one full-batch gradient
     * step and draws nothing.
     */
    public static void localUpdates(Learner learner, Samples data, int[] samples, long updates, int batchSize,
                                    double learningRate, RandomStream stream) {
        if (updates < 0 || batchSize < 1 || samples.length == 0) {
            throw new IllegalArgumentException("needs updates >= 0, batch size >= 1 and samples, got " + updates
                    + ", " + batchSize + ", " + samples.length);
        }
        for (long u = 0; u < updates; u++) {
            if (batchSize >= samples.length) {
                learner.step(data, samples, learningRate);
            } else {
                epoch(learner, data, samples, batchSize, learningRate, stream);
            }
        }
    }

    /**
     * {@code size} distinct samples of {@code pool} (all of it if {@code size >= pool.length}) by a
     * partial Fisher-Yates shuffle, which leaves them at the front of {@code pool}.
     */
    public static int[] pick(int[] pool, int size, RandomStream stream) {
        int b = Math.min(size, pool.length);
        for (int i = 0; i < b; i++) {
            int j = stream.nextInt(i, pool.length - 1);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        return java.util.Arrays.copyOf(pool, b);
    }
}

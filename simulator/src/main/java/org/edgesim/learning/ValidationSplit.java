package org.edgesim.learning;

import java.util.Arrays;
import umontreal.ssj.rng.RandomStream;

/**
 * A held-out validation split of one learner's samples: {@link #size} of them drawn from a stream
 * of their own, the rest trained on.
 *
 * @param train      the samples trained on, in the order they were held
 * @param validation the held-out samples, in the order drawn
 */
public record ValidationSplit(int[] train, int[] validation) {
    /**
     * How many of {@code held} samples are held out: {@code round(fraction * held)}, at least one
     * and at most {@code held - 1}, so that both parts have a sample. A function of the count
     * alone, so a clock can charge the training part's epochs without the data.
     *
     * @throws IllegalArgumentException if {@code held < 2} or {@code fraction} is not in (0, 1)
     */
    public static int size(int held, double fraction) {
        if (held < 2 || !(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("a validation split needs at least 2 samples and a fraction in (0, 1),"
                    + " got " + held + " and " + fraction);
        }
        return (int) Math.min(held - 1, Math.max(1, Math.round(fraction * held)));
    }

    /** {@link #size} of {@code held} drawn from {@code stream} (a partial shuffle) for validation; the rest to train on. */
    public static ValidationSplit of(int[] held, double fraction, RandomStream stream) {
        int[] validation = Sgd.pick(held.clone(), size(held.length, fraction), stream);
        boolean[] out = new boolean[held.length];
        int[] sorted = held.clone();
        Arrays.sort(sorted);
        for (int v : validation) {
            out[Arrays.binarySearch(sorted, v)] = true;
        }
        int[] train = new int[held.length - validation.length];
        int at = 0;
        for (int s : held) {
            if (!out[Arrays.binarySearch(sorted, s)]) {
                train[at++] = s;
            }
        }
        return new ValidationSplit(train, validation);
    }
}

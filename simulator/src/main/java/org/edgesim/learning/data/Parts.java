package org.edgesim.learning.data;

/**
 * Fixed parts of a training set (the samples each worker holds for a whole run), laid out so that
 * each part is a run of consecutive samples: a dense set is copied once in the parts' order, and a
 * learner then reads a part as a slice of its resident copy (a view) instead of gathering its rows
 * again on every call (a fifth of a PARTEL run's time, measured). The same rows in the same order,
 * so gradients are the same bits. Other samples (sparse) are left as they are.
 *
 * @param data  the samples the parts index
 * @param parts per part, its samples' indices in {@code data}
 */
public record Parts(Samples data, int[][] parts) {
    /** {@code parts} of {@code data}, laid out one after another when {@code data} is dense. */
    public static Parts laidOut(Samples data, int[][] parts) {
        if (!(data instanceof Dataset dense)) {
            return new Parts(data, parts);
        }
        int total = 0;
        for (int[] p : parts) {
            total += p.length;
        }
        int[] order = new int[total];
        int[][] ranges = new int[parts.length][];
        int at = 0;
        for (int k = 0; k < parts.length; k++) {
            System.arraycopy(parts[k], 0, order, at, parts[k].length);
            ranges[k] = new int[parts[k].length];
            for (int i = 0; i < ranges[k].length; i++) {
                ranges[k][i] = at + i;
            }
            at += parts[k].length;
        }
        return new Parts(dense.subset(dense.name(), order), ranges);
    }
}

package org.edgesim.learning;

import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.data.SparseDataset;
import umontreal.ssj.rng.RandomStream;

/** Small generated data sets for exact tests. */
public final class TinyData {
    private TinyData() {
    }

    /** {@code n} samples of {@code shape}, features uniform in [0, 1], labels uniform over {@code classes}. */
    public static Dataset dense(RandomStream r, int n, int[] shape, int classes) {
        int dim = 1;
        for (int s : shape) {
            dim *= s;
        }
        float[] x = new float[n * dim];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextDouble();
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(0, classes - 1);
        }
        return new Dataset("tiny", shape, x, y, classes);
    }

    /** {@code n} sparse rows of {@code dim} features, about a third non-zero. */
    public static SparseDataset sparse(RandomStream r, int n, int dim, int classes) {
        java.util.List<Integer> cols = new java.util.ArrayList<>();
        java.util.List<Float> vals = new java.util.ArrayList<>();
        int[] start = new int[n + 1];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                if (r.nextDouble() < 0.33) {
                    cols.add(j);
                    vals.add((float) (2 * r.nextDouble() - 1));
                }
            }
            start[i + 1] = cols.size();
            y[i] = r.nextInt(0, classes - 1);
        }
        float[] v = new float[vals.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = vals.get(i);
        }
        return new SparseDataset("tiny-sparse", dim, start, cols.stream().mapToInt(Integer::intValue).toArray(), v, y,
                classes);
    }

    public static int[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return idx;
    }
}

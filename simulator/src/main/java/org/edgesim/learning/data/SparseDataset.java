package org.edgesim.learning.data;

/**
 * A labelled data set with sparse features in compressed rows (as LIBSVM files hold them, e.g.
 * News20's 62,061 features): sample {@code i} has the values {@code values[rowStart[i] ..
 * rowStart[i+1])} at the 0-based columns {@code columns[...]}, ascending.
 *
 * @param name     where it came from
 * @param dim      number of features (columns)
 * @param rowStart {@code size + 1} offsets into {@code columns} and {@code values}
 * @param columns  column of each stored value
 * @param values   the stored values
 * @param labels   class indices in {@code [0, classes)}
 * @param classes  number of classes
 */
public record SparseDataset(String name, int dim, int[] rowStart, int[] columns, float[] values, int[] labels,
                            int classes) implements Samples {
    public SparseDataset {
        if (rowStart.length != labels.length + 1 || rowStart[0] != 0 || rowStart[labels.length] != columns.length
                || columns.length != values.length) {
            throw new IllegalArgumentException(name + ": inconsistent compressed rows");
        }
        if (classes < 2) {
            throw new IllegalArgumentException(name + ": needs at least 2 classes, got " + classes);
        }
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public int[] sampleShape() {
        return new int[] {dim};
    }

    @Override
    public void gatherDense(int[] idx, float[] out) {
        java.util.Arrays.fill(out, 0, idx.length * dim, 0f);
        for (int r = 0; r < idx.length; r++) {
            for (int k = rowStart[idx[r]]; k < rowStart[idx[r] + 1]; k++) {
                out[r * dim + columns[k]] = values[k];
            }
        }
    }
}

package org.edgesim.learning.data;

import java.util.Arrays;

/**
 * A labelled data set held densely in memory: {@code size} samples of {@code dim} features each
 * (row-major, {@code float}), with the per-sample shape (e.g. {@code [1, 28, 28]}) that
 * convolutional models need. Features of image sets are scaled to [0, 1]. Immutable by
 * convention: the arrays are never handed out for writing.
 *
 * @param name       where it came from, for outputs ("fashion-mnist/train", ...)
 * @param shape      the shape of one sample; the product is {@code dim}
 * @param features   {@code size * dim} values
 * @param labels     {@code size} class indices in {@code [0, classes)}
 * @param classes    number of classes
 */
public record Dataset(String name, int[] shape, float[] features, int[] labels, int classes) implements Samples {
    public Dataset {
        shape = shape.clone();
        int dim = 1;
        for (int s : shape) {
            if (s <= 0) {
                throw new IllegalArgumentException(name + ": sample shape must be positive, got " + Arrays.toString(shape));
            }
            dim *= s;
        }
        if (features.length != (long) dim * labels.length) {
            throw new IllegalArgumentException(name + ": " + features.length + " feature values for "
                    + labels.length + " samples of " + dim);
        }
        if (classes < 2) {
            throw new IllegalArgumentException(name + ": needs at least 2 classes, got " + classes);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(name + ": label " + labels[i] + " of sample " + i
                        + " outside [0, " + classes + ")");
            }
        }
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int dim() {
        return product(shape);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public int[] sampleShape() {
        return shape.clone();
    }

    /** Copies the features of samples {@code idx} into {@code out}, row after row. */
    @Override
    public void gatherDense(int[] idx, float[] out) {
        int d = dim();
        for (int r = 0; r < idx.length; r++) {
            System.arraycopy(features, idx[r] * d, out, r * d, d);
        }
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    /** Feature {@code j} of sample {@code i}. */
    public float feature(int i, int j) {
        return features[i * dim() + j];
    }

    private static int product(int[] s) {
        int p = 1;
        for (int v : s) {
            p *= v;
        }
        return p;
    }

    /** A copy of samples {@code idx}, in that order, named {@code name}. */
    public Dataset subset(String name, int[] idx) {
        float[] x = new float[idx.length * dim()];
        gatherDense(idx, x);
        int[] y = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            y[i] = label(idx[i]);
        }
        return new Dataset(name, shape, x, y, classes);
    }
}

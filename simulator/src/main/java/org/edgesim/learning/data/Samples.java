package org.edgesim.learning.data;

/** What a learner needs of a data set, dense or sparse: labels, the sample shape, dense rows on demand. */
public sealed interface Samples permits Dataset, SparseDataset {
    String name();

    int size();

    int classes();

    int label(int i);

    /** The shape of one sample. */
    int[] sampleShape();

    /** Features per sample. */
    int dim();

    /** Writes the dense features of samples {@code idx} into {@code out}, row after row. */
    void gatherDense(int[] idx, float[] out);
}

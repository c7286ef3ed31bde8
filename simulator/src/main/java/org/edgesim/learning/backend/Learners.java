package org.edgesim.learning.backend;

import org.edgesim.learning.Learner;
import org.edgesim.learning.Precision;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.SparseDataset;
import org.edgesim.learning.djl.DjlLearner;
import org.edgesim.learning.model.Layer;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.sparse.SparseLogisticLearner;
import umontreal.ssj.rng.RandomStream;

/** Picks the learner for a model and its data: the sparse kernel for logistic regression on sparse data, DJL otherwise. */
public final class Learners {
    private Learners() {
    }

    /**
     * A learner of {@code spec} for samples like those of {@code data}, initialised from
     * {@code stream} (by convention {@code learning/init}).
     */
    public static Learner create(ModelSpec spec, Samples data, Precision precision, RandomStream stream) {
        Layer last = spec.layers().get(spec.layers().size() - 1);
        if (last instanceof Layer.Dense d && d.units() != data.classes()) {
            throw new IllegalArgumentException(spec.name() + " scores " + d.units() + " classes, " + data.name()
                    + " has " + data.classes());
        }
        if (data instanceof SparseDataset && spec.layers().size() == 1) {
            return new SparseLogisticLearner(spec, data.dim(), stream);
        }
        return new DjlLearner(spec, data.sampleShape(), precision, stream);
    }

    /**
     * Frees now what the learners keep of {@code data} (DJL's resident copy of a dense set) instead
     * of once {@code data} is collected, which for a copy made per run (a few tens of MB each) could
     * be many runs later; for data no learner reads any more.
     */
    public static void release(Samples data) {
        if (data instanceof org.edgesim.learning.data.Dataset dense) {
            DjlLearner.release(dense);
        }
    }
}

package org.edgesim.learning;

import java.util.ArrayList;
import java.util.List;

/**
 * The models of several edge servers (hierarchical learning) trained on one
 * {@link Learner}: each starts from the learner's model; {@link #hold} swaps a server's model in
 * (keeping the one it replaces); {@link #average} is the cloud's step, the weighted average every
 * server then goes on from.
 */
public final class EdgeModels {
    private final Learner learner;
    private final double[][] models;
    private int holding;

    /** {@code count} edge models, each the learner's model now; the learner holds model 0. */
    public EdgeModels(Learner learner, int count) {
        this.learner = learner;
        this.models = new double[count][];
        double[] start = learner.parameters();
        for (int c = 0; c < count; c++) {
            models[c] = start.clone();
        }
    }

    /** The learner holds edge model {@code c} from now on. */
    public void hold(int c) {
        if (c != holding) {
            models[holding] = learner.parameters();
            learner.setParameters(models[c]);
            holding = c;
        }
    }

    /**
     * The cloud's step: the edge models averaged with {@code weights} (0: left out; at least one
     * positive); every edge model, and the learner, is the average afterwards.
     */
    public void average(double[] weights) {
        models[holding] = learner.parameters();
        List<double[]> in = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int c = 0; c < models.length; c++) {
            if (weights[c] > 0) {
                in.add(models[c]);
                w.add(weights[c]);
            }
        }
        double[] average = Averaging.weighted(in, w.stream().mapToDouble(Double::doubleValue).toArray());
        for (int c = 0; c < models.length; c++) {
            models[c] = average.clone();
        }
        learner.setParameters(average);
    }
}

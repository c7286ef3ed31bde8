package org.edgesim.learning.sparse;

import org.edgesim.learning.Evaluation;
import org.edgesim.learning.Learner;
import org.edgesim.learning.SplitLearner;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.SparseDataset;
import org.edgesim.learning.model.Layer;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Profiles;
import org.edgesim.learning.model.Regularization;
import umontreal.ssj.rng.RandomStream;

/**
 * Multinomial logistic regression on sparse rows, written by hand: DJL's Java API has no sparse
 * matrix product on the CPU, and densifying News20's 62,061-feature rows would multiply the work
 * of a batch by about a hundred (its rows hold a few hundred non-zeros). Cost per sample is
 * {@code classes x non-zeros}. Parameters are laid out as DJL's dense layer lays them out
 * (weights {@code classes x dim} row-major, then biases), so both learners are interchangeable.
 * Dense data sets are accepted too (every feature is then a "non-zero").
 */
public final class SparseLogisticLearner implements Learner {
    private final ModelSpec spec;
    private final ModelProfile profile;
    private final int dim;
    private final int classes;
    /** Weights then biases. */
    private final double[] w;
    /** Weighted sum of accumulated data gradients, and the sum of their weights. */
    private double[] pending;
    private double pendingWeight;

    public SparseLogisticLearner(ModelSpec spec, int dim, RandomStream stream) {
        if (spec.layers().size() != 1 || !(spec.layers().get(0) instanceof Layer.Dense d) || d.relu()) {
            throw new IllegalArgumentException(spec.name() + ": the sparse learner trains logistic regression only");
        }
        this.spec = spec;
        this.dim = dim;
        this.classes = d.units();
        this.profile = Profiles.of(spec, new int[] {dim});
        this.w = new double[classes * dim + classes];
        initialize(stream);
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public ModelProfile profile() {
        return profile;
    }

    @Override
    public int parameterCount() {
        return w.length;
    }

    /** Xavier-uniform weights, zero biases (as the DJL learner). */
    @Override
    public void initialize(RandomStream stream) {
        double bound = Math.sqrt(6.0 / (dim + classes));
        for (int i = 0; i < classes * dim; i++) {
            w[i] = bound * (2 * stream.nextDouble() - 1);
        }
        java.util.Arrays.fill(w, classes * dim, w.length, 0);
    }

    @Override
    public double[] parameters() {
        return w.clone();
    }

    @Override
    public void setParameters(double[] parameters) {
        if (parameters.length != w.length) {
            throw new IllegalArgumentException("expected " + w.length + " parameters, got " + parameters.length);
        }
        System.arraycopy(parameters, 0, w, 0, w.length);
    }

    /** A row's non-zeros: columns and values. */
    private interface RowVisitor {
        void visit(int column, double value);
    }

    private void forEachNonZero(Samples data, int sample, float[] denseRow, RowVisitor v) {
        if (data instanceof SparseDataset s) {
            for (int k = s.rowStart()[sample]; k < s.rowStart()[sample + 1]; k++) {
                v.visit(s.columns()[k], s.values()[k]);
            }
        } else {
            data.gatherDense(new int[] {sample}, denseRow);
            for (int j = 0; j < dim; j++) {
                if (denseRow[j] != 0) {
                    v.visit(j, denseRow[j]);
                }
            }
        }
    }

    /** Class scores of one sample into {@code z}. */
    private void scores(Samples data, int sample, float[] row, double[] z) {
        int bias = classes * dim;
        for (int c = 0; c < classes; c++) {
            z[c] = w[bias + c];
        }
        forEachNonZero(data, sample, row, (j, x) -> {
            for (int c = 0; c < classes; c++) {
                z[c] += w[c * dim + j] * x;
            }
        });
    }

    /** Softmax in place; returns log-sum-exp. */
    private static double softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return max + Math.log(sum);
    }

    @Override
    public double[] gradient(Samples data, int[] batch) {
        double[] g = dataGradient(data, batch);
        addPenalty(g);
        return g;
    }

    private void addPenalty(double[] g) {
        if (spec.regularization().kind() == Regularization.Kind.L2) {
            for (int k = 0; k < classes * dim; k++) {
                g[k] += spec.regularization().lambda() * w[k];
            }
        }
    }

    /** Gradient of the batch's mean loss, without the penalty. */
    private double[] dataGradient(Samples data, int[] batch) {
        check(data, batch);
        double[] g = new double[w.length];
        double[] z = new double[classes];
        float[] row = new float[dim];
        int bias = classes * dim;
        double inv = 1.0 / batch.length;
        for (int i : batch) {
            scores(data, i, row, z);
            softmax(z);
            z[data.label(i)] -= 1;
            for (int c = 0; c < classes; c++) {
                g[bias + c] += z[c] * inv;
            }
            forEachNonZero(data, i, row, (j, x) -> {
                for (int c = 0; c < classes; c++) {
                    g[c * dim + j] += z[c] * x * inv;
                }
            });
        }
        return g;
    }

    @Override
    public void apply(double[] gradient, double learningRate) {
        if (gradient.length != w.length) {
            throw new IllegalArgumentException("expected a gradient of " + w.length + ", got " + gradient.length);
        }
        for (int k = 0; k < w.length; k++) {
            w[k] -= learningRate * gradient[k];
        }
        if (spec.regularization().kind() == Regularization.Kind.L1) {
            double t = learningRate * spec.regularization().lambda();
            for (int k = 0; k < classes * dim; k++) {
                w[k] = Math.signum(w[k]) * Math.max(Math.abs(w[k]) - t, 0);
            }
        }
    }

    @Override
    public void accumulate(Samples data, int[] batch, double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and > 0, got " + weight);
        }
        double[] g = dataGradient(data, batch);
        if (pending == null) {
            pending = new double[w.length];
        }
        for (int k = 0; k < g.length; k++) {
            pending[k] += weight * g[k];
        }
        pendingWeight += weight;
    }

    @Override
    public double[] accumulatedGradient() {
        if (pendingWeight == 0) {
            throw new IllegalStateException("no gradient accumulated");
        }
        double[] g = new double[w.length];
        for (int k = 0; k < g.length; k++) {
            g[k] = pending[k] / pendingWeight;
        }
        addPenalty(g);
        return g;
    }

    @Override
    public void applyAccumulated(double learningRate) {
        double[] g = accumulatedGradient();
        java.util.Arrays.fill(pending, 0);
        pendingWeight = 0;
        apply(g, learningRate);
    }

    @Override
    public void step(Samples data, int[] batch, double learningRate) {
        apply(gradient(data, batch), learningRate);
    }

    @Override
    public Evaluation evaluate(Samples data) {
        double[] z = new double[classes];
        float[] row = new float[dim];
        double loss = 0;
        int hits = 0;
        for (int i = 0; i < data.size(); i++) {
            scores(data, i, row, z);
            int best = 0;
            for (int c = 1; c < classes; c++) {
                best = z[c] > z[best] ? c : best;
            }
            hits += best == data.label(i) ? 1 : 0;
            loss += softmaxLoss(z, data.label(i));
        }
        return new Evaluation(loss / data.size(), (double) hits / data.size(), data.size());
    }

    private static double softmaxLoss(double[] z, int label) {
        double zl = z[label];
        return softmax(z) - zl;
    }

    @Override
    public SplitLearner split(int cut) {
        throw new UnsupportedOperationException("split learning needs a chain model on the DJL learner;"
                + " the sparse learner trains logistic regression only");
    }

    @Override
    public void close() {
        // Nothing native to free.
    }

    private void check(Samples data, int[] batch) {
        if (batch.length == 0) {
            throw new IllegalArgumentException("empty batch");
        }
        if (data.dim() != dim || data.classes() != classes) {
            throw new IllegalArgumentException(data.name() + ": " + data.dim() + " features and " + data.classes()
                    + " classes for a model of " + dim + " and " + classes);
        }
    }
}

package org.edgesim.learning.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.edgesim.learning.Precision;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.model.Layer;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import umontreal.ssj.rng.RandomStream;

/**
 * A chain model built with DJL, one block per layer so that any range of layers can run on its
 * own: the whole model for ordinary training, a prefix on a device and the rest on the server for
 * split learning. Parameters are flat vectors in layer order (weights, then bias).
 */
final class DjlChain implements AutoCloseable {
    final ModelSpec spec;
    final int[] inputShape;
    final DataType dtype;
    private final NDManager manager;
    private final ParameterStore store;
    private final List<Block> blocks = new ArrayList<>();
    /** Per layer, its parameters in order. */
    private final List<List<Parameter>> parameters = new ArrayList<>();
    /** Offsets of each layer's parameters in the flat vector; {@code offsets[L]} = total. */
    private final int[] offsets;
    /** Per layer, whether the ReLU follows (He initialisation) or not (Xavier). */
    private final boolean[] relu;

    DjlChain(ModelSpec spec, int[] inputShape, Precision precision) {
        this.spec = spec;
        this.inputShape = inputShape.clone();
        this.dtype = precision == Precision.FLOAT64 ? DataType.FLOAT64 : DataType.FLOAT32;
        this.manager = DjlRuntime.engine().newBaseManager();
        this.store = new ParameterStore(manager, false);
        int layers = spec.layers().size();
        offsets = new int[layers + 1];
        relu = new boolean[layers];
        Shape in = batchShape(1);
        for (int i = 0; i < layers; i++) {
            Layer layer = spec.layers().get(i);
            Block block = build(layer, in.dimension() > 2);
            block.initialize(manager, dtype, in);
            in = block.getOutputShapes(new Shape[] {in})[0];
            blocks.add(block);
            List<Parameter> ps = new ArrayList<>();
            for (Pair<String, Parameter> p : block.getParameters()) {
                ps.add(p.getValue());
            }
            parameters.add(ps);
            long count = ps.stream().mapToLong(p -> p.getArray().size()).sum();
            offsets[i + 1] = Math.toIntExact(offsets[i] + count);
            relu[i] = layer instanceof Layer.Conv c ? c.relu() : layer instanceof Layer.Dense d && d.relu();
        }
    }

    private static Block build(Layer layer, boolean imageInput) {
        if (layer instanceof Layer.Conv c) {
            SequentialBlock b = new SequentialBlock().add(Conv2d.builder().setKernelShape(new Shape(c.kernel(), c.kernel()))
                    .setFilters(c.filters()).optPadding(new Shape(c.padding(), c.padding())).build());
            return c.relu() ? b.add(Activation.reluBlock()) : b;
        }
        if (layer instanceof Layer.MaxPool m) {
            return MaxPooling.block(m.size());
        }
        Layer.Dense d = (Layer.Dense) layer;
        SequentialBlock b = new SequentialBlock();
        if (imageInput) {
            b.add(Blocks.batchFlattenBlock());
        }
        b.add(Linear.builder().setUnits(d.units()).build());
        return d.relu() ? b.add(Activation.reluBlock()) : b;
    }

    int layers() {
        return blocks.size();
    }

    /** A fresh, uninitialised block of layer {@code i}, for building the same network elsewhere. */
    Block block(int i) {
        return build(spec.layers().get(i), i > 0 && !(spec.layers().get(i - 1) instanceof Layer.Dense)
                && spec.convolutional());
    }

    /** Parameters of layers {@code [from, to)}. */
    int parameterCount(int from, int to) {
        return offsets[to] - offsets[from];
    }

    /** The shape of a batch of {@code n} inputs: images keep their shape for convolutions, else flat rows. */
    Shape batchShape(int n) {
        if (spec.convolutional()) {
            long[] dims = new long[inputShape.length + 1];
            dims[0] = n;
            for (int i = 0; i < inputShape.length; i++) {
                dims[i + 1] = inputShape[i];
            }
            return new Shape(dims);
        }
        long dim = 1;
        for (int v : inputShape) {
            dim *= v;
        }
        return new Shape(n, dim);
    }

    NDManager newScope() {
        return manager.newSubManager();
    }

    /** The inputs of samples {@code batch} as an array in {@code scope}. */
    NDArray inputs(NDManager scope, Samples data, int[] batch) {
        if (data instanceof org.edgesim.learning.data.Dataset dense && !Resident.COPYING.get()) {
            return Resident.rows(scope, dense, batch, dtype, batchShape(batch.length));
        }
        int dim = data.dim();
        float[] x = new float[batch.length * dim];
        data.gatherDense(batch, x);
        NDArray a = scope.create(x, batchShape(batch.length));
        return dtype == DataType.FLOAT32 ? a : a.toType(dtype, false);
    }

    NDArray labels(NDManager scope, int[] labels) {
        long[] l = new long[labels.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = labels[i];
        }
        return scope.create(l, new Shape(l.length, 1));
    }

    NDArray array(NDManager scope, double[] values, Shape shape) {
        if (dtype == DataType.FLOAT64) {
            return scope.create(values, shape);
        }
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) values[i];
        }
        return scope.create(f, shape);
    }

    static double[] toDoubles(NDArray a) {
        if (a.getDataType() == DataType.FLOAT64) {
            return a.toDoubleArray();
        }
        float[] f = a.toFloatArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    /** Runs layers {@code [from, to)} on {@code x}. */
    NDArray forward(NDArray x, int from, int to, boolean training) {
        NDArray out = x;
        for (int i = from; i < to; i++) {
            out = blocks.get(i).forward(store, new NDList(out), training).singletonOrThrow();
        }
        return out;
    }

    /** Mean softmax cross-entropy of {@code scores} against {@code labels} (an {@code n x 1} index array). */
    static NDArray meanCrossEntropy(NDArray scores, NDArray labels) {
        return scores.logSoftmax(1).get(new NDIndex().addAllDim().addPickDim(labels)).neg().mean();
    }

    /** The summed cross-entropy and the number of correct predictions of {@code scores}. */
    static double[] lossAndHits(NDArray scores, NDArray labels) {
        double loss = scores.logSoftmax(1).get(new NDIndex().addAllDim().addPickDim(labels)).neg().sum()
                .toType(DataType.FLOAT64, false).getDouble();
        double hits = scores.argMax(1).toType(DataType.INT64, false).eq(labels.flatten()).sum()
                .toType(DataType.FLOAT64, false).getDouble();
        return new double[] {loss, hits};
    }

    /** Flat values of layers {@code [from, to)}. */
    double[] values(int from, int to) {
        double[] out = new double[parameterCount(from, to)];
        int at = 0;
        for (int i = from; i < to; i++) {
            for (Parameter p : parameters.get(i)) {
                double[] v = toDoubles(p.getArray());
                System.arraycopy(v, 0, out, at, v.length);
                at += v.length;
            }
        }
        return out;
    }

    /** Sets layers {@code [from, to)} from {@code values}. */
    void setValues(int from, int to, double[] values) {
        if (values.length != parameterCount(from, to)) {
            throw new IllegalArgumentException("expected " + parameterCount(from, to) + " parameters, got "
                    + values.length);
        }
        int at = 0;
        try (Autograd ignored = Autograd.off()) {
            for (int i = from; i < to; i++) {
                for (Parameter p : parameters.get(i)) {
                    NDArray a = p.getArray();
                    int n = Math.toIntExact(a.size());
                    if (dtype == DataType.FLOAT64) {
                        a.set(DoubleBuffer.wrap(values, at, n).slice());
                    } else {
                        float[] f = new float[n];
                        for (int k = 0; k < n; k++) {
                            f[k] = (float) values[at + k];
                        }
                        a.set(FloatBuffer.wrap(f));
                    }
                    at += n;
                }
            }
        }
    }

    /** Flat gradients of layers {@code [from, to)} (plus the L2 term on weights), then zeroes them. */
    double[] takeGradients(int from, int to) {
        return gradients(from, to, 1, true);
    }

    /** {@code scale} times the recorded gradients of layers {@code [from, to)}, plus the L2 term; zeroes them if {@code clear}. */
    double[] gradients(int from, int to, double scale, boolean clear) {
        double[] out = new double[parameterCount(from, to)];
        int at = 0;
        Regularization r = spec.regularization();
        for (int i = from; i < to; i++) {
            for (Parameter p : parameters.get(i)) {
                NDArray a = p.getArray();
                double[] g;
                try (NDArray grad = a.getGradient()) {
                    g = toDoubles(grad);
                }
                for (int k = 0; k < g.length; k++) {
                    g[k] *= scale;
                }
                if (r.kind() == Regularization.Kind.L2 && p.getType() == Parameter.Type.WEIGHT) {
                    double[] w = toDoubles(a);
                    for (int k = 0; k < g.length; k++) {
                        g[k] += r.lambda() * w[k];
                    }
                }
                if (clear) {
                    Autograd.zeroGradient(a);
                }
                System.arraycopy(g, 0, out, at, g.length);
                at += g.length;
            }
        }
        return out;
    }

    /**
     * {@code w <- w - lr (scale g + L2)} on layers {@code [from, to)} with the recorded gradients
     * {@code g}, then L1's proximal step; zeroes them.
     */
    void descendRecorded(int from, int to, double learningRate, double scale) {
        Regularization r = spec.regularization();
        try (Autograd ignored = Autograd.off()) {
            for (int i = from; i < to; i++) {
                for (Parameter p : parameters.get(i)) {
                    NDArray w = p.getArray();
                    boolean weight = p.getType() == Parameter.Type.WEIGHT;
                    try (NDArray grad = w.getGradient()) {
                        if (r.kind() == Regularization.Kind.L2 && weight) {
                            try (NDArray decay = w.mul(learningRate * r.lambda())) {
                                w.subi(decay);
                            }
                        }
                        try (NDArray update = grad.mul(learningRate * scale)) {
                            w.subi(update);
                        }
                    }
                    if (r.kind() == Regularization.Kind.L1 && weight) {
                        softThreshold(w, learningRate * r.lambda());
                    }
                    Autograd.zeroGradient(w);
                }
            }
        }
    }

    /** {@code w <- w - lr g} on layers {@code [from, to)} with a given flat gradient, then L1's proximal step. */
    void descend(int from, int to, double[] gradient, double learningRate) {
        if (gradient.length != parameterCount(from, to)) {
            throw new IllegalArgumentException("expected a gradient of " + parameterCount(from, to) + ", got "
                    + gradient.length);
        }
        Regularization r = spec.regularization();
        int at = 0;
        try (NDManager scope = newScope(); Autograd ignored = Autograd.off()) {
            for (int i = from; i < to; i++) {
                for (Parameter p : parameters.get(i)) {
                    NDArray w = p.getArray();
                    int n = Math.toIntExact(w.size());
                    double[] g = new double[n];
                    for (int k = 0; k < n; k++) {
                        g[k] = learningRate * gradient[at + k];
                    }
                    try (NDArray update = array(scope, g, w.getShape())) {
                        w.subi(update);
                    }
                    if (r.kind() == Regularization.Kind.L1 && p.getType() == Parameter.Type.WEIGHT) {
                        softThreshold(w, learningRate * r.lambda());
                    }
                    at += n;
                }
            }
        }
    }

    /** {@code w <- sign(w) max(|w| - t, 0)}, in place. */
    private static void softThreshold(NDArray w, double t) {
        try (NDArray abs = w.abs(); NDArray shrunk = abs.sub(t); NDArray kept = shrunk.maximum(0);
             NDArray sign = w.sign(); NDArray next = kept.mul(sign); NDArray diff = w.sub(next)) {
            w.subi(diff);
        }
    }

    /** He-uniform (ReLU layers) or Xavier-uniform weights from {@code stream}, zero biases, on every layer. */
    void initialize(RandomStream stream) {
        double[] values = new double[offsets[layers()]];
        int at = 0;
        for (int i = 0; i < layers(); i++) {
            for (Parameter p : parameters.get(i)) {
                Shape s = p.getArray().getShape();
                int n = Math.toIntExact(s.size());
                if (p.getType() == Parameter.Type.WEIGHT) {
                    long receptive = s.dimension() > 2 ? s.slice(2).size() : 1;
                    double fanIn = s.get(1) * receptive;
                    double fanOut = s.get(0) * receptive;
                    double bound = relu[i] ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
                    for (int k = 0; k < n; k++) {
                        values[at + k] = bound * (2 * stream.nextDouble() - 1);
                    }
                }
                at += n;
            }
        }
        setValues(0, layers(), values);
    }

    @Override
    public void close() {
        manager.close();
    }
}

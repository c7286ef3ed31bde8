package org.edgesim.learning.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edgesim.learning.SplitLearner;
import org.edgesim.learning.data.Samples;

/** A {@link SplitLearner} on a {@link DjlChain} of its own. */
final class DjlSplitLearner implements SplitLearner {
    private final DjlChain chain;
    private final int cut;
    /** Counts the changes of the device-side weights, so that a recorded pass knows whether its weights are still there. */
    private long deviceVersion;

    DjlSplitLearner(DjlChain chain, int cut) {
        if (cut < 1 || cut > chain.layers()) {
            chain.close();
            throw new IllegalArgumentException("cut layer must be in 1.." + chain.layers() + ", got " + cut);
        }
        this.chain = chain;
        this.cut = cut;
    }

    @Override
    public int cut() {
        return cut;
    }

    @Override
    public double[] deviceParameters() {
        return chain.values(0, cut);
    }

    @Override
    public void setDeviceParameters(double[] parameters) {
        deviceVersion++;
        chain.setValues(0, cut, parameters);
    }

    @Override
    public double[] serverParameters() {
        return chain.values(cut, chain.layers());
    }

    @Override
    public void setServerParameters(double[] parameters) {
        chain.setValues(cut, chain.layers(), parameters);
    }

    @Override
    public Smashed deviceForward(Samples data, int[] batch) {
        try (NDManager scope = chain.newScope(); Autograd ignored = Autograd.off()) {
            return smashed(chain.forward(chain.inputs(scope, data, batch), 0, cut, true), data, batch);
        }
    }

    private static Smashed smashed(NDArray out, Samples data, int[] batch) {
        Shape s = out.getShape();
        int[] perSample = new int[s.dimension() - 1];
        for (int i = 1; i < s.dimension(); i++) {
            perSample[i - 1] = Math.toIntExact(s.get(i));
        }
        return new Smashed(DjlChain.toDoubles(out), perSample, DjlLearner.labels(data, batch));
    }

    @Override
    public Pass deviceRecorded(Samples data, int[] batch) {
        NDManager scope = chain.newScope();
        try {
            NDArray out;
            try (Autograd ignored = Autograd.record()) {
                out = chain.forward(chain.inputs(scope, data, batch), 0, cut, true);
            }
            return new Recorded(scope, out, smashed(out, data, batch), deviceVersion);
        } catch (RuntimeException e) {
            scope.close();
            throw e;
        }
    }

    /** A recorded pass: its scope holds the graph until the gradient is taken or the pass is closed. */
    private final class Recorded implements Pass {
        private final NDManager scope;
        private final NDArray out;
        private final Smashed smashed;
        private final long version;

        Recorded(NDManager scope, NDArray out, Smashed smashed, long version) {
            this.scope = scope;
            this.out = out;
            this.smashed = smashed;
            this.version = version;
        }

        @Override
        public Smashed smashed() {
            return smashed;
        }

        @Override
        public double[] gradient(double[] smashedGradient) {
            if (!scope.isOpen()) {
                throw new IllegalStateException("this pass's gradient was taken already, or the pass was closed");
            }
            try {
                if (version != deviceVersion) {
                    throw new IllegalStateException("the device-side weights changed since this pass ran");
                }
                if (smashedGradient.length != out.size()) {
                    throw new IllegalArgumentException("smashed gradient of " + smashedGradient.length
                            + " values for " + out.size() + " activations");
                }
                try (Autograd ignored = Autograd.record()) {
                    Autograd.backward(out, chain.array(scope, smashedGradient, out.getShape()));
                }
                return chain.takeGradients(0, cut);
            } finally {
                scope.close();
            }
        }

        @Override
        public void close() {
            scope.close();
        }
    }

    @Override
    public List<double[]> serverStep(List<Smashed> parts, double learningRate) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no smashed data");
        }
        int[] shape = parts.get(0).sampleShape();
        int perSample = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        int total = 0;
        for (Smashed p : parts) {
            if (!Arrays.equals(p.sampleShape(), shape)) {
                throw new IllegalArgumentException("smashed data of different shapes");
            }
            total += p.batch();
        }
        double[] values = new double[total * perSample];
        int[] labels = new int[total];
        int at = 0;
        for (Smashed p : parts) {
            System.arraycopy(p.values(), 0, values, at * perSample, p.values().length);
            System.arraycopy(p.labels(), 0, labels, at, p.batch());
            at += p.batch();
        }
        long[] dims = new long[shape.length + 1];
        dims[0] = total;
        for (int i = 0; i < shape.length; i++) {
            dims[i + 1] = shape[i];
        }
        double[] gradient;
        try (NDManager scope = chain.newScope()) {
            NDArray smashed = chain.array(scope, values, new Shape(dims));
            smashed.setRequiresGradient(true);
            try (Autograd ignored = Autograd.record()) {
                NDArray scores = chain.forward(smashed, cut, chain.layers(), true);
                Autograd.backward(DjlChain.meanCrossEntropy(scores, chain.labels(scope, labels)));
            }
            try (NDArray g = smashed.getGradient()) {
                gradient = DjlChain.toDoubles(g);
            }
        }
        chain.descendRecorded(cut, chain.layers(), learningRate, 1);
        // d(mean over all)/d s_i = (1/B) dl_i; part i's own mean loss has (1/b_i) dl_i.
        List<double[]> out = new ArrayList<>();
        at = 0;
        for (Smashed p : parts) {
            double scale = (double) total / p.batch();
            double[] g = Arrays.copyOfRange(gradient, at * perSample, (at + p.batch()) * perSample);
            for (int k = 0; k < g.length; k++) {
                g[k] *= scale;
            }
            out.add(g);
            at += p.batch();
        }
        return out;
    }

    @Override
    public double[] deviceGradient(Samples data, int[] batch, double[] smashedGradient) {
        try (NDManager scope = chain.newScope()) {
            try (Autograd ignored = Autograd.record()) {
                NDArray out = chain.forward(chain.inputs(scope, data, batch), 0, cut, true);
                if (smashedGradient.length != out.size()) {
                    throw new IllegalArgumentException("smashed gradient of " + smashedGradient.length
                            + " values for " + out.size() + " activations");
                }
                Autograd.backward(out, chain.array(scope, smashedGradient, out.getShape()));
            }
        }
        return chain.takeGradients(0, cut);
    }

    @Override
    public void applyDevice(double[] gradient, double learningRate) {
        deviceVersion++;
        chain.descend(0, cut, gradient, learningRate);
    }

    @Override
    public void close() {
        chain.close();
    }
}

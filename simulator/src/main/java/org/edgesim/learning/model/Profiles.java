package org.edgesim.learning.model;

import java.util.ArrayList;
import java.util.List;

/** Derives a {@link ModelProfile} from a {@link ModelSpec} and the input shape, checking that the chain is valid. */
public final class Profiles {
    private Profiles() {
    }

    /**
     * The profile of {@code spec} on samples of {@code inputShape} ({@code [channels, height,
     * width]} for images, or {@code [features]}).
     *
     * @throws IllegalArgumentException if a layer does not fit its input (e.g. a kernel larger
     *                                  than the padded image)
     */
    public static ModelProfile of(ModelSpec spec, int[] inputShape) {
        return of(spec, inputShape, false);
    }

    /**
     * The profile of {@code spec} counted by the CPSL paper's conventions: one FLOP per
     * multiply-accumulate (convolutions and dense layers; pooling and activations free), and the
     * backward pass as costly as the forward ("the computation workloads of FP and BP processes
     * are assumed to be the same").
     */
    public static ModelProfile paperConventions(ModelSpec spec, int[] inputShape) {
        return of(spec, inputShape, true);
    }

    private static ModelProfile of(ModelSpec spec, int[] inputShape, boolean macs) {
        int[] shape = inputShape.clone();
        List<LayerProfile> out = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < spec.layers().size(); i++) {
            Layer layer = spec.layers().get(i);
            LayerProfile p;
            if (layer instanceof Layer.Conv c) {
                p = conv(spec, i, c, shape);
            } else if (layer instanceof Layer.MaxPool m) {
                p = pool(spec, i, m, shape);
            } else {
                p = dense((Layer.Dense) layer, shape);
            }
            if (macs) {
                p = asMacs(layer, p, shape);
            }
            out.add(p);
            total += p.parameters();
            shape = p.outputShape();
        }
        return new ModelProfile(spec.name(), inputShape.clone(), total, 32, out);
    }

    /** {@code p} with forward = backward = the layer's multiply-accumulates on input {@code in}. */
    private static LayerProfile asMacs(Layer layer, LayerProfile p, int[] in) {
        double macs;
        if (layer instanceof Layer.Conv c) {
            macs = (double) p.outputElements() * in[0] * c.kernel() * c.kernel();
        } else if (layer instanceof Layer.Dense) {
            double inputs = 1;
            for (int v : in) {
                inputs *= v;
            }
            macs = inputs * p.outputElements();
        } else {
            macs = 0;
        }
        return new LayerProfile(p.name(), p.parameters(), p.outputShape(), p.outputElements(), macs, macs);
    }

    private static int[] image(ModelSpec spec, int i, int[] shape) {
        if (shape.length != 3) {
            throw new IllegalArgumentException(spec.name() + ": layer " + (i + 1)
                    + " needs image input [channels, height, width], got " + java.util.Arrays.toString(shape));
        }
        return shape;
    }

    private static LayerProfile conv(ModelSpec spec, int i, Layer.Conv c, int[] in) {
        int[] s = image(spec, i, in);
        int h = s[1] + 2 * c.padding() - c.kernel() + 1;
        int w = s[2] + 2 * c.padding() - c.kernel() + 1;
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException(spec.name() + ": layer " + (i + 1) + " (" + c.describe()
                    + ") does not fit its " + s[1] + "x" + s[2] + " input");
        }
        long params = (long) c.filters() * s[0] * c.kernel() * c.kernel() + c.filters();
        long outputs = (long) c.filters() * h * w;
        double macs = (double) outputs * s[0] * c.kernel() * c.kernel();
        double forward = 2 * macs + outputs + (c.relu() ? outputs : 0);
        return new LayerProfile(c.describe(), params, new int[] {c.filters(), h, w}, outputs, forward,
                4 * macs + (c.relu() ? outputs : 0));
    }

    private static LayerProfile pool(ModelSpec spec, int i, Layer.MaxPool m, int[] in) {
        int[] s = image(spec, i, in);
        int h = s[1] / m.size();
        int w = s[2] / m.size();
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException(spec.name() + ": layer " + (i + 1) + " (" + m.describe()
                    + ") does not fit its " + s[1] + "x" + s[2] + " input");
        }
        long outputs = (long) s[0] * h * w;
        return new LayerProfile(m.describe(), 0, new int[] {s[0], h, w}, outputs,
                (double) outputs * m.size() * m.size(), outputs);
    }

    private static LayerProfile dense(Layer.Dense d, int[] in) {
        long inputs = 1;
        for (int v : in) {
            inputs *= v;
        }
        long params = inputs * d.units() + d.units();
        double macs = (double) inputs * d.units();
        return new LayerProfile(d.describe(), params, new int[] {d.units()}, d.units(),
                2 * macs + d.units() + (d.relu() ? d.units() : 0), 4 * macs + (d.relu() ? d.units() : 0));
    }
}

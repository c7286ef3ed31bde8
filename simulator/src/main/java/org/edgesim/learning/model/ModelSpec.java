package org.edgesim.learning.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A chain model: layers applied in order to one sample of a given shape, ending in one score per
 * class. Logistic regression, MLPs and CNNs are all chains, so that one builder, one profile and
 * one split executor serve every scheme.
 *
 * @param name           for outputs ("mlp 784-300-124-60-10", ...)
 * @param layers         in order; the last is a {@link Layer.Dense} without ReLU
 * @param regularization penalty on the weights
 */
public record ModelSpec(String name, List<Layer> layers, Regularization regularization) {
    public ModelSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException(name + ": a model needs at least one layer");
        }
        if (!(layers.get(layers.size() - 1) instanceof Layer.Dense last) || last.relu()) {
            throw new IllegalArgumentException(name + ": the last layer must be a dense layer without ReLU (the class scores)");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i) instanceof Layer.Conv && !(layers.get(i - 1) instanceof Layer.Conv)
                    && !(layers.get(i - 1) instanceof Layer.MaxPool)) {
                throw new IllegalArgumentException(name + ": layer " + (i + 1) + " is a convolution after a dense layer");
            }
        }
    }

    /** Multinomial logistic regression: one dense layer of {@code classes} scores. */
    public static ModelSpec logisticRegression(int classes, Regularization regularization) {
        return new ModelSpec("logistic-regression", List.of(new Layer.Dense(classes, false)), regularization);
    }

    /** An MLP with ReLU hidden layers of the given widths, e.g. {@code 300, 124, 60}. */
    public static ModelSpec mlp(int classes, int... hidden) {
        List<Layer> layers = new ArrayList<>();
        StringBuilder name = new StringBuilder("mlp");
        for (int h : hidden) {
            layers.add(new Layer.Dense(h, true));
            name.append('-').append(h);
        }
        layers.add(new Layer.Dense(classes, false));
        name.append('-').append(classes);
        return new ModelSpec(name.toString(), layers, Regularization.NONE);
    }

    /**
     * The CPSL paper's Table III CNN (docs/models/cpsl.md), 3x3 convolutions padded by one so that the chain
     * is valid on 28x28: CONV 32, CONV 32, POOL, CONV 64, CONV 64, POOL, CONV 128, CONV 128, POOL,
     * FC 382, FC 192, FC classes.
     */
    public static ModelSpec cpslCnn(int classes) {
        return new ModelSpec("cpsl-cnn", List.of(
                new Layer.Conv(32, 3, 1, true), new Layer.Conv(32, 3, 1, true), new Layer.MaxPool(2),
                new Layer.Conv(64, 3, 1, true), new Layer.Conv(64, 3, 1, true), new Layer.MaxPool(2),
                new Layer.Conv(128, 3, 1, true), new Layer.Conv(128, 3, 1, true), new Layer.MaxPool(2),
                new Layer.Dense(382, true), new Layer.Dense(192, true), new Layer.Dense(classes, false)),
                Regularization.NONE);
    }

    /**
     * The CPSL paper's Table III CNN as its own numbers fix it (docs/models/cpsl.md, the model paragraph):
     * CONV1 and CONV2 unpadded (28 -> 26 -> 24, so POOL1's smashed data is 12 x 12 x 32 values,
     * the paper's 18 KB), the later convolutions padded by one to keep the chain valid.
     */
    public static ModelSpec cpslCnnPaper(int classes) {
        return new ModelSpec("cpsl-cnn-paper", List.of(
                new Layer.Conv(32, 3, 0, true), new Layer.Conv(32, 3, 0, true), new Layer.MaxPool(2),
                new Layer.Conv(64, 3, 1, true), new Layer.Conv(64, 3, 1, true), new Layer.MaxPool(2),
                new Layer.Conv(128, 3, 1, true), new Layer.Conv(128, 3, 1, true), new Layer.MaxPool(2),
                new Layer.Dense(382, true), new Layer.Dense(192, true), new Layer.Dense(classes, false)),
                Regularization.NONE);
    }

    /** A small LeNet-style CNN: CONV 6@5x5 (padded), POOL, CONV 16@5x5, POOL, FC 120, FC 84, FC classes. */
    public static ModelSpec lenet(int classes) {
        return new ModelSpec("lenet", List.of(
                new Layer.Conv(6, 5, 2, true), new Layer.MaxPool(2), new Layer.Conv(16, 5, 0, true),
                new Layer.MaxPool(2), new Layer.Dense(120, true), new Layer.Dense(84, true),
                new Layer.Dense(classes, false)), Regularization.NONE);
    }

    /** Whether any layer is convolutional (inputs keep their image shape). */
    public boolean convolutional() {
        return layers.get(0) instanceof Layer.Conv || layers.get(0) instanceof Layer.MaxPool;
    }
}

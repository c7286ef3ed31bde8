package org.edgesim.learning.model;

/**
 * One layer of a chain model, the unit at which a model can be cut for split learning. Every
 * layer but the last is followed by a ReLU where {@code relu} says so; the last layer's outputs
 * are the class scores (softmax in the loss).
 */
public sealed interface Layer permits Layer.Conv, Layer.MaxPool, Layer.Dense {
    /** A short name for tables: "conv 32@3x3", "pool 2x2", "fc 300". */
    String describe();

    /** Square convolution, stride 1, zero padding on each side, then an optional ReLU. */
    record Conv(int filters, int kernel, int padding, boolean relu) implements Layer {
        public Conv {
            if (filters < 1 || kernel < 1 || padding < 0) {
                throw new IllegalArgumentException("conv needs filters >= 1, kernel >= 1, padding >= 0, got "
                        + filters + ", " + kernel + ", " + padding);
            }
        }

        @Override
        public String describe() {
            return "conv " + filters + "@" + kernel + "x" + kernel + (relu ? " relu" : "");
        }
    }

    /** Square max pooling with stride equal to its size (floor of odd sizes). */
    record MaxPool(int size) implements Layer {
        public MaxPool {
            if (size < 1) {
                throw new IllegalArgumentException("pool size must be >= 1, got " + size);
            }
        }

        @Override
        public String describe() {
            return "pool " + size + "x" + size;
        }
    }

    /** Fully connected (flattening its input), then an optional ReLU. */
    record Dense(int units, boolean relu) implements Layer {
        public Dense {
            if (units < 1) {
                throw new IllegalArgumentException("dense units must be >= 1, got " + units);
            }
        }

        @Override
        public String describe() {
            return "fc " + units + (relu ? " relu" : "");
        }
    }
}

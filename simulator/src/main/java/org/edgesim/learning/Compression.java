package org.edgesim.learning;

import java.util.Arrays;
import umontreal.ssj.rng.RandomStream;

/**
 * How a device compresses the update it uploads (a gradient, a model's change), and what the
 * receiver then has: the bits the upload takes on its link, and the decompressed estimate the
 * server aggregates, whose error is the compression's.
 */
public sealed interface Compression {
    /** Each device's stream for a stochastic compression's draws. */
    org.edgesim.rng.StreamFamily STREAMS = new org.edgesim.rng.StreamFamily("compression",
            i -> "compression/device-" + i);

    /** The bits of an upload of {@code coordinates} values, each of {@code bitsPerCoordinate} bits uncompressed. */
    double bits(long coordinates, double bitsPerCoordinate);

    /** The receiver's estimate of {@code update}; a stochastic compression draws from {@code stream}. */
    double[] apply(double[] update, RandomStream stream);

    /** Whether the estimate's mean is the update. */
    boolean unbiased();

    /** A sentence for manifests. */
    String describe();

    /**
     * A model sent as its change since {@code from}: what the receiver has of {@code model}, {@code from}
     * plus the change as this compression leaves it.
     */
    default double[] applyToChange(double[] from, double[] model, RandomStream stream) {
        double[] change = new double[model.length];
        for (int i = 0; i < change.length; i++) {
            change[i] = model[i] - from[i];
        }
        double[] got = apply(change, stream);
        double[] out = new double[model.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = from[i] + got[i];
        }
        return out;
    }

    /** No compression: the update as it is, at the protocol's bits per value. */
    record None() implements Compression {
        @Override
        public double bits(long coordinates, double bitsPerCoordinate) {
            return coordinates * bitsPerCoordinate;
        }

        @Override
        public double[] apply(double[] update, RandomStream stream) {
            return update;
        }

        @Override
        public boolean unbiased() {
            return true;
        }

        @Override
        public String describe() {
            return "none";
        }
    }

    /**
     * Stochastic quantisation to {@code b} bits per value (QSGD-like, with the largest magnitude as
     * the scale): a sign bit and {@code L = 2^(b-1) - 1} magnitude levels; value {@code v_i} is sent as
     * {@code sign(v_i) m l / L} with {@code m = max |v|} and {@code l} the level below
     * {@code |v_i| L / m} or the one above, with the probability that makes it unbiased; plus the
     * scale in 32 bits. Per value the variance is at most {@code m^2 / (4 L^2)}.
     */
    record Quantize(int bitsPerValue) implements Compression {
        public Quantize {
            if (bitsPerValue < 2 || bitsPerValue > 32) {
                throw new IllegalArgumentException("quantisation takes 2 to 32 bits per value (a sign and at least one"
                        + " level), got " + bitsPerValue);
            }
        }

        /** The magnitude levels {@code L}. */
        public long levels() {
            return (1L << (bitsPerValue - 1)) - 1;
        }

        @Override
        public double bits(long coordinates, double bitsPerCoordinate) {
            return coordinates * (double) bitsPerValue + 32;
        }

        @Override
        public double[] apply(double[] update, RandomStream stream) {
            double m = 0;
            for (double v : update) {
                m = Math.max(m, Math.abs(v));
            }
            double[] out = new double[update.length];
            double levels = levels();
            for (int i = 0; i < update.length; i++) {
                double u = stream.nextDouble();
                if (m == 0) {
                    continue;
                }
                double r = Math.abs(update[i]) / m * levels;
                double low = Math.floor(r);
                double level = u < r - low ? low + 1 : low;
                out[i] = Math.copySign(m * (level / levels), update[i]);
            }
            return out;
        }

        @Override
        public boolean unbiased() {
            return true;
        }

        @Override
        public String describe() {
            return "stochastic quantisation to " + bitsPerValue + " bits per value (" + levels()
                    + " levels and a sign, the largest magnitude as scale in 32 bits), unbiased";
        }
    }

    /**
     * Top-k sparsification: the {@code k = ceil(fraction d)} values of largest magnitude (ties: the
     * lower index) with their indices, each {@code bitsPerCoordinate + ceil(log2 d)} bits; the rest
     * are 0 at the receiver. Biased (no error feedback).
     */
    record TopK(double fraction) implements Compression {
        public TopK {
            if (!(fraction > 0) || fraction > 1) {
                throw new IllegalArgumentException("top-k keeps a fraction in (0, 1] of the values, got " + fraction);
            }
        }

        /** How many of {@code coordinates} values are kept. */
        public long kept(long coordinates) {
            return Math.max(1, (long) Math.ceil(fraction * coordinates - 1e-9));
        }

        @Override
        public double bits(long coordinates, double bitsPerCoordinate) {
            long index = coordinates <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(coordinates - 1);
            return kept(coordinates) * (bitsPerCoordinate + index);
        }

        @Override
        public double[] apply(double[] update, RandomStream stream) {
            int k = (int) Math.min(update.length, kept(update.length));
            Integer[] order = new Integer[update.length];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, (a, b) -> {
                int c = Double.compare(Math.abs(update[b]), Math.abs(update[a]));
                return c != 0 ? c : Integer.compare(a, b);
            });
            double[] out = new double[update.length];
            for (int j = 0; j < k; j++) {
                out[order[j]] = update[order[j]];
            }
            return out;
        }

        @Override
        public boolean unbiased() {
            return false;
        }

        @Override
        public String describe() {
            return "top-k sparsification keeping " + fraction + " of the values with their indices, biased";
        }
    }
}

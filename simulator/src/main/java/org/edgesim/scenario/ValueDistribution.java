package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.edgesim.rng.Draws;
import umontreal.ssj.rng.RandomStream;

/**
 * A per-device value drawn once at deployment: a fixed value ({@code 0.5 GHz}), a uniform range
 * ({@code {uniform: [0.1 GHz, 1 GHz]}}), a choice among values ({@code {choice: [0.7 GHz, 1.4 GHz]}})
 * a grid ({@code {grid: [0.1 GHz, 1 GHz, 0.1 GHz]}}, read as the choice of its points), or
 * consecutive equal blocks of devices ({@code {blocks: [0.7 GHz, 1.4 GHz, 2.1 GHz]}}: of 12
 * devices, 0-3 get 0.7 GHz, 4-7 1.4 GHz, 8-11 2.1 GHz; no draw). Values are in the base unit of
 * the field's {@link Dimension}.
 */
public sealed interface ValueDistribution {
    /**
     * The value of device {@code device} (0-based) of {@code devices}; {@link Fixed} and
     * {@link Blocks} take no draw from the stream.
     */
    double draw(int device, int devices, RandomStream stream);

    /** Smallest value this distribution can give. */
    double min();

    /** A copy of {@code values}, which must be one or more finite numbers (for {@code kind}'s error). */
    private static double[] finite(String kind, double[] values) {
        if (values.length == 0) {
            throw new InvalidField(kind, "needs at least one value");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new InvalidField(kind, "values must be finite, got " + v);
            }
        }
        return values.clone();
    }

    record Fixed(double value) implements ValueDistribution {
        @Override
        public double draw(int device, int devices, RandomStream stream) {
            return value;
        }

        @Override
        public double min() {
            return value;
        }

        @JsonValue
        public double json() {
            return value;
        }
    }

    record Uniform(double lo, double hi) implements ValueDistribution {
        public Uniform {
            if (!(lo <= hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
                throw new InvalidField("uniform", "needs finite [lo, hi] with lo <= hi, got [" + lo + ", " + hi + "]");
            }
        }

        @Override
        public double draw(int device, int devices, RandomStream stream) {
            return Draws.uniform(stream, lo, hi);
        }

        @Override
        public double min() {
            return lo;
        }

        @JsonValue
        public Map<String, List<Double>> json() {
            return Map.of("uniform", List.of(lo, hi));
        }
    }

    record Choice(double[] values) implements ValueDistribution {
        public Choice {
            values = ValueDistribution.finite("choice", values);
        }

        /** The points lo, lo + step, ..., up to hi (inclusive, to a rounding tolerance). */
        static Choice grid(double lo, double hi, double step) {
            if (!(step > 0) || !(lo <= hi) || !Double.isFinite(hi)) {
                throw new InvalidField("grid", "needs [from, to, step] with from <= to and step > 0, got ["
                        + lo + ", " + hi + ", " + step + "]");
            }
            double count = Math.floor((hi - lo) / step + 1e-9) + 1;
            if (!(count <= 1_000_000)) {
                throw new InvalidField("grid", "from " + Tolerance.number(lo) + " to " + Tolerance.number(hi)
                        + " in steps of " + Tolerance.number(step) + " has " + Tolerance.number(count)
                        + " points; at most 1,000,000");
            }
            int n = (int) count;
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = lo + i * step;
            }
            return new Choice(v);
        }

        @Override
        public double draw(int device, int devices, RandomStream stream) {
            return values[Draws.index(stream, values.length)];
        }

        @Override
        public double min() {
            return Arrays.stream(values).min().orElseThrow();
        }

        @JsonValue
        public Map<String, double[]> json() {
            return Map.of("choice", values.clone());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Choice c && Arrays.equals(values, c.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Choice" + Arrays.toString(values);
        }
    }

    /**
     * Consecutive, equal blocks of devices, one per value in order: device {@code i} of {@code n}
     * gets {@code values[floor(i * m / n)]} (the FEEL paper's "four at 0.7 GHz, four at 1.4 GHz,
     * four at 2.1 GHz" for 12 devices).
     */
    record Blocks(double[] values) implements ValueDistribution {
        public Blocks {
            values = ValueDistribution.finite("blocks", values);
        }

        @Override
        public double draw(int device, int devices, RandomStream stream) {
            if (device < 0 || device >= devices) {
                throw new IllegalArgumentException("device " + device + " of " + devices);
            }
            return values[(int) ((long) device * values.length / devices)];
        }

        @Override
        public double min() {
            return Arrays.stream(values).min().orElseThrow();
        }

        @JsonValue
        public Map<String, double[]> json() {
            return Map.of("blocks", values.clone());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Blocks b && Arrays.equals(values, b.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Blocks" + Arrays.toString(values);
        }
    }
}

package org.edgesim.learning.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The pooling layer gives PyTorch's max_pool2d's values and gradients, bit for bit. */
class MaxPoolingTest {
    private static NDArray reference(NDArray x, int size) {
        return Pool.maxPool2d(x, new Shape(size, size), new Shape(size, size), new Shape(0, 0), false);
    }

    /** Values with many ties (zeros as after a ReLU, repeated values, signed zeros), NaN and infinities. */
    private static double[] values(int n, long seed, boolean specials) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            v[i] = u < 0.4 ? 0.0 : u < 0.5 ? 0.25 : u < 0.52 ? -0.0 : r.nextGaussian();
            if (specials && u > 0.995) {
                v[i] = r.nextBoolean() ? Double.NaN : Double.NEGATIVE_INFINITY;
            }
        }
        return v;
    }

    @Test
    void withoutGradientsTheValuesAreMaxPool2dsBitForBit() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
                for (long[] dims : new long[][] {{5, 6, 28, 28}, {3, 16, 10, 10}, {2, 3, 7, 7}, {4, 2, 9, 11}}) {
                    for (int size : new int[] {1, 2, 3}) {
                        Shape shape = new Shape(dims);
                        NDArray x = m.create(values(Math.toIntExact(shape.size()), dims[0] * 31 + size, true), shape)
                                .toType(type, false);
                        NDArray want = reference(x, size);
                        NDArray got = MaxPooling.pool(x, size);
                        assertEquals(want.getShape(), got.getShape());
                        assertEquals(type, got.getDataType());
                        // bit patterns, so that NaN equals NaN and -0.0 differs from 0.0
                        double[] w = want.toType(DataType.FLOAT64, false).toDoubleArray();
                        double[] g = got.toType(DataType.FLOAT64, false).toDoubleArray();
                        long[] wb = new long[w.length];
                        long[] gb = new long[g.length];
                        for (int i = 0; i < w.length; i++) {
                            wb[i] = Double.isNaN(w[i]) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(w[i]);
                            gb[i] = Double.isNaN(g[i]) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(g[i]);
                        }
                        assertArrayEquals(wb, gb, type + " " + shape + " size " + size);
                    }
                }
            }
        }
    }

    @Test
    void withGradientsEachWindowsGradientGoesToItsFirstMaximumAsMaxPool2dSends() {
        try (NDManager m = DjlRuntime.engine().newBaseManager()) {
            Shape shape = new Shape(4, 6, 12, 12);
            double[] v = values(Math.toIntExact(shape.size()), 7, false);
            NDArray[] grads = new NDArray[2];
            NDArray[] outs = new NDArray[2];
            for (int k = 0; k < 2; k++) {
                NDArray x = m.create(v, shape).toType(DataType.FLOAT32, false);
                x.setRequiresGradient(true);
                try (GradientCollector c = Engine.getEngine("PyTorch").newGradientCollector()) {
                    NDArray h = x.mul(1f); // an intermediate result, as a layer's output is
                    NDArray y = k == 0 ? reference(h, 2) : MaxPooling.pool(h, 2);
                    outs[k] = y.duplicate();
                    c.backward(y.mul(y.add(0.5f)).sum());
                }
                grads[k] = x.getGradient().duplicate();
            }
            assertArrayEquals(outs[0].toFloatArray(), outs[1].toFloatArray(), 0f);
            assertArrayEquals(grads[0].toFloatArray(), grads[1].toFloatArray(), 0f);
            // a window of four equal values: its whole gradient at its first element
            float[] g = grads[1].toFloatArray();
            float[] x = m.create(v, shape).toType(DataType.FLOAT32, false).toFloatArray();
            int ties = 0;
            for (int i = 0; i < x.length; i++) {
                int row = (i / 12) % 12;
                int col = i % 12;
                if (row % 2 == 0 && col % 2 == 0 && x[i] == x[i + 1] && x[i] == x[i + 12] && x[i] == x[i + 13]) {
                    ties++;
                    assertTrue(g[i + 1] == 0 && g[i + 12] == 0 && g[i + 13] == 0, "a tie's gradient split at " + i);
                    assertEquals(2 * x[i] + 0.5f, g[i], 0f);
                }
            }
            assertTrue(ties > 10, "ties checked: " + ties);
        }
    }
}

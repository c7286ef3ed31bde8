package org.edgesim.learning.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The machine's single-precision matrix-multiply rate through the engine that trains the models
 * (PyTorch's CPU kernels): {@code 2 n^3} FLOPs per {@code n x n} product, the best of several; the
 * limit against which {@code bench learning} reads the training steps' FLOP/s.
 */
public final class MatmulRate {
    private MatmulRate() {
    }

    /** FLOP/s of {@code n x n} float32 products, the best of {@code repetitions} after a warm-up. */
    public static double flopsPerSecond(int n, int repetitions) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.ones(new Shape(n, n)).mul(0.5f);
            NDArray b = m.ones(new Shape(n, n)).mul(0.25f);
            for (int i = 0; i < 3; i++) {
                a.matMul(b).close();
            }
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r < repetitions; r++) {
                long t0 = System.nanoTime();
                NDArray c = a.matMul(b);
                c.getFloat(0, 0); // the product is there
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                c.close();
            }
            return 2.0 * n * n * n / best;
        }
    }
}

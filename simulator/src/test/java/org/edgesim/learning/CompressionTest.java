package org.edgesim.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/**
 * Update compression against its definitions: stochastic quantisation is unbiased (Monte Carlo)
 * with a variance within {@code m^2 / (4 L^2)} per value, lands on its levels and costs
 * {@code d b + 32} bits; top-k keeps exactly the k largest magnitudes (ties: the lower index) at
 * {@code k (b + ceil(log2 d))} bits; none is the identity.
 */
class CompressionTest {
    private static RandomStream stream() {
        MRG32k3a s = new MRG32k3a();
        s.setSeed(new long[] {4, 5, 6, 7, 8, 9});
        return s;
    }

    @Test
    void quantisationIsUnbiasedWithinItsVarianceBoundAndOnItsLevels() {
        Compression.Quantize q = new Compression.Quantize(3);
        assertEquals(3, q.levels());
        double[] v = {0.9, -0.35, 0.0, 0.1, -1.2, 0.61};
        double m = 1.2;
        RandomStream s = stream();
        int n = 40_000;
        double[] mean = new double[v.length];
        double[] square = new double[v.length];
        for (int r = 0; r < n; r++) {
            double[] out = q.apply(v, s);
            for (int i = 0; i < v.length; i++) {
                double level = Math.abs(out[i]) / m * 3;
                assertEquals(Math.rint(level), level, 1e-9, "a level of m / L");
                assertTrue(out[i] == 0 || Math.signum(out[i]) == Math.signum(v[i]));
                mean[i] += out[i] / n;
                square[i] += (out[i] - v[i]) * (out[i] - v[i]) / n;
            }
        }
        double bound = m * m / (4 * 9);
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i], mean[i], 4 * Math.sqrt(bound / n) + 1e-12, "unbiased at " + i);
            assertTrue(square[i] <= bound * 1.05, "variance " + square[i] + " within " + bound + " at " + i);
        }
        assertEquals(-1.2, q.apply(v, s)[4], 1e-15, "the largest value is sent exactly");
        assertEquals(6 * 3 + 32, q.bits(6, 32));
        assertArrayEquals(new double[3], q.apply(new double[3], s));
        assertThrows(IllegalArgumentException.class, () -> new Compression.Quantize(1));
    }

    @Test
    void topKKeepsTheLargestMagnitudesWithTheirIndices() {
        Compression.TopK t = new Compression.TopK(0.4);
        double[] v = {0.5, -2, 0.5, 3, -0.1};
        assertEquals(2, t.kept(5));
        assertArrayEquals(new double[] {0, -2, 0, 3, 0}, t.apply(v, null));
        Compression.TopK three = new Compression.TopK(0.6);
        assertArrayEquals(new double[] {0.5, -2, 0, 3, 0}, three.apply(v, null), "a tie keeps the lower index");
        assertEquals(2 * (32 + 3), t.bits(5, 32), "3 bits name one of 5 indices");
        assertEquals(1, new Compression.TopK(1e-9).kept(1000));
        assertTrue(!t.unbiased());
    }

    @Test
    void noneIsTheUpdateAtThePlainBits() {
        Compression none = new Compression.None();
        double[] v = {1, 2};
        assertSame(v, none.apply(v, null));
        assertEquals(64.0, none.bits(2, 32));
    }
}

package org.edgesim.rng;

/**
 * Jumps an MRG32k3a seed ahead by {@code r} substreams ({@code r x 2^76} steps) in
 * {@code O(log r)} matrix-vector products, where calling SSJ's {@code resetNextSubstream()}
 * {@code r} times costs {@code O(r)}: with a thousand replications and hundreds of streams per
 * run, that loop dominated a sweep. The one-step matrices are those of SSJ's recurrences
 * ({@code x_n = 1403580 x_{n-2} - 810728 x_{n-3} mod m1},
 * {@code y_n = 527612 y_{n-1} - 1370589 y_{n-3} mod m2}); {@code A^(2^76)} is obtained by 76
 * squarings and its powers {@code A^(2^(76+i))} are kept; a run computes its replication's jump
 * once and applies it to every stream's seed. A test checks the jump against
 * {@code resetNextSubstream()}.
 */
final class SubstreamJump {
    private static final long M1 = 4294967087L;
    private static final long M2 = 4294944443L;
    private static final int BITS = 31;
    /** {@code POW1[i] = A1^(2^(76+i))}, likewise {@code POW2}. */
    private static final long[][][] POW1 = powers(new long[][] {{0, 1, 0}, {0, 0, 1}, {M1 - 810728, 1403580, 0}}, M1);
    private static final long[][][] POW2 = powers(new long[][] {{0, 1, 0}, {0, 0, 1}, {M2 - 1370589, 0, 527612}}, M2);

    private SubstreamJump() {
    }

    /** The jump to substream {@code r}: {@code A1^(r 2^76)} and {@code A2^(r 2^76)}. */
    record Jump(long[][] first, long[][] second) {
        /** The seed of substream {@code r} of the stream whose first substream starts at {@code seed}. */
        long[] apply(long[] seed) {
            long[] a = times(first, new long[] {seed[0], seed[1], seed[2]}, M1);
            long[] b = times(second, new long[] {seed[3], seed[4], seed[5]}, M2);
            return new long[] {a[0], a[1], a[2], b[0], b[1], b[2]};
        }
    }

    /** The jump by {@code r >= 0} substreams, in {@code O(log r)} matrix products. */
    static Jump by(int r) {
        long[][] a = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        long[][] b = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        for (int i = 0; i < BITS && (r >>> i) != 0; i++) {
            if (((r >>> i) & 1) != 0) {
                a = times(POW1[i], a, M1);
                b = times(POW2[i], b, M2);
            }
        }
        return new Jump(a, b);
    }

    private static long[][][] powers(long[][] step, long m) {
        long[][] p = step;
        for (int i = 0; i < 76; i++) {
            p = times(p, p, m);
        }
        long[][][] out = new long[BITS][][];
        for (int i = 0; i < BITS; i++) {
            out[i] = p;
            p = times(p, p, m);
        }
        return out;
    }

    private static long[][] times(long[][] x, long[][] y, long m) {
        long[][] z = new long[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                long s = 0;
                for (int k = 0; k < 3; k++) {
                    s = (s + mulMod(x[i][k], y[k][j], m)) % m;
                }
                z[i][j] = s;
            }
        }
        return z;
    }

    private static long[] times(long[][] x, long[] v, long m) {
        long[] z = new long[3];
        for (int i = 0; i < 3; i++) {
            long s = 0;
            for (int k = 0; k < 3; k++) {
                s = (s + mulMod(x[i][k], v[k], m)) % m;
            }
            z[i] = s;
        }
        return z;
    }

    /** {@code a b mod m} for {@code a, b < m < 2^32}: the product fits 64 unsigned bits exactly. */
    static long mulMod(long a, long b, long m) {
        return Long.remainderUnsigned(a * b, m);
    }
}

package org.edgesim.learning.partition;

import umontreal.ssj.rng.RandomPermutation;
import umontreal.ssj.rng.RandomStream;

/** Index helpers shared by the partitions. */
final class Indices {
    private Indices() {
    }

    /** {@code 0..n-1} in a random order. */
    static int[] shuffled(int n, RandomStream stream) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        RandomPermutation.shuffle(idx, stream);
        return idx;
    }

    /** {@code idx} cut into {@code parts} consecutive parts whose sizes differ by at most one. */
    static int[][] split(int[] idx, int parts) {
        int[][] out = new int[parts][];
        int base = idx.length / parts;
        int extra = idx.length % parts;
        int at = 0;
        for (int p = 0; p < parts; p++) {
            int len = base + (p < extra ? 1 : 0);
            out[p] = java.util.Arrays.copyOfRange(idx, at, at + len);
            at += len;
        }
        return out;
    }

    static void requireDevices(int devices, int samples) {
        if (devices < 1) {
            throw new IllegalArgumentException("needs at least one device, got " + devices);
        }
        if (samples < devices) {
            throw new IllegalArgumentException(samples + " samples cannot give each of " + devices
                    + " devices at least one");
        }
    }
}

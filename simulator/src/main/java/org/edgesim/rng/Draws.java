package org.edgesim.rng;

import umontreal.ssj.probdist.NormalDist;
import umontreal.ssj.rng.RandomStream;

/** Variates by inversion from a uniform stream: one uniform per draw, so draws stay aligned. */
public final class Draws {
    private Draws() {
    }

    /** Exponential with mean 1 (Rayleigh power gain |h|^2). */
    public static double unitExponential(RandomStream s) {
        return -Math.log1p(-s.nextDouble());
    }

    /** Normal with the given mean and standard deviation. */
    public static double normal(RandomStream s, double mean, double sigma) {
        return mean + sigma * NormalDist.inverseF01(s.nextDouble());
    }

    /** Uniform on [lo, hi). */
    public static double uniform(RandomStream s, double lo, double hi) {
        return lo + (hi - lo) * s.nextDouble();
    }

    /** Uniform integer in [0, n). */
    public static int index(RandomStream s, int n) {
        return s.nextInt(0, n - 1);
    }
}

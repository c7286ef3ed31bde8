package org.edgesim.protocol.cpsl;

import java.util.Arrays;

/**
 * One round's decisions: the clusters in the order they train, and each device's subcarriers.
 *
 * @param clusters    device indices per cluster, clusters in training order
 * @param subcarriers {@code x_k} per device index
 * @param initial     the scheduler's starting objective (the round latency of its first
 *                    clustering: for Gibbs sampling the random start; otherwise the plan's own)
 * @param chain       a chain search's last state's objective (Gibbs sampling: where the chain
 *                    stands after G iterations, beside the best seen, which is the plan); NaN
 *                    for a scheduler that searches no chain
 */
public record CpslPlan(int[][] clusters, int[] subcarriers, double initial, double chain) {
    /** A plan of a scheduler that searches no chain: its last state is the plan itself. */
    public CpslPlan(int[][] clusters, int[] subcarriers, double initial) {
        this(clusters, subcarriers, initial, Double.NaN);
    }

    public CpslPlan {
        clusters = Arrays.stream(clusters).map(int[]::clone).toArray(int[][]::new);
        subcarriers = subcarriers.clone();
    }

    /** The cluster of each device. */
    public int[] clusterOf() {
        int[] of = new int[subcarriers.length];
        for (int m = 0; m < clusters.length; m++) {
            for (int k : clusters[m]) {
                of[k] = m;
            }
        }
        return of;
    }

    /** Checks the plan against the rules of docs/models/cpsl.md; says which one is broken. */
    public void check(CpslSnapshot s) {
        if (subcarriers.length != s.size() || clusters.length != s.clusters()) {
            throw new IllegalStateException(clusters.length + " clusters and " + subcarriers.length + " allocations for "
                    + s.size() + " devices in clusters of " + s.clusterSize());
        }
        boolean[] seen = new boolean[s.size()];
        for (int m = 0; m < clusters.length; m++) {
            if (clusters[m].length != s.clusterSize()) {
                throw new IllegalStateException("cluster " + m + " has " + clusters[m].length + " devices, not "
                        + s.clusterSize());
            }
            int used = 0;
            for (int k : clusters[m]) {
                if (seen[k]) {
                    throw new IllegalStateException("device " + k + " is in two clusters");
                }
                seen[k] = true;
                if (subcarriers[k] < 1) {
                    throw new IllegalStateException("device " + k + " has " + subcarriers[k] + " subcarriers");
                }
                used += subcarriers[k];
            }
            if (used > s.subcarriers()) {
                throw new IllegalStateException("cluster " + m + " uses " + used + " of " + s.subcarriers() + " subcarriers");
            }
        }
    }
}

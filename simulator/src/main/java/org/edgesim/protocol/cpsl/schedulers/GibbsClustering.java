package org.edgesim.protocol.cpsl.schedulers;

import java.util.Arrays;
import umontreal.ssj.rng.RandomStream;

/**
 * The paper's Alg. 4: from a starting clustering, {@code G} times swap two random devices of two
 * random clusters, re-evaluate only those two clusters, and accept the swap with probability
 * {@code 1 / (1 + exp((new - old) / delta))}. Returns the best clustering seen, so never worse
 * than the start.
 */
public final class GibbsClustering {
    private GibbsClustering() {
    }

    /** The latency {@code D_m} of one cluster (with its subcarriers chosen inside). */
    @FunctionalInterface
    public interface ClusterCost {
        double cost(int[] members);
    }

    /**
     * @param clusters  the best clustering seen
     * @param objective its {@code sum_m D_m}
     * @param initial   the starting clustering's
     * @param last      the chain's state after the last iteration: its {@code sum_m D_m}
     */
    public record Result(int[][] clusters, double objective, double initial, double last) {
    }

    public static Result run(int[][] start, ClusterCost cost, int iterations, double delta, RandomStream random) {
        int m = start.length;
        int[][] current = copy(start);
        double[] costs = new double[m];
        double total = 0;
        for (int c = 0; c < m; c++) {
            costs[c] = cost.cost(current[c]);
            total += costs[c];
        }
        double initial = total;
        int[][] best = copy(current);
        double bestTotal = total;
        for (int g = 0; g < iterations && m > 1; g++) {
            int a = random.nextInt(0, m - 1);
            int b = random.nextInt(0, m - 2);
            b = b >= a ? b + 1 : b;
            int i = random.nextInt(0, current[a].length - 1);
            int j = random.nextInt(0, current[b].length - 1);
            swap(current, a, i, b, j);
            double ca = cost.cost(current[a]);
            double cb = cost.cost(current[b]);
            double next = total - costs[a] - costs[b] + ca + cb;
            double accept = 1.0 / (1.0 + Math.exp((next - total) / delta));
            if (random.nextDouble() < accept) {
                costs[a] = ca;
                costs[b] = cb;
                total = next;
                if (total < bestTotal) {
                    bestTotal = total;
                    best = copy(current);
                }
            } else {
                swap(current, a, i, b, j);
            }
        }
        return new Result(best, bestTotal, initial, total);
    }

    private static void swap(int[][] c, int a, int i, int b, int j) {
        int t = c[a][i];
        c[a][i] = c[b][j];
        c[b][j] = t;
    }

    private static int[][] copy(int[][] c) {
        return Arrays.stream(c).map(int[]::clone).toArray(int[][]::new);
    }
}

package org.edgesim.protocol.cpsl.schedulers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edgesim.protocol.cpsl.CpslLatency;
import org.edgesim.protocol.cpsl.CpslPlan;
import org.edgesim.protocol.cpsl.CpslSnapshot;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/** Alg. 4 (Gibbs-sampling clustering) against exhaustive search over clusterings. */
class GibbsClusteringTest {
    /** Every partition of {@code 0..n-1} into clusters of {@code size} (clusters unordered). */
    static List<int[][]> partitions(int n, int size) {
        List<int[][]> out = new ArrayList<>();
        fill(new boolean[n], new ArrayList<>(), size, out);
        return out;
    }

    private static void fill(boolean[] used, List<int[]> so, int size, List<int[][]> out) {
        int first = -1;
        for (int i = 0; i < used.length; i++) {
            if (!used[i]) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            out.add(so.toArray(int[][]::new));
            return;
        }
        used[first] = true;
        choose(used, first + 1, new int[] {first}, size, so, out);
        used[first] = false;
    }

    private static void choose(boolean[] used, int from, int[] cluster, int size, List<int[]> so, List<int[][]> out) {
        if (cluster.length == size) {
            so.add(cluster);
            fill(used, so, size, out);
            so.remove(so.size() - 1);
            return;
        }
        for (int i = from; i < used.length; i++) {
            if (!used[i]) {
                used[i] = true;
                int[] next = Arrays.copyOf(cluster, cluster.length + 1);
                next[cluster.length] = i;
                choose(used, i + 1, next, size, so, out);
                used[i] = false;
            }
        }
    }

    @Test
    void partitionsAreCountedRight() {
        assertEquals(35, partitions(8, 4).size());
        assertEquals(105, partitions(8, 2).size());
        assertEquals(15, partitions(6, 2).size());
    }

    @Test
    void findsTheExhaustiveOptimumOnSmallInstancesAndNeverLosesItsStart() {
        RandomStream r = new RandomStreams(82).stream("test/instances");
        int instances = 0;
        int optimal = 0;
        for (int i = 0; i < 120; i++) {
            int[][] shapes = {{6, 2}, {6, 3}, {8, 2}, {8, 4}};
            int[] shape = shapes[i % shapes.length];
            CpslSnapshot s = CpslInstances.random(r, shape[0], shape[1], 3 * shape[1], 1 + r.nextInt(0, 10),
                    1 + r.nextInt(0, 1), 300, 1e-4, new RandomStreams(83).forReplication(i).stream("gibbs"));
            Clustering c = new Clustering(s);
            double best = Double.POSITIVE_INFINITY;
            for (int[][] p : partitions(shape[0], shape[1])) {
                double total = 0;
                for (int[] members : p) {
                    total += c.cost(members);
                }
                best = Math.min(best, total);
            }
            CpslPlan plan = new GibbsScheduler().plan(s);
            plan.check(s);
            double found = CpslLatency.round(s, plan);
            assertTrue(found <= plan.initial() * (1 + 1e-12), "never worse than its start");
            assertTrue(found >= best * (1 - 1e-12), "nothing beats exhaustive search");
            instances++;
            optimal += found <= best * (1 + 1e-9) ? 1 : 0;
        }
        assertTrue(optimal >= 0.9 * instances, optimal + " of " + instances + " optimal");
    }

    /** Costs remembered by the members' kinds are those computed afresh for the members themselves, bit for bit. */
    @Test
    void aClustersRememberedCostIsItsOwnWhenDevicesRepeat() {
        RandomStream r = new RandomStreams(86).stream("test/instances");
        for (int kinds : new int[] {1, 3, 30}) {
            CpslSnapshot s = CpslInstances.random(r, 30, kinds, 5, 30, 3, 2, 0, 1e-4, r);
            Clustering c = new Clustering(s);
            for (int i = 0; i < 200; i++) {
                int[][] clusters = c.random();
                for (int[] members : clusters) {
                    CpslLatency.Terms[] t = Arrays.stream(members).mapToObj(k -> CpslLatency.Terms.of(s, s.device(k)))
                            .toArray(CpslLatency.Terms[]::new);
                    double server = CpslLatency.server(s, members.length);
                    double fresh = CpslLatency.cluster(t, Subcarriers.greedy(t, s.subcarriers(), server, s.epochs()),
                            server, s.epochs());
                    assertEquals(Double.doubleToLongBits(fresh), Double.doubleToLongBits(c.cost(members)),
                            kinds + " kinds, cluster " + Arrays.toString(members));
                }
            }
        }
    }

    @Test
    void aSwapReevaluatesOnlyTheTwoClustersThatChanged() {
        RandomStream r = new RandomStreams(84).stream("test/instances");
        CpslSnapshot s = CpslInstances.random(r, 30, 5, 30, 3, 1, 0, 1e-4, r);
        Clustering c = new Clustering(s);
        int[] calls = {0};
        List<Integer> sizes = new ArrayList<>();
        GibbsClustering.ClusterCost counting = members -> {
            calls[0]++;
            sizes.add(members.length);
            return c.cost(members);
        };
        GibbsClustering.Result result = GibbsClustering.run(c.random(), counting, 500, 1e-4,
                new RandomStreams(85).stream("gibbs"));
        assertEquals(6 + 2 * 500, calls[0], "M evaluations at the start, then two per iteration");
        assertTrue(sizes.stream().allMatch(k -> k == 5), "one cluster per evaluation");
        // The incremental objective equals a full re-evaluation of the best clustering.
        double full = 0;
        for (int[] members : result.clusters()) {
            full += c.cost(members);
        }
        assertEquals(full, result.objective(), 1e-9 * full);
        assertTrue(result.objective() <= result.initial());
    }
}

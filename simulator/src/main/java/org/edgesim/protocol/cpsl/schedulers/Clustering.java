package org.edgesim.protocol.cpsl.schedulers;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.edgesim.protocol.cpsl.CpslLatency;
import org.edgesim.protocol.cpsl.CpslPlan;
import org.edgesim.protocol.cpsl.CpslSnapshot;
import umontreal.ssj.rng.RandomPermutation;

/** What the CPSL schedulers share: starting clusterings, the greedy cluster cost, the plan. */
final class Clustering {
    private final CpslSnapshot s;
    private final CpslLatency.Terms[] terms;

    /** Each device's phase times for every count of subcarriers it may get, computed once per plan. */
    private final Subcarriers.Phases[] phases;
    /**
     * Per device, the first device with the same terms (its kind): a cluster's cost is a function of
     * its members' terms in order, so devices of one kind are interchangeable in it.
     */
    private final int[] kind;
    /** The clusters' costs so far, by their members' kinds in order. */
    private final java.util.Map<Members, Double> costs = new java.util.HashMap<>();

    Clustering(CpslSnapshot s) {
        this.s = s;
        this.terms = s.devices().stream().map(d -> CpslLatency.Terms.of(s, d)).toArray(CpslLatency.Terms[]::new);
        this.phases = new Subcarriers.Phases[terms.length];
        this.kind = new int[terms.length];
        java.util.Map<CpslLatency.Terms, Integer> first = new java.util.HashMap<>();
        for (int k = 0; k < terms.length; k++) {
            int device = k;
            kind[k] = first.computeIfAbsent(terms[k], t -> device);
            phases[k] = kind[k] == k ? Subcarriers.Phases.of(terms[k], s.subcarriers(), s.epochs()) : phases[kind[k]];
        }
    }

    /** Devices in a random order (the snapshot's stream), cut into consecutive clusters. */
    int[][] random() {
        int[] order = IntStream.range(0, s.size()).toArray();
        RandomPermutation.shuffle(order, s.random());
        return cut(order);
    }

    /** Devices by compute speed, fastest first (ties: lower index), cut into consecutive clusters. */
    int[][] bySpeed() {
        int[] order = IntStream.range(0, s.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> -s.device(k).speedHz()).thenComparing(k -> k))
                .mapToInt(Integer::intValue).toArray();
        return cut(order);
    }

    private int[][] cut(int[] order) {
        int[][] c = new int[s.clusters()][];
        for (int m = 0; m < c.length; m++) {
            c[m] = Arrays.copyOfRange(order, m * s.clusterSize(), (m + 1) * s.clusterSize());
        }
        return c;
    }

    /** Greedy subcarriers of {@code members}, indexed like them. */
    int[] subcarriers(int[] members) {
        return Subcarriers.greedy(terms(members), s.subcarriers(), CpslLatency.server(s, members.length), s.epochs());
    }

    /**
     * {@code D_m} of {@code members} (in their order) with greedy subcarriers, remembered: Gibbs
     * proposes the same swaps again and again from a state it keeps (at N = 30 in clusters of 5, 375
     * distinct swaps for G = 1,000 proposals), and a cluster's cost is a function of its members'
     * terms in order, so it is remembered by their kinds (identical devices, as in the paper's
     * Figs. 5 and 6, make every cluster of a size one entry).
     */
    double cost(int[] members) {
        int[] kinds = new int[members.length];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = kind[members[i]];
        }
        return costs.computeIfAbsent(new Members(kinds), k -> {
            Subcarriers.Phases[] p = new Subcarriers.Phases[k.members().length];
            for (int i = 0; i < p.length; i++) {
                p[i] = phases[k.members()[i]];
            }
            double server = CpslLatency.server(s, p.length);
            return CpslLatency.cluster(terms(k.members()), Subcarriers.greedy(p, s.subcarriers(), server, s.epochs()),
                    server, s.epochs());
        });
    }

    /** A cluster's members' kinds in their order, as a key. */
    private record Members(int[] members) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Members m && Arrays.equals(members, m.members);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(members);
        }
    }

    private CpslLatency.Terms[] terms(int[] members) {
        CpslLatency.Terms[] t = new CpslLatency.Terms[members.length];
        for (int i = 0; i < members.length; i++) {
            t[i] = terms[members[i]];
        }
        return t;
    }

    /** The plan of {@code clusters} with greedy subcarriers; {@code initial} as the scheduler reports it. */
    CpslPlan plan(int[][] clusters, double initial) {
        int[] x = new int[s.size()];
        for (int[] members : clusters) {
            int[] xm = subcarriers(members);
            for (int i = 0; i < members.length; i++) {
                x[members[i]] = xm[i];
            }
        }
        return new CpslPlan(clusters, x, initial);
    }

    /**
     * The plan of {@code clusters} with the subcarriers shared equally in each cluster
     * ({@link Subcarriers#equal}), reporting its own latency as the initial objective.
     */
    CpslPlan planEqual(int[][] clusters) {
        int[] x = new int[s.size()];
        for (int[] members : clusters) {
            int[] share = Subcarriers.equal(members.length, s.subcarriers());
            for (int i = 0; i < members.length; i++) {
                x[members[i]] = share[i];
            }
        }
        return new CpslPlan(clusters, x, CpslLatency.round(s, new CpslPlan(clusters, x, Double.NaN)));
    }

    /** The plan of {@code clusters}, reporting its own latency as the initial objective. */
    CpslPlan plan(int[][] clusters) {
        double total = 0;
        for (int[] members : clusters) {
            total += cost(members);
        }
        return plan(clusters, total);
    }
}

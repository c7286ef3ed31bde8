package org.edgesim.protocol.cpsl.schedulers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.edgesim.protocol.cpsl.CpslLatency;
import org.edgesim.protocol.cpsl.CpslSnapshot;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/** Alg. 3 (greedy subcarriers) against exhaustive search and equal shares. */
class SubcarriersTest {
    /** The least D_m over every allocation with x_k >= 1 and sum x_k <= C. */
    static double exhaustive(CpslLatency.Terms[] t, int c, double server, int epochs) {
        return search(t, new int[t.length], 0, c, server, epochs);
    }

    private static double search(CpslLatency.Terms[] t, int[] x, int i, int left, double server, int epochs) {
        if (i == t.length) {
            return CpslLatency.cluster(t, x, server, epochs);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int xi = 1; xi <= left - (t.length - 1 - i); xi++) {
            x[i] = xi;
            best = Math.min(best, search(t, x, i + 1, left - xi, server, epochs));
        }
        return best;
    }

    @Test
    void greedyIsOptimalOnSmallClustersAndNeverWorseThanEqualShares() {
        RandomStream r = new RandomStreams(81).stream("test/instances");
        int instances = 0;
        int optimal = 0;
        double worst = 0;
        for (int i = 0; i < 400; i++) {
            int km = 1 + r.nextInt(0, 3);
            int c = km + r.nextInt(0, 10 - km);
            int cut = 1 + r.nextInt(0, 10);
            int epochs = 1 + r.nextInt(0, 2);
            CpslSnapshot s = CpslInstances.random(r, km, km, c, cut, epochs, 0, 1e-4, r);
            CpslLatency.Terms[] t = s.devices().stream().map(d -> CpslLatency.Terms.of(s, d))
                    .toArray(CpslLatency.Terms[]::new);
            double server = CpslLatency.server(s, km);
            int[] x = Subcarriers.greedy(t, c, server, epochs);
            assertEquals(c, Arrays.stream(x).sum(), "every subcarrier handed out");
            assertTrue(Arrays.stream(x).allMatch(v -> v >= 1));
            double greedy = CpslLatency.cluster(t, x, server, epochs);
            double best = exhaustive(t, c, server, epochs);
            double equal = CpslLatency.cluster(t, Subcarriers.equal(km, c), server, epochs);
            assertTrue(greedy >= best * (1 - 1e-12), "nothing beats exhaustive search");
            assertTrue(greedy <= equal * (1 + 1e-12), "instance " + i + ": greedy " + greedy + " > equal " + equal);
            instances++;
            optimal += greedy <= best * (1 + 1e-9) ? 1 : 0;
            worst = Math.max(worst, greedy / best - 1);
        }
        assertTrue(optimal >= 0.95 * instances, optimal + " of " + instances + " optimal; worst gap " + worst);
    }

    /** Alg. 3 as written: every candidate's D_m recomputed whole. */
    static int[] plainGreedy(CpslLatency.Terms[] terms, int subcarriers, double server, int epochs) {
        int n = terms.length;
        int[] x = new int[n];
        Arrays.fill(x, 1);
        double current = CpslLatency.cluster(terms, x, server, epochs);
        for (int left = subcarriers - n; left > 0; left--) {
            int best = -1;
            double bestDrop = -1;
            double bestOwn = -1;
            double bestValue = current;
            for (int i = 0; i < n; i++) {
                x[i]++;
                double value = CpslLatency.cluster(terms, x, server, epochs);
                x[i]--;
                double drop = current - value;
                double own = own(terms[i], x[i], epochs) - own(terms[i], x[i] + 1, epochs);
                if (drop > bestDrop || (drop == bestDrop && own > bestOwn)) {
                    best = i;
                    bestDrop = drop;
                    bestOwn = own;
                    bestValue = value;
                }
            }
            x[best]++;
            current = bestValue;
        }
        return x;
    }

    private static double own(CpslLatency.Terms t, int x, int epochs) {
        return t.start(x) + (epochs - 1) * t.inner(x) + t.end(x);
    }

    @Test
    void theFastGreedyIsAlg3AsWrittenBitForBit() {
        RandomStream r = new RandomStreams(82).stream("test/instances");
        for (int i = 0; i < 2000; i++) {
            int km = 1 + r.nextInt(0, 9);
            int c = km + r.nextInt(0, 40);
            int cut = 1 + r.nextInt(0, 10);
            int epochs = 1 + r.nextInt(0, 3);
            CpslSnapshot s = CpslInstances.random(r, km, km, c, cut, epochs, 0, 1e-4, r);
            CpslLatency.Terms[] t = s.devices().stream().map(d -> CpslLatency.Terms.of(s, d))
                    .toArray(CpslLatency.Terms[]::new);
            if (i % 5 == 0) {
                Arrays.fill(t, t[0]); // identical devices: every choice a tie
            }
            double server = CpslLatency.server(s, km);
            assertEquals(Arrays.toString(plainGreedy(t, c, server, epochs)),
                    Arrays.toString(Subcarriers.greedy(t, c, server, epochs)), "instance " + i);
        }
    }
}

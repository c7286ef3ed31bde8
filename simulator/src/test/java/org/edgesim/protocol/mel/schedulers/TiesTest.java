package org.edgesim.protocol.mel.schedulers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.mel.MelLearner;
import org.edgesim.protocol.mel.MelPlan;
import org.edgesim.protocol.mel.MelSnapshot;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/**
 * The range of average staleness over the allocations with the least maximum staleness, against
 * an enumeration of every allocation, and the {@code tieBreak} option's allocations.
 */
class TiesTest {
    private static final double EPS = 1e-12;

    /** Small instances for enumeration: K <= 5, d <= 45 (as in MelSchedulersTest, one more learner). */
    private static MelSnapshot small(RandomStream r, int n) {
        List<MelLearner> learners = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            learners.add(new MelLearner(k, 0.005 + 0.05 * r.nextDouble(), 0.02 * r.nextDouble(), 0.3 * r.nextDouble()));
        }
        long d = n * (3 + r.nextInt(0, 6));
        return new MelSnapshot(1, 2 + 3 * r.nextDouble(), d, Math.max(1, d / n / 3), 3 * d / n, learners);
    }

    /** The paper's scale (MelSchedulersTest): d = 60,000, half the learners at 2.4 GHz, half at 0.7. */
    private static MelSnapshot paperScale(RandomStream r, int n, double cycle) {
        List<MelLearner> learners = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double f = k % 2 == 0 ? 2.4e9 : 0.7e9;
            double rate = 2e7 + 1.8e8 * r.nextDouble();
            learners.add(new MelLearner(k, 1_123_736 / f, 784 * 32 / rate, 2 * 8_974_080 / rate));
        }
        long d = 60_000;
        return new MelSnapshot(1, cycle, d, Math.max(1, d / n / 10), 3 * d / n, learners);
    }

    private static boolean feasible(MelSnapshot s) {
        try {
            MelMath.checkFeasible(s);
            return true;
        } catch (InfeasibleScenarioException e) {
            return false;
        }
    }

    /** What enumeration finds: the least maximum staleness and its averages' range, in one reading. */
    private record Enumerated(long maxStaleness, double least, double most) {
    }

    /**
     * Every integer allocation within the bounds, each learner making the updates that fit its
     * samples; with {@code conserving}, only those where at most one learner has room for one more
     * sample below d_hi. Null if there is none.
     */
    private static Enumerated enumerate(MelSnapshot s, boolean conserving) {
        List<long[]> taus = new ArrayList<>();
        collect(s, 0, new long[s.size()], s.samples(), conserving, taus);
        long best = Long.MAX_VALUE;
        for (long[] t : taus) {
            best = Math.min(best, new MelPlan(new long[t.length], t).maxStaleness());
        }
        double least = Double.MAX_VALUE;
        double most = -1;
        for (long[] t : taus) {
            MelPlan p = new MelPlan(new long[t.length], t);
            if (p.maxStaleness() == best) {
                least = Math.min(least, p.averageStaleness());
                most = Math.max(most, p.averageStaleness());
            }
        }
        return taus.isEmpty() ? null : new Enumerated(best, least, most);
    }

    private static void collect(MelSnapshot s, int k, long[] d, long left, boolean conserving, List<long[]> out) {
        if (k == s.size()) {
            if (left != 0) {
                return;
            }
            long[] tau = new long[d.length];
            for (int i = 0; i < d.length; i++) {
                tau[i] = s.learner(i).updatesThatFit(s.cycleS(), d[i]);
                if (tau[i] < 0) {
                    return;
                }
            }
            if (!conserving || MelSchedulersTest.withRoom(s, d, tau) <= 1) {
                out.add(tau);
            }
            return;
        }
        for (long v = s.minShare(); v <= Math.min(s.maxShare(), left); v++) {
            d[k] = v;
            collect(s, k + 1, d, left - v, conserving, out);
        }
    }

    @Test
    void theRangeIsWhatEnumeratingEveryAllocationFinds() {
        RandomStream r = new MRG32k3a();
        int checked = 0;
        int spread = 0;
        int idleSpread = 0;
        for (int i = 0; i < 400; i++) {
            MelSnapshot s = small(r, 2 + i % 4);
            if (!feasible(s)) {
                continue;
            }
            Enumerated conserving = enumerate(s, true);
            Enumerated e = conserving != null ? conserving : enumerate(s, false);
            HaAsyncScheduler.TieRange range = new HaAsyncScheduler().tieRange(s);
            String what = "instance " + i + " (K = " + s.size() + ", d = " + s.samples() + ")";
            assertEquals(conserving != null, range.workConserving(), what + ": reading");
            assertEquals(e.maxStaleness(), range.maxStaleness(), what + ": least maximum staleness");
            assertEquals(e.least(), range.leastAverage(), EPS, what + ": least average");
            assertEquals(e.most(), range.mostAverage(), EPS, what + ": most average");
            // The idle-allowed reading (ha-async-idle) against every allocation.
            Enumerated all = enumerate(s, false);
            HaAsyncScheduler.TieRange idle = new HaAsyncScheduler(false).tieRange(s);
            assertEquals(all.maxStaleness(), idle.maxStaleness(), what + ": idle-allowed, least maximum staleness");
            assertEquals(all.least(), idle.leastAverage(), EPS, what + ": idle-allowed, least average");
            assertEquals(all.most(), idle.mostAverage(), EPS, what + ": idle-allowed, most average");
            checked++;
            spread += e.most() > e.least() + EPS ? 1 : 0;
            idleSpread += all.most() > all.least() + EPS ? 1 : 0;
        }
        assertTrue(checked >= 200, checked + " feasible instances");
        assertTrue(spread >= 20, spread + " instances whose ties differ in average staleness");
        assertTrue(idleSpread >= 1, idleSpread + " idle-allowed instances whose ties differ");
    }

    /** Each option's plan: valid, the least maximum staleness, and the average the option names. */
    private static void assertTieBreaks(MelSnapshot s, boolean conserving, String what) {
        HaAsyncScheduler.TieRange range = new HaAsyncScheduler(conserving).tieRange(s);
        MelPlan first = new HaAsyncScheduler(conserving, TieBreak.FIRST).plan(s);
        assertEquals(new HaAsyncScheduler(conserving).plan(s).averageStaleness(), first.averageStaleness(), what);
        for (TieBreak t : TieBreak.values()) {
            MelPlan p = new HaAsyncScheduler(conserving, t).plan(s);
            String where = what + " " + t.label();
            assertEquals(s.samples(), p.totalSamples(), where + ": samples");
            for (int k = 0; k < s.size(); k++) {
                long d = p.samples()[k];
                assertTrue(d >= s.minShare() && d <= s.maxShare(), where + ": learner " + k + " gets " + d);
                assertEquals(s.learner(k).updatesThatFit(s.cycleS(), d), p.updates()[k], where + ": updates");
                assertTrue(s.learner(k).time(d, p.updates()[k]) <= s.cycleS(), where + ": deadline");
            }
            assertEquals(range.maxStaleness(), p.maxStaleness(), where + ": the maximum staleness stays the least");
            if (range.workConserving()) {
                assertTrue(MelSchedulersTest.withRoom(s, p.samples(), p.updates()) <= 1, where + ": learners idle");
            }
            double avg = p.averageStaleness();
            assertTrue(avg >= range.leastAverage() - EPS && avg <= range.mostAverage() + EPS, where + ": " + avg);
            if (t == TieBreak.LEAST_AVERAGE) {
                assertEquals(range.leastAverage(), avg, EPS, where);
            } else if (t == TieBreak.WORST) {
                assertEquals(range.mostAverage(), avg, EPS, where);
            }
        }
    }

    @Test
    void everyTieBreakKeepsTheLeastMaximumAndReachesItsEndOfTheRange() {
        RandomStream r = new MRG32k3a();
        for (int i = 0; i < 200; i++) {
            MelSnapshot s = small(r, 2 + i % 4);
            if (feasible(s)) {
                assertTieBreaks(s, true, "small " + i);
                assertTieBreaks(s, false, "small idle " + i);
            }
        }
    }

    /**
     * At the paper's scale (K = 10..20, T = 7.5 s) the maximum staleness is at most 1, so the averages are
     * {@code m (K - m) / (K (K - 1) / 2)} for whole {@code m}; the options change the allocation
     * (the worst tie is more stale than the least in most drops) and keep that maximum.
     */
    @Test
    void atThePapersScaleTheOptionsMoveTheAverageNotTheMaximum() {
        RandomStream r = new MRG32k3a();
        int checked = 0;
        int moved = 0;
        for (int i = 0; i < 40; i++) {
            int n = 10 + i % 11;
            MelSnapshot s = paperScale(r, n, 7.5);
            if (!feasible(s)) {
                continue;
            }
            assertTieBreaks(s, true, "paper scale " + i);
            HaAsyncScheduler.TieRange range = new HaAsyncScheduler().tieRange(s);
            assertTrue(range.maxStaleness() <= 1, "paper scale " + i + ": " + range.maxStaleness());
            for (double avg : new double[] {range.leastAverage(), range.mostAverage()}) {
                double m = avg * n * (n - 1) / 2.0; // m (K - m): a whole number
                assertEquals(Math.rint(m), m, 1e-9, "paper scale " + i + ": " + avg);
            }
            moved += range.mostAverage() > range.leastAverage() + 0.1 ? 1 : 0;
            checked++;
        }
        assertTrue(checked >= 30, checked + " feasible instances");
        assertTrue(moved >= checked / 2, moved + " of " + checked + " where the ties differ by over 0.1");
    }

    /**
     * A hand-built case: two identical learners, d = 3, cycle 1 s, c2 = 0.1, no transfer time.
     * With 1 sample a learner fits 10 updates, with 2 samples 5: the only allocations are (1, 2)
     * and (2, 1), staleness 5, one pair, average 5, for every tie-break.
     */
    @Test
    void aHandBuiltPairHasOneTie() {
        List<MelLearner> two = List.of(new MelLearner(0, 0.1, 0, 0), new MelLearner(1, 0.1, 0, 0));
        MelSnapshot s = new MelSnapshot(1, 1.0, 3, 1, 2, two);
        HaAsyncScheduler.TieRange range = new HaAsyncScheduler().tieRange(s);
        assertEquals(5, range.maxStaleness());
        assertEquals(5.0, range.leastAverage(), EPS);
        assertEquals(5.0, range.mostAverage(), EPS);
        for (TieBreak t : TieBreak.values()) {
            assertEquals(5, new HaAsyncScheduler(true, t).plan(s).maxStaleness(), t.label());
        }
    }

    @Test
    void theOptionIsReadByNameAndABadValueIsNamed() {
        assertEquals(TieBreak.FIRST, TieBreak.of(Map.of()));
        for (TieBreak t : TieBreak.values()) {
            assertEquals(t, TieBreak.of(Map.of(TieBreak.OPTION, t.label())));
        }
        assertEquals(List.of("first", "least-average", "worst"),
                java.util.Arrays.stream(TieBreak.values()).map(TieBreak::label).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TieBreak.of(Map.of(TieBreak.OPTION, "best")));
        assertTrue(e.getMessage().contains("got 'best'"), e.getMessage());
    }
}

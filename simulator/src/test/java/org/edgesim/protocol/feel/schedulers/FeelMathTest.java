package org.edgesim.protocol.feel.schedulers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.edgesim.protocol.feel.BatchLatency;
import org.edgesim.protocol.feel.FeelDevice;
import org.edgesim.protocol.feel.FeelPlan;
import org.edgesim.protocol.feel.FeelSnapshot;
import org.edgesim.protocol.feel.Update;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/** The FEEL optimum against independent computations: a general optimiser, closed forms, and the baselines. */
class FeelMathTest {
    private static final double FRAME = 0.01;

    /** A random instance: CPU devices at 0.7-2.1 GHz or GPUs, rates 20-200 Mbit/s, Bmax 8..128. */
    private static FeelSnapshot instance(RandomStream r, int n, boolean gpu, int maxBatch, double bits) {
        List<FeelDevice> devices = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            BatchLatency law = gpu
                    ? new BatchLatency(0.02 + 0.08 * r.nextDouble(), 0.5e-3 + 2e-3 * r.nextDouble(), 1 + r.nextInt(0, 40))
                    : BatchLatency.cpu(0.7e9 * (1 + r.nextInt(0, 2)), 1e6 + 3e7 * r.nextDouble());
            devices.add(new FeelDevice(k, law, 1e-3 * r.nextDouble(), 1000, 2e7 + 1.8e8 * r.nextDouble(),
                    2e7 + 1.8e8 * r.nextDouble()));
        }
        return new FeelSnapshot(1, bits, bits, FRAME, FRAME, maxBatch, devices, new MRG32k3a());
    }

    /** The shortest common finish, by plain bisection (independent of the code under test). */
    private static double finish(double[] ready, double[] cost, double frame) {
        double lo = 0;
        double total = 0;
        for (int k = 0; k < ready.length; k++) {
            lo = Math.max(lo, ready[k]);
            total += cost[k];
        }
        double hi = lo + total / frame;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            double s = 0;
            for (int k = 0; k < ready.length; k++) {
                s += mid > ready[k] ? cost[k] / (mid - ready[k]) : Double.POSITIVE_INFINITY;
            }
            if (s > frame) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    /** Learning efficiency of real batches with their optimal slots, computed from scratch. */
    private static double efficiency(FeelSnapshot s, double[] batches) {
        int n = s.size();
        double[] readyUp = new double[n];
        double[] costUp = new double[n];
        double[] readyDown = new double[n];
        double[] costDown = new double[n];
        double b = 0;
        for (int k = 0; k < n; k++) {
            readyUp[k] = s.device(k).compute().time(batches[k]);
            costUp[k] = s.bits() * FRAME / s.device(k).rateUpBps();
            readyDown[k] = s.device(k).updateS();
            costDown[k] = s.bits() * FRAME / s.device(k).rateDownBps();
            b += batches[k];
        }
        return Math.sqrt(b) / (finish(readyUp, costUp, FRAME) + finish(readyDown, costDown, FRAME));
    }

    /** The best efficiency a general optimiser finds over the box {@code [1, Bmax]^K}, from several starts. */
    private static double generalOptimum(FeelSnapshot s, RandomStream r) {
        int n = s.size();
        double bmax = s.maxBatch();
        if (n == 1) {
            return new BrentOptimizer(1e-14, 1e-14).optimize(new MaxEval(100_000),
                    new UnivariateObjectiveFunction(x -> efficiency(s, new double[] {x})), GoalType.MAXIMIZE,
                    new SearchInterval(1, bmax)).getValue();
        }
        double best = 0;
        for (int start = 0; start < 6; start++) {
            double[] x0 = new double[n];
            for (int k = 0; k < n; k++) {
                x0[k] = start == 0 ? bmax : start == 1 ? 1 : 1 + (bmax - 1) * r.nextDouble();
                x0[k] = Math.min(bmax - 1e-9, Math.max(1 + 1e-9, x0[k]));
            }
            // Nelder-Mead on the box by clamping, restarted from its own result until it stops improving.
            double[] x = x0;
            double v = 0;
            for (int round = 0; round < 20; round++) {
                PointValuePair p = new SimplexOptimizer(1e-15, 1e-15).optimize(new MaxEval(200_000),
                        new ObjectiveFunction(y -> efficiency(s, clamp(y, bmax)) - outside(y, bmax)), GoalType.MAXIMIZE,
                        new InitialGuess(x), new NelderMeadSimplex(n, Math.max(0.5, (bmax - 1) / 8)));
                x = clamp(p.getPoint(), bmax);
                if (p.getValue() <= v * (1 + 1e-15)) {
                    break;
                }
                v = p.getValue();
            }
            best = Math.max(best, polish(s, x, bmax));
        }
        return best;
    }

    /** Coordinate-wise Brent line searches over {@code [1, Bmax]} from {@code x} until no coordinate improves. */
    private static double polish(FeelSnapshot s, double[] start, double bmax) {
        double[] x = start.clone();
        double v = efficiency(s, x);
        for (int sweep = 0; sweep < 200; sweep++) {
            double before = v;
            for (int k = 0; k < x.length; k++) {
                int kk = k;
                double[] y = x.clone();
                var p = new BrentOptimizer(1e-14, 1e-14).optimize(new MaxEval(100_000),
                        new UnivariateObjectiveFunction(t -> {
                            y[kk] = t;
                            return efficiency(s, y);
                        }), GoalType.MAXIMIZE, new SearchInterval(1, bmax, x[k]));
                if (p.getValue() > v) {
                    v = p.getValue();
                    x[k] = p.getPoint();
                }
            }
            if (v <= before * (1 + 1e-15)) {
                break;
            }
        }
        return v;
    }

    /** A penalty growing with the distance outside the box, so that the simplex is pushed back in rather than stalling on a plateau. */
    private static double outside(double[] x, double bmax) {
        double d = 0;
        for (double v : x) {
            d += Math.max(0, 1 - v) + Math.max(0, v - bmax);
        }
        return 10 * d;
    }

    private static double[] clamp(double[] x, double bmax) {
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = Math.max(1.0, Math.min(bmax, x[k]));
        }
        return y;
    }

    @Test
    void theOptimumMatchesAGeneralOptimiserOnSmallInstances() {
        RandomStream r = new MRG32k3a();
        int checked = 0;
        for (int i = 0; i < 60; i++) {
            int n = 1 + i % 4;
            boolean gpu = i % 3 == 2;
            int bmax = new int[] {8, 32, 128}[i % 3];
            // Model sizes from 0.1 to 30 Mbit, so that either compute or transfers dominate.
            FeelSnapshot s = instance(r, n, gpu, bmax, 1e5 * Math.pow(300, r.nextDouble()));
            FeelMath.Optimum o = FeelMath.optimum(s);
            double mine = o.efficiency();
            assertEquals(efficiency(s, o.uplink().batches()), mine, 1e-9 * mine, "the optimum's own efficiency, instance " + i);
            double general = generalOptimum(s, r);
            assertTrue(mine >= general * (1 - 1e-9), "instance " + i + ": the optimiser found " + general + " > " + mine);
            assertEquals(general, mine, 1e-6 * mine, "instance " + i);
            checked++;
        }
        assertEquals(60, checked);
    }

    @Test
    void fasterDevicesNeverGetSmallerBatchesAtEqualRates() {
        RandomStream r = new MRG32k3a();
        for (int i = 0; i < 100; i++) {
            int n = 2 + i % 10;
            List<FeelDevice> devices = new ArrayList<>();
            double rate = 2e7 + 1.8e8 * r.nextDouble();
            for (int k = 0; k < n; k++) {
                devices.add(new FeelDevice(k, BatchLatency.cpu(1e8 + 2e9 * r.nextDouble(), 1e7), 1e-3, 1000, rate, rate));
            }
            FeelSnapshot s = new FeelSnapshot(1, 1e6 * Math.pow(30, r.nextDouble()), 1e6, FRAME, FRAME, 128, devices,
                    new MRG32k3a());
            double[] b = FeelMath.optimum(s).uplink().batches();
            for (int a = 0; a < n; a++) {
                for (int c = 0; c < n; c++) {
                    double va = 1 / s.device(a).compute().perSampleS();
                    double vc = 1 / s.device(c).compute().perSampleS();
                    if (va > vc) {
                        assertTrue(b[a] >= b[c] - 1e-9, "instance " + i + ": device " + a + " (V " + va + ") gets "
                                + b[a] + ", slower device " + c + " (V " + vc + ") gets " + b[c]);
                    }
                }
            }
        }
    }

    @Test
    void aSingleTransferFinishesAtReadyPlusItsWholeFrameTime() {
        // One device owning the whole frame: T = ready + cost / Tf = ready + s / R.
        assertEquals(0.3 + 1e6 / 1e8, FeelMath.equalFinish(new double[] {0.3}, new double[] {1e6 * FRAME / 1e8}, FRAME),
                1e-14);
        // Two equal devices ready at once: each gets half of the frame, so each takes 2 s / R.
        double t = FeelMath.equalFinish(new double[] {0, 0}, new double[] {1e6 * FRAME / 1e8, 1e6 * FRAME / 1e8}, FRAME);
        assertEquals(2 * 1e6 / 1e8, t, 1e-14);
    }

    @Test
    void proposedPlansFillBothFramesAndNeverLoseToAFixedBatchBaseline() {
        RandomStream r = new MRG32k3a();
        List<FixedBatchScheduler> baselines = new ArrayList<>();
        for (FixedBatchScheduler.Batches b : FixedBatchScheduler.Batches.values()) {
            if (b == FixedBatchScheduler.Batches.ENTIRE) {
                continue; // B_k = D_k lies outside 1..Bmax, where the proposed scheme does not search
            }
            baselines.add(new FixedBatchScheduler(b, false));
            baselines.add(new FixedBatchScheduler(b, true));
        }
        for (int i = 0; i < 300; i++) {
            FeelSnapshot s = instance(r, 1 + i % 12, i % 2 == 0, 128, 1e5 * Math.pow(300, r.nextDouble()));
            FeelPlan p = new ProposedScheduler().plan(s);
            assertEquals(Update.GRADIENT, p.update());
            double up = 0;
            double down = 0;
            for (int k = 0; k < p.size(); k++) {
                up += p.slotUp(k);
                down += p.slotDown(k);
                assertTrue(p.batch(k) >= 1 && p.batch(k) <= 128);
            }
            assertEquals(FRAME, up, 1e-12, "uplink slots, instance " + i);
            assertEquals(FRAME, down, 1e-12, "downlink slots, instance " + i);
            assertTrue(up <= FRAME * (1 + 1e-12) && down <= FRAME * (1 + 1e-12));
            for (FixedBatchScheduler b : baselines) {
                FeelPlan q = b.plan(s);
                assertTrue(p.efficiency() >= q.efficiency() * (1 - 1e-12), "instance " + i + ": " + q.efficiency()
                        + " of a baseline beats " + p.efficiency());
            }
        }
    }

    @Test
    void theRankedPolishOfALargeRoundStaysWithinOneSamplesWorthOfTheRelaxedOptimum() {
        RandomStream r = new MRG32k3a();
        for (boolean gpu : new boolean[] {false, true}) {
            int n = ProposedScheduler.EXHAUSTIVE_UP_TO + 700;
            FeelSnapshot s = instance(r, n, gpu, 64, 1e6);
            FeelMath.Optimum relaxed = FeelMath.optimum(s);
            FeelPlan p = new ProposedScheduler().plan(s);
            // Integers can do no better than the relaxed optimum, and the nearest integers lose O(1/B).
            assertTrue(p.efficiency() <= relaxed.efficiency() * (1 + 1e-9), p.efficiency() + " vs " + relaxed.efficiency());
            assertTrue(p.efficiency() >= relaxed.efficiency() * (1 - 2.0 / relaxed.globalBatch()),
                    (gpu ? "GPU" : "CPU") + ": " + p.efficiency() + " vs the relaxed " + relaxed.efficiency());
            double up = 0;
            for (int k = 0; k < n; k++) {
                up += p.slotUp(k);
            }
            assertTrue(up <= s.frameUpS() * (1 + 1e-12), "the slots fit the frame");
        }
    }

    @Test
    void equalSlotBaselinesShareTheFramesEquallyAndFillThem() {
        RandomStream r = new MRG32k3a();
        for (FixedBatchScheduler.Batches batches : FixedBatchScheduler.Batches.values()) {
            for (int n : new int[] {1, 3, 6, 12}) {
                FeelSnapshot s = instance(r, n, n % 2 == 0, 64, 1e6);
                FeelPlan p = new FixedBatchScheduler(batches, true).plan(s);
                double up = 0;
                double down = 0;
                for (int k = 0; k < n; k++) {
                    assertEquals(FRAME / n, p.slotUp(k), 1e-15, batches + ", device " + k + " of " + n);
                    assertEquals(FRAME / n, p.slotDown(k), 1e-15);
                    up += p.slotUp(k);
                    down += p.slotDown(k);
                }
                assertEquals(FRAME, up, 1e-15, "the uplink frame is full");
                assertEquals(FRAME, down, 1e-15, "the downlink frame is full");
            }
        }
    }

    @Test
    void equalSlotsAreNeverBetterThanOptimalSlotsForTheSameBatches() {
        RandomStream r = new MRG32k3a();
        for (int i = 0; i < 100; i++) {
            FeelSnapshot s = instance(r, 1 + i % 8, i % 2 == 1, 64, 1e6);
            FeelPlan optimal = new FixedBatchScheduler(FixedBatchScheduler.Batches.FULL, false).plan(s);
            FeelPlan equal = new FixedBatchScheduler(FixedBatchScheduler.Batches.FULL, true).plan(s);
            assertTrue(optimal.plannedLatencyS() <= equal.plannedLatencyS() * (1 + 1e-12));
        }
    }
}

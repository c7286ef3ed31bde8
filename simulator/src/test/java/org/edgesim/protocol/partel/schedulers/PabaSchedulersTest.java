package org.edgesim.protocol.partel.schedulers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.edgesim.protocol.partel.PartelPlan;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;
import org.edgesim.radio.UplinkNoise;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

class PabaSchedulersTest {
    static PartelSnapshot snapshot(RandomStream r, int groups, int perGroup, long params, UplinkNoise noise,
                                   boolean equalComputeInGroup) {
        List<Worker> workers = new ArrayList<>();
        for (int k = 0; k < groups; k++) {
            double groupSpeed = 1e8 + 9e8 * r.nextDouble();
            for (int n = 0; n < perGroup; n++) {
                double speed = equalComputeInGroup ? groupSpeed : 1e8 + 9e8 * r.nextDouble();
                workers.add(new Worker(k * perGroup + n, k, 1000, speed, 2 + 8 * r.nextDouble(),
                        0.5 + 10 * r.nextDouble(), 1e6 + 1e8 * r.nextDouble()));
            }
        }
        return new PartelSnapshot(1, groups, perGroup, params, 1e7, 32, 32, 1, 0.01 * r.nextDouble(), noise, workers);
    }

    private static double maxWorkerLatency(PartelSnapshot s, long[] b, double[] rho) {
        return s.latency(b, rho);
    }

    @Test
    void integerBlocksAreTheBruteForceMinMax() {
        RandomStream r = new RandomStreams(1).stream("test/int-blocks");
        for (int trial = 0; trial < 300; trial++) {
            int k = 2 + r.nextInt(0, 1);
            double[] a = new double[k];
            for (int i = 0; i < k; i++) {
                a[i] = 0.1 + r.nextDouble() * (r.nextDouble() < 0.2 ? 100 : 1);
            }
            long total = k + r.nextInt(0, 40);
            long[] b = IntegerBlocks.minMax(a, total);
            assertEquals(total, Arrays.stream(b).sum());
            double best = Double.POSITIVE_INFINITY;
            for (long x = 1; x < total; x++) {
                if (k == 2) {
                    best = Math.min(best, Math.max(a[0] * x, a[1] * (total - x)));
                } else {
                    for (long y = 1; x + y < total; y++) {
                        best = Math.min(best, Math.max(Math.max(a[0] * x, a[1] * y), a[2] * (total - x - y)));
                    }
                }
            }
            double got = 0;
            for (int i = 0; i < k; i++) {
                got = Math.max(got, a[i] * b[i]);
            }
            assertEquals(best, got, 1e-12 * best, Arrays.toString(a) + " total " + total);
        }
    }

    @Test
    void algorithmOneIsTheBestIntegerBlockSplitAtEqualShares() {
        RandomStream r = new RandomStreams(2).stream("test/alg1");
        for (int trial = 0; trial < 200; trial++) {
            PartelSnapshot s = snapshot(r, 2, 1 + r.nextInt(0, 2), 2 + r.nextInt(0, 60), UplinkNoise.EQUAL_SHARE, false);
            PartelPlan plan = new BandwidthAwareParameterScheduler().plan(s);
            double[] rho = plan.shares();
            double best = Double.POSITIVE_INFINITY;
            for (long x = 1; x < s.modelParameters(); x++) {
                best = Math.min(best, s.latency(new long[] {x, s.modelParameters() - x}, rho));
            }
            assertEquals(best, plan.plannedLatencyS(), 1e-12 * best);
        }
    }

    @Test
    void algorithmTwoMakesEveryWorkerFinishTogetherOnTheWholeBand() {
        RandomStream r = new RandomStreams(3).stream("test/alg2");
        for (int trial = 0; trial < 200; trial++) {
            UplinkNoise noise = trial % 2 == 0 ? UplinkNoise.EQUAL_SHARE : UplinkNoise.ALLOCATED;
            PartelSnapshot s = snapshot(r, 1 + r.nextInt(0, 5), 1 + r.nextInt(0, 5), 1000 + r.nextInt(0, 100000), noise, false);
            PartelPlan plan = new ParameterAwareBandwidthScheduler().plan(s);
            assertEquals(1.0, Arrays.stream(plan.shares()).sum(), 1e-9);
            for (Worker w : s.workers()) {
                double t = s.workerLatency(w, plan.block(w.group()), plan.share(w.index()));
                assertEquals(plan.plannedLatencyS(), t, 1e-9 * t, "worker " + w.index() + ", " + noise);
            }
        }
    }

    /**
     * Independent optimum for equal-share noise: for real blocks b, the optimal latency solves
     * sum_{k,n} A_g b_k / ((t - c - e b_k) B R_u) = 1 (Commons Math's Brent solver); the best
     * b on the simplex is found by Nelder-Mead from several starts.
     */
    private static double generalOptimum(PartelSnapshot s) {
        double c = s.pushTime() + s.serverUpdateS();
        int k = s.groups();
        double np = s.modelParameters();
        java.util.function.ToDoubleFunction<double[]> latency = b -> {
            double lo = 0;
            for (Worker w : s.workers()) {
                lo = Math.max(lo, c + b[w.group()] * w.samples() * s.cyclesPerParameterPerSample() / w.speedHz());
            }
            org.apache.commons.math3.analysis.UnivariateFunction f = t -> {
                double sum = -1;
                for (Worker w : s.workers()) {
                    double bk = b[w.group()];
                    sum += s.bitsPerGradient() * bk / ((t - c - bk * w.samples() * s.cyclesPerParameterPerSample()
                            / w.speedHz()) * s.bandwidthHz() * w.upEfficiency());
                }
                return sum;
            };
            double hi = lo * 2 + 1;
            while (f.value(hi) > 0) {
                hi *= 2;
            }
            return new BrentSolver(1e-15, 1e-15).solve(100_000, f, lo * (1 + 1e-15) + 1e-300, hi);
        };
        java.util.function.Function<double[], double[]> blocks = x -> {
            double[] b = new double[k]; // softmax-free: x are k-1 fractions mapped through squares
            double sum = 1;
            for (int i = 0; i < k - 1; i++) {
                sum += x[i] * x[i];
            }
            b[k - 1] = np / sum;
            for (int i = 0; i < k - 1; i++) {
                b[i] = np * x[i] * x[i] / sum;
            }
            return b;
        };
        if (k == 1) {
            return latency.applyAsDouble(new double[] {np});
        }
        double best = Double.POSITIVE_INFINITY;
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-15, 1e-15);
        for (double start : new double[] {0.3, 1.0, 3.0}) {
            double[] guess = new double[k - 1];
            Arrays.fill(guess, start);
            PointValuePair p = optimizer.optimize(new MaxEval(200_000), GoalType.MINIMIZE, new InitialGuess(guess),
                    new NelderMeadSimplex(k - 1, 0.1),
                    new ObjectiveFunction(x -> latency.applyAsDouble(blocks.apply(x))));
            best = Math.min(best, p.getValue());
        }
        return best;
    }

    @Test
    void relaxedJointOptimumMatchesAGeneralPurposeOptimiserOnSmallInstances() {
        RandomStream r = new RandomStreams(4).stream("test/joint-general");
        for (int trial = 0; trial < 60; trial++) {
            PartelSnapshot s = snapshot(r, 1 + r.nextInt(0, 2), 1 + r.nextInt(0, 2), 10_000 + r.nextInt(0, 1_000_000),
                    UplinkNoise.EQUAL_SHARE, false);
            double joint = JointPabaScheduler.relax(new PabaMath(s)).latency();
            double general = generalOptimum(s);
            assertTrue(joint <= general * (1 + 1e-9), "joint " + joint + " above the general optimum " + general);
            assertEquals(general, joint, 1e-6 * general, "trial " + trial);
        }
    }

    /**
     * Single-worker groups (and, identically, groups of equal compute, where the shares add up):
     * at the optimum every group's block is b_k = (T - sqrt(U_k T / nu)) / e_k with one common nu,
     * U_k = sum_n A_g / (B R_u) over its workers and e_k = D O / f.
     */
    @Test
    void specialCasesFollowTheClosedForm() {
        RandomStream r = new RandomStreams(5).stream("test/joint-special");
        for (int trial = 0; trial < 100; trial++) {
            boolean single = trial % 2 == 0;
            PartelSnapshot s = snapshot(r, 2 + r.nextInt(0, 4), single ? 1 : 2 + r.nextInt(0, 3),
                    100_000 + r.nextInt(0, 1_000_000), UplinkNoise.EQUAL_SHARE, !single);
            JointPabaScheduler.Relaxed opt = JointPabaScheduler.relax(new PabaMath(s));
            double window = opt.latency() - s.pushTime() - s.serverUpdateS();
            double[] u = new double[s.groups()];
            double[] e = new double[s.groups()];
            for (Worker w : s.workers()) {
                u[w.group()] += s.bitsPerGradient() / (s.bandwidthHz() * w.upEfficiency());
                e[w.group()] = w.samples() * s.cyclesPerParameterPerSample() / w.speedHz();
            }
            // nu from the group with the largest block (a group may get none), then the closed
            // form for every group.
            int g = 0;
            for (int k = 1; k < s.groups(); k++) {
                g = opt.blocks()[k] > opt.blocks()[g] ? k : g;
            }
            double root = window - e[g] * opt.blocks()[g];
            double nu = u[g] * window / (root * root);
            double sum = 0;
            for (int k = 0; k < s.groups(); k++) {
                double expected = Math.max(0, (window - Math.sqrt(u[k] * window / nu)) / e[k]);
                assertEquals(expected, opt.blocks()[k], 1e-6 * s.modelParameters(), "group " + k);
                sum += opt.blocks()[k];
            }
            assertEquals(s.modelParameters(), sum, 1e-6 * s.modelParameters());
        }
    }

    @Test
    void jointIsNeverWorseThanTheOtherThreeOnTheSameDraw() {
        RandomStream r = new RandomStreams(6).stream("test/joint-property");
        for (int trial = 0; trial < 500; trial++) {
            UplinkNoise noise = trial % 5 == 4 ? UplinkNoise.ALLOCATED : UplinkNoise.EQUAL_SHARE;
            PartelSnapshot s = snapshot(r, 1 + r.nextInt(0, 5), 1 + r.nextInt(0, 5), 100 + r.nextInt(0, 1_500_000), noise,
                    false);
            double joint = new JointPabaScheduler().plan(s).plannedLatencyS();
            for (var other : List.of(new BaselineScheduler(), new BandwidthAwareParameterScheduler(),
                    new ParameterAwareBandwidthScheduler())) {
                double t = other.plan(s).plannedLatencyS();
                assertTrue(joint <= t * (1 + 1e-12), "trial " + trial + ": joint " + joint + " > " + t + " of "
                        + other.getClass().getSimpleName());
            }
            double relaxed = JointPabaScheduler.relax(new PabaMath(s)).latency();
            assertTrue(joint >= relaxed * (1 - 1e-9), "an integer plan cannot beat the relaxation");
        }
    }

    @Test
    void everySchedulersPlanIsValidAndItsPlannedLatencyIsItsClosedForm() {
        RandomStream r = new RandomStreams(7).stream("test/plans");
        for (int trial = 0; trial < 100; trial++) {
            PartelSnapshot s = snapshot(r, 1 + r.nextInt(0, 6), 1 + r.nextInt(0, 6), 50 + r.nextInt(0, 500_000),
                    trial % 3 == 0 ? UplinkNoise.ALLOCATED : UplinkNoise.EQUAL_SHARE, false);
            for (var scheduler : List.of(new BaselineScheduler(), new BandwidthAwareParameterScheduler(),
                    new ParameterAwareBandwidthScheduler(), new JointPabaScheduler())) {
                PartelPlan p = scheduler.plan(s);
                assertEquals(s.modelParameters(), Arrays.stream(p.blocks()).sum());
                assertTrue(Arrays.stream(p.shares()).sum() <= 1 + 1e-9);
                assertEquals(maxWorkerLatency(s, p.blocks(), p.shares()), p.plannedLatencyS());
            }
        }
    }
}

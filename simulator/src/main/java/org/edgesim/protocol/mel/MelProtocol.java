package org.edgesim.protocol.mel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgesim.cell.Deployment;
import org.edgesim.cell.RoundConditions;
import org.edgesim.device.CpuProfile;
import org.edgesim.kernel.Kernel;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.radio.Fading;
import org.edgesim.radio.Rates;
import org.edgesim.report.Table;
import org.edgesim.scenario.MelSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.sched.Scheduler;

/**
 * Async MEL global cycles (async-mel.md) as events on one kernel: learner {@code k} receives the
 * model (and its samples in parallelised learning), runs its {@code tau_k} local updates one event
 * each, and returns its model; the orchestrator aggregates at the deadline {@code start + T}, and
 * the next cycle starts there. A model arriving after the deadline would be left out and counted.
 * Only the clock so far: training inside the cycle is still to come (issue 7).
 */
public final class MelProtocol implements Protocol {
    @Override
    public String name() {
        return MelSpec.TYPE;
    }

    @Override
    public String description() {
        return "asynchronous mobile edge learning: staleness-aware task allocation per global cycle"
                + " (Mohammad, Sorour et al.)";
    }

    @Override
    public RunResult run(RunContext context, Scheduler<?, ?> scheduler) {
        if (!(scheduler instanceof MelScheduler mel)) {
            throw new IllegalArgumentException("scheduler " + scheduler.getClass().getName() + " is not an async MEL scheduler");
        }
        return new Run(context, mel).execute();
    }

    private static final class Run {
        private final Scenario scenario;
        private final MelSpec spec;
        private final MelScheduler scheduler;
        private final RunContext context;
        private final Deployment deployment;
        private final RoundConditions conditions;
        private final Kernel kernel = new Kernel();
        private final List<MelRows.CycleRow> cycles = new ArrayList<>();
        private final List<MelRows.DeviceRow> devices = new ArrayList<>();

        Run(RunContext context, MelScheduler scheduler) {
            this.context = context;
            this.scenario = context.scenario();
            this.spec = (MelSpec) scenario.protocol();
            this.scheduler = scheduler;
            this.deployment = Deployment.drop(scenario, context.streams());
            this.conditions = new RoundConditions(scenario, deployment, context.streams());
        }

        RunResult execute() {
            kernel.schedule(0.0, "cycle-start", "cycle 1", () -> startCycle(1));
            kernel.run();
            return new RunResult(new Table<>(MelRows.ROUND_COLUMNS, cycles), new Table<>(MelRows.DEVICE_COLUMNS, devices),
                    Map.of("clock", String.format(java.util.Locale.ROOT, "d = %d samples of %d features, model %.0f bits,"
                            + " %.6g FLOPs per sample per update, %s mode, T = %.4g s", spec.samples(), features(),
                            spec.modelBits(), spec.flopsPerSample(), spec.mode(), spec.cycle()),
                            "trained", "nothing (the async MEL cycle does not train yet)"));
        }

        private int features() {
            return spec.features() == null ? 784 : spec.features();
        }

        private void startCycle(int cycle) {
            RoundConditions.Round c = conditions.next(cycle);
            int n = deployment.size();
            RadioSpec radio = scenario.radio();
            double w = spec.learnerBandwidth();
            double noise = Rates.noise(radio.noiseDensity(), w);
            List<MelLearner> learners = new ArrayList<>(n);
            double[] rates = new double[n];
            for (int k = 0; k < n; k++) {
                double snr = Rates.snr(radio.devicePower(), c.largeScale()[k], noise);
                rates[k] = w * (radio.fading() == Fading.RAYLEIGH ? Rates.ergodicSpectralEfficiency(snr)
                        : Rates.spectralEfficiency(snr));
                CpuProfile cpu = (CpuProfile) deployment.device(k).meanProfile();
                double c2 = spec.flopsPerSample() / (cpu.flopsPerCycle() * c.speedHz()[k]);
                double c1 = spec.mode().equals(MelSpec.PARALLELISED) ? features() * spec.bitsPerFeature() / rates[k] : 0.0;
                learners.add(new MelLearner(k, c2, c1, 2 * spec.modelBits() / rates[k]));
            }
            long d = spec.samples();
            double share = (double) d / n;
            MelSnapshot s = new MelSnapshot(cycle, spec.cycle(), d, Math.max(1, (long) Math.floor(spec.minShare() * share)),
                    Math.max(1, (long) Math.ceil(spec.maxShare() * share)), learners);
            MelPlan plan = scheduler.plan(s);
            double start = kernel.now();
            double[] finished = new double[n];
            for (int k = 0; k < n; k++) {
                MelLearner l = learners.get(k);
                int learner = k;
                double send = l.c1() * plan.samples()[k] + spec.modelBits() / rates[k];
                long updates = plan.updates()[k];
                double perUpdate = l.c2() * plan.samples()[k];
                double back = spec.modelBits() / rates[k];
                kernel.schedule(send, "received", "learner " + k,
                        () -> update(learner, updates, perUpdate, back, start, finished));
            }
            // After any return due at the same instant (a larger priority fires later at equal times).
            kernel.scheduleAt(start + spec.cycle(), Kernel.DEFAULT_PRIORITY + 1, "aggregate", "orchestrator",
                    () -> aggregate(c, s, plan, rates, start, finished));
        }

        private void update(int k, long left, double perUpdate, double back, double start, double[] finished) {
            if (left == 0) {
                kernel.schedule(back, "returned", "learner " + k, () -> finished[k] = kernel.now() - start);
                return;
            }
            kernel.schedule(perUpdate, "local-update", "learner " + k,
                    () -> update(k, left - 1, perUpdate, back, start, finished));
        }

        private void aggregate(RoundConditions.Round c, MelSnapshot s, MelPlan plan, double[] rates, double start,
                               double[] finished) {
            int n = s.size();
            double idle = 0;
            double planned = 0;
            double realised = 0;
            int late = 0;
            long updates = 0;
            for (int k = 0; k < n; k++) {
                MelLearner l = s.learner(k);
                double t = l.time(plan.samples()[k], plan.updates()[k]);
                // A return not yet fired at the deadline is late.
                boolean arrived = finished[k] > 0;
                late += arrived ? 0 : 1;
                double f = arrived ? finished[k] : Double.NaN;
                idle += arrived ? s.cycleS() - f : 0;
                planned = Math.max(planned, t);
                realised = Math.max(realised, arrived ? f : Double.POSITIVE_INFINITY);
                updates += plan.updates()[k];
                devices.add(new MelRows.DeviceRow(s.cycle(), k, deployment.device(k).distance(), c.speedHz()[k],
                        rates[k], plan.samples()[k], plan.updates()[k], t,
                        f, arrived ? s.cycleS() - f : Double.NaN));
            }
            cycles.add(new MelRows.CycleRow(s.cycle(), scenario.scheduler(), start, kernel.now(), plan.maxStaleness(),
                    plan.averageStaleness(), idle / n, planned, realised, late, updates));
            context.progress().roundDone(s.cycle(), scenario.rounds());
            if (s.cycle() < scenario.rounds()) {
                kernel.schedule(0.0, "cycle-start", "cycle " + (s.cycle() + 1), () -> startCycle(s.cycle() + 1));
            }
        }
    }
}

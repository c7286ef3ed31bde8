package org.edgesim.protocol.partel;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.Deployment;
import org.edgesim.cell.RoundConditions;
import org.edgesim.kernel.Kernel;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.radio.Rates;
import org.edgesim.report.Table;
import org.edgesim.scenario.PartelSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.sched.Scheduler;

/** PARTEL rounds, one after another on one kernel; each round starts when the previous one ends. */
public final class PartelProtocol implements Protocol {
    @Override
    public String name() {
        return PartelSpec.TYPE;
    }

    @Override
    public String description() {
        return "partitioned edge learning: broadcast push, block gradients, FDMA pull (Wen, Bennis, Huang 2020)";
    }

    @Override
    public RunResult run(RunContext context, Scheduler<?, ?> scheduler) {
        if (!(scheduler instanceof PartelScheduler partel)) {
            throw new IllegalArgumentException("scheduler " + scheduler.getClass().getName() + " is not a PARTEL scheduler");
        }
        return new Run(context, partel).execute();
    }

    /** The state of one run. */
    private static final class Run {
        private final Scenario scenario;
        private final PartelSpec spec;
        private final PartelScheduler scheduler;
        private final RunContext context;
        private final Deployment deployment;
        private final RoundConditions conditions;
        private final Kernel kernel = new Kernel();
        private final List<PartelRows.RoundRow> rounds = new ArrayList<>();
        private final List<PartelRows.DeviceRow> devices = new ArrayList<>();

        Run(RunContext context, PartelScheduler scheduler) {
            this.context = context;
            this.scenario = context.scenario();
            this.spec = (PartelSpec) scenario.protocol();
            this.scheduler = scheduler;
            this.deployment = Deployment.drop(scenario, context.streams());
            this.conditions = new RoundConditions(scenario, deployment, context.streams());
        }

        RunResult execute() {
            kernel.schedule(0.0, "round-start", "round 1", () -> startRound(1));
            kernel.run();
            return new RunResult(new Table<>(PartelRows.ROUND_COLUMNS, rounds), new Table<>(PartelRows.DEVICE_COLUMNS, devices));
        }

        private void startRound(int round) {
            RoundConditions.Round c = conditions.next(round);
            PartelSnapshot snapshot = snapshot(round, c);
            PartelPlan plan = scheduler.plan(snapshot);
            new PartelRound(kernel, snapshot, plan, outcome -> finishRound(c, snapshot, plan, outcome)).start();
        }

        private void finishRound(RoundConditions.Round c, PartelSnapshot s, PartelPlan plan, PartelRound.Outcome o) {
            rounds.add(new PartelRows.RoundRow(s.round(), scenario.scheduler(), o.start(), plan.plannedLatencyS(),
                    o.latency(), o.push(), o.criticalCompute(), o.criticalUpload(), o.server(), o.critical()));
            for (Worker w : s.workers()) {
                int i = w.index();
                double share = plan.share(i);
                devices.add(new PartelRows.DeviceRow(s.round(), i, w.group(), deployment.device(i).distance(),
                        c.gainDown()[i], c.gainUp()[i], w.speedHz(), s.bandwidthHz() * w.downEfficiency(),
                        s.uploadRate(w, share), plan.block(w.group()), share, w.samples(),
                        o.compute()[i], o.upload()[i], o.finish()[i]));
            }
            context.progress().roundDone(s.round(), scenario.rounds());
            if (s.round() < scenario.rounds()) {
                kernel.schedule(0.0, "round-start", "round " + (s.round() + 1), () -> startRound(s.round() + 1));
            }
        }

        /** The scheduler's view: spectral efficiencies per the paper's noise bands (see partel-paba.md). */
        private PartelSnapshot snapshot(int round, RoundConditions.Round c) {
            RadioSpec radio = scenario.radio();
            int k = spec.groups();
            int n = spec.workersPerGroup();
            double band = radio.bandwidth();
            double noiseDown = Rates.noise(radio.noiseDensity(), band);
            double noiseUpShare = Rates.noise(radio.noiseDensity(), band / (k * n));
            double[] gainUp = c.gainUp();
            double[] gainDown = c.gainDown();
            List<Worker> workers = new ArrayList<>(k * n);
            for (int g = 0; g < k; g++) {
                for (int p = 0; p < n; p++) {
                    int i = g * n + p;
                    workers.add(new Worker(i, g, samplesOf(p, n),
                            c.speedHz()[i],
                            Rates.spectralEfficiency(Rates.snr(radio.apPower(), gainDown[i], noiseDown)),
                            Rates.spectralEfficiency(Rates.snr(radio.devicePower(), gainUp[i], noiseUpShare)),
                            radio.devicePower() * gainUp[i] / radio.noiseDensity()));
                }
            }
            return new PartelSnapshot(round, k, n, spec.modelParameters(), band, spec.bitsPerParameter(),
                    spec.bitsPerGradient(), spec.cyclesPerParameterPerSample(), spec.serverUpdateTime(),
                    spec.uplinkNoise(), workers);
        }

        /** The group's copy of the training set split evenly: the first D mod N workers get one more. */
        private int samplesOf(int position, int workersPerGroup) {
            int d = spec.trainingSamples();
            return d / workersPerGroup + (position < d % workersPerGroup ? 1 : 0);
        }
    }
}

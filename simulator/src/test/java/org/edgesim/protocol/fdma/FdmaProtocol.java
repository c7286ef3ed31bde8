package org.edgesim.protocol.fdma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.edgesim.channel.Air;
import org.edgesim.channel.Channel;
import org.edgesim.channel.Link;
import org.edgesim.protocol.DescribedProtocol;
import org.edgesim.protocol.PlanJson;
import org.edgesim.protocol.ProtocolRun;
import org.edgesim.protocol.RoundEngine;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.round.Gathering;
import org.edgesim.round.RoundWork;
import org.edgesim.round.Turn;
import org.edgesim.sched.external.WireJson;
import org.edgesim.table.Table;

/**
 * FedAvg over FDMA's rounds on the round engine: each device computes, then uploads its model on its
 * share of the band through the links the channel makes; the server takes what its straggler policy
 * takes. External schedulers read the snapshot as its record ({@link WireJson}) and answer
 * {@code {"shares": [...]}}.
 */
public final class FdmaProtocol extends DescribedProtocol<FdmaScheduler> {
    public FdmaProtocol() {
        super(FdmaSpec.TYPE, "plain synchronous FedAvg over FDMA (a test-only protocol)", FdmaScheduler.class,
                process -> (FdmaScheduler) s -> process.exchange(s.round(), WireJson.of(s), p -> plan(s, p)),
                FdmaRows::rounds,
                (context, scheduler) -> new Run(context, scheduler).execute());
    }

    /** An external scheduler's answer, checked against the snapshot it answers. */
    private static FdmaPlan plan(FdmaSnapshot s, com.fasterxml.jackson.databind.JsonNode answer) {
        double[] shares = PlanJson.doubles(answer, "shares");
        if (shares.length != s.size()) {
            throw new IllegalArgumentException("'shares' has " + shares.length + " entries for " + s.size() + " devices");
        }
        return new FdmaPlan(shares);
    }

    private static final class Run extends ProtocolRun<FdmaSpec, FdmaScheduler, Run.Ended> {
        private record Ended(FdmaPlan plan, double[] rate, double[] uploaded, double uplink) {
        }

        Run(RunContext context, FdmaScheduler scheduler) {
            super(context, scheduler, FdmaSpec.class, "round");
        }

        RunResult execute() {
            List<CommonRow.Row<FdmaRows.Round>> rounds = new ArrayList<>();
            List<DeviceCommon.Row<FdmaRows.Device>> devices = new ArrayList<>();
            for (Turn<Ended> t : rounds(null)) {
                Ended e = t.outcome();
                rounds.add(new CommonRow.Row<>(t.common(), new FdmaRows.Round(e.uplink())));
                for (int k = 0; k < e.rate().length; k++) {
                    devices.add(new DeviceCommon.Row<>(t.device(k), new FdmaRows.Device(e.plan().shares()[k],
                            e.rate()[k], e.uploaded()[k])));
                }
            }
            return new RunResult(new Table<>(FdmaRows.rounds(scenario), rounds), new Table<>(FdmaRows.devices(scenario),
                    devices), TrainingData.provenance("FedAvg over FDMA: " + spec.computeTime() + " s of computation, "
                    + spec.modelBits() + " bits up per device and round", "nothing (no learning section)", null));
        }

        @Override
        protected void startRound(Turn<Ended> turn) {
            RoundEngine.Spectrum seen = engine.spectrum(scenario, turn);
            double power = scenario.radio().devicePower();
            FdmaPlan plan = scheduler.plan(new FdmaSnapshot(turn.round(), seen.bandHz(), power, seen.upDensity(),
                    spec.modelBits(), spec.computeTime(), turn.seen().largeScale()));
            int n = turn.size();
            if (plan.shares().length != n) {
                throw new IllegalStateException("scheduler " + scenario.scheduler() + " planned " + plan.shares().length
                        + " shares for " + n + " devices");
            }
            Channel channel = engine.channel();
            double density = engine.thermal(scenario, turn).upDensity();
            double[] rate = new double[n];
            double planned = 0;
            for (int k = 0; k < n; k++) {
                double w = plan.shares()[k] * seen.bandHz();
                rate[k] = w * channel.ergodic(power, turn.truth().largeScale()[k], channel.noise(density, w));
                double expected = w * channel.ergodic(power, turn.seen().largeScale()[k], channel.noise(seen.upDensity(), w));
                planned = Math.max(planned, spec.computeTime() + spec.modelBits() / expected);
            }
            double[] uploaded = new double[n];
            Arrays.fill(uploaded, Double.NaN);
            double start = turn.start();
            double plannedS = planned;
            Gathering[] server = new Gathering[1];
            server[0] = Gathering.open(engine.kernel(), n, spec.stragglers().quorum(n), spec.stragglers().deadline(planned),
                    "deadline", "server", () -> turn.finish(plannedS, server[0].taken(), new Ended(plan, rate, uploaded,
                            engine.kernel().now() - start)));
            Air.Round air = engine.links(turn);
            RoundWork work = turn.work();
            for (int k = 0; k < n; k++) {
                int d = k;
                double w = plan.shares()[k] * seen.bandHz();
                Link up = air.up(k, Air.Path.of(w, power, channel.noise(density, w), Air.Reading.ERGODIC,
                        new Link.Timed(spec.modelBits() / rate[k])));
                String who = "device " + turn.member(k);
                work.computeOnce(k, spec.computeTime(), who, () -> {
                    if (server[0].closed()) {
                        return; // the server has moved on: nothing is sent
                    }
                    work.send(d, d, up, spec.modelBits(), "upload-done", who, () -> {
                        uploaded[d] = engine.kernel().now() - start;
                        server[0].arrive(d);
                    });
                });
            }
        }
    }
}

package org.edgesim.protocol.partel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunResult;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.table.Column;
import org.edgesim.table.Table;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/**
 * With fading off and static compute, each executed PARTEL round lasts exactly what the paper's
 * closed form says: T = max_{k,n} (T_ph + b_k D O / f + A_g b_k / (rho B R_u)) + T_s. The closed
 * form is recomputed here from the device table (distances, speeds, allocations) and the
 * scenario's parameters, independently of the code that scheduled and executed the round.
 */
class PartelClosedFormTest {
    private static final double REL = 1e-9;

    private static String scenario(RandomStream r, int instance, boolean allocatedNoise) {
        int k = 1 + r.nextInt(0, 6);
        int n = 1 + r.nextInt(0, 6);
        long params = k + r.nextInt(0, 2_000_000);
        int samples = n + r.nextInt(0, 20_000);
        double bandwidthMhz = 1 + 99 * r.nextDouble();
        double radiusM = 20 + 480 * r.nextDouble();
        return String.format(Locale.ROOT, """
                name: closed-form-%d
                seed: %d
                rounds: %d
                cell: {radius: %.6f m, minDistance: 1 m}
                radio:
                  bandwidth: %.6f MHz
                  noiseDensity: %.3f dBm/Hz
                  pathLoss: urban-macro
                  fading: none
                  apPower: %.3f dBm
                  devicePower: %.3f dBm
                devices:
                  cpu: {speed: {uniform: [0.1 GHz, 2 GHz]}, flopsPerCycle: 1}
                protocol:
                  type: partel
                  groups: %d
                  workersPerGroup: %d
                  modelParameters: %d
                  trainingSamples: %d
                  bitsPerParameter: %d
                  bitsPerGradient: %d
                  cyclesPerParameterPerSample: %.4f
                  serverUpdateTime: %.6f s
                  uplinkNoise: %s
                scheduler: baseline
                """, instance, 1000 + instance, 1 + r.nextInt(0, 3), radiusM, bandwidthMhz,
                -180 + 10 * r.nextDouble(), 30 + 16 * r.nextDouble(), 10 + 14 * r.nextDouble(),
                k, n, params, samples, 8 + r.nextInt(0, 56), 8 + r.nextInt(0, 56), 0.5 + 4 * r.nextDouble(),
                0.1 * r.nextDouble(), allocatedNoise ? "allocated" : "equal-share");
    }

    private static <T> double value(Table<T> table, int row, String header) {
        for (Column<T> c : table.columns()) {
            if (c.header().equals(header)) {
                return ((Number) c.value().apply(table.rows().get(row))).doubleValue();
            }
        }
        throw new AssertionError("no column " + header);
    }

    /** The closed form of one round from first principles (dB to W, path loss, Shannon). */
    private static double closedForm(Scenario s, Table<?> devices, int firstRow) {
        var radio = s.radio();
        var p = (PartelSpec) s.protocol();
        int workers = p.groups() * p.workersPerGroup();
        double b = radio.bandwidth();
        double push = 0;
        double slowest = 0;
        for (int w = 0; w < workers; w++) {
            int row = firstRow + w;
            double d = value(devices, row, "distance_m");
            double gain = Math.pow(10, -(128.1 + 37.6 * Math.log10(d / 1000)) / 10);
            double rd = Math.log(1 + radio.apPower() * gain / (radio.noiseDensity() * b)) / Math.log(2);
            push = Math.max(push, p.bitsPerParameter() * p.modelParameters() / (b * rd));
            double block = value(devices, row, "block_params");
            double rho = value(devices, row, "bandwidth_share");
            int position = w % p.workersPerGroup();
            int dkn = p.trainingSamples() / p.workersPerGroup() + (position < p.trainingSamples() % p.workersPerGroup() ? 1 : 0);
            double compute = block * dkn * p.cyclesPerParameterPerSample() / value(devices, row, "speed_Hz");
            double rate = switch (p.uplinkNoise()) {
                case EQUAL_SHARE -> rho * b * Math.log(1 + radio.devicePower() * gain
                        / (radio.noiseDensity() * b / workers)) / Math.log(2);
                case ALLOCATED -> rho * b * Math.log(1 + radio.devicePower() * gain
                        / (radio.noiseDensity() * rho * b)) / Math.log(2);
            };
            slowest = Math.max(slowest, compute + p.bitsPerGradient() * block / rate);
        }
        return push + slowest + p.serverUpdateTime();
    }

    @Test
    void executedRoundLatencyEqualsTheClosedFormOnRandomInstances() throws ScenarioException {
        Simulation sim = new Simulation(Catalog.standard());
        ScenarioLoader loader = Catalog.standard().loader();
        RandomStream r = new RandomStreams(2020).stream("test/partel-closed-form");
        int rounds = 0;
        for (int instance = 0; instance < 100; instance++) {
            Scenario s = loader.parse("instance-" + instance + ".yaml", scenario(r, instance, instance % 4 == 3),
                    ScenarioLoader.Format.YAML);
            RunResult result = sim.run(s);
            int workers = s.deviceCount();
            double clock = 0;
            for (int round = 0; round < s.rounds(); round++) {
                double expected = closedForm(s, result.devices(), round * workers);
                double realised = value(result.rounds(), round, "realised_latency_s");
                double planned = value(result.rounds(), round, "planned_latency_s");
                assertEquals(expected, realised, REL * expected, "instance " + instance + " round " + (round + 1));
                assertEquals(expected, planned, REL * expected, "planned, instance " + instance);
                assertEquals(clock, value(result.rounds(), round, "start_s"), REL * Math.max(clock, 1e-300));
                double parts = value(result.rounds(), round, "push_s") + value(result.rounds(), round, "compute_s")
                        + value(result.rounds(), round, "pull_s") + value(result.rounds(), round, "server_s");
                assertEquals(realised, parts, REL * realised, "components add up to the latency");
                clock += realised;
                rounds++;
            }
        }
        assertTrue(rounds >= 100);
    }

    @Test
    void everyWorkerFinishesByTheRoundLatencyAndTheCriticalOneExactlyThen() throws ScenarioException {
        Scenario s = Catalog.standard().loader().parse("s.yaml",
                scenario(new RandomStreams(1).stream("x"), 0, false), ScenarioLoader.Format.YAML);
        RunResult result = new Simulation(Catalog.standard()).run(s);
        int workers = s.deviceCount();
        double latency = value(result.rounds(), 0, "realised_latency_s");
        int critical = (int) value(result.rounds(), 0, "critical_device");
        double serverS = value(result.rounds(), 0, "server_s");
        for (int w = 0; w < workers; w++) {
            assertTrue(value(result.devices(), w, "finish_s") <= latency - serverS + 1e-12);
        }
        assertEquals(latency - serverS, value(result.devices(), critical, "finish_s"), 1e-12 * latency);
    }
}

package org.edgesim.protocol.feel;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.RunResult;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** FEEL rounds executed as events against the fluid model, independent rate computations and the learning. */
class FeelProtocolTest {
    private static final double FRAME = 0.01;
    private static final double BITS = 32.0 * 200_000;

    static String yaml(String scheduler, String devices, String extra) {
        return """
                name: tiny-feel
                seed: 11
                rounds: 4
                cell: {radius: 200 m}
                radio:
                  bandwidth: 10 MHz
                  noiseDensity: -174 dBm/Hz
                  pathLoss: urban-macro
                  fading: rayleigh
                  apPower: 28 dBm
                  devicePower: 28 dBm
                devices:
                %s
                protocol:
                  type: feel
                  maxBatch: 64
                  modelParameters: 200000
                  cyclesPerSample: 2e6
                  trainingSamples: 6000
                %s
                scheduler: %s
                """.formatted(devices.indent(2).stripTrailing(), extra.indent(2).stripTrailing(), scheduler);
    }

    static final String CPUS = """
            count: 5
            cpu:
              speed: {blocks: [0.7 GHz, 1.4 GHz, 2.1 GHz]}
            """;

    static Scenario scenario(String text) {
        try {
            return Catalog.standard().loader().parse("tiny-feel.yaml", text, ScenarioLoader.Format.YAML);
        } catch (org.edgesim.scenario.ScenarioException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static RunResult run(String text) {
        return new Simulation(Catalog.standard()).run(scenario(text));
    }

    /**
     * {@code E[log2(1 + s g)]}, {@code g ~ Exp(1)}, by Simpson's rule in {@code x = ln g} from
     * {@code g = e^-40} to 60 (independent of the E1 closed form).
     */
    static double ergodic(double s) {
        int n = 400_000;
        double lo = -40;
        double h = (Math.log(60) - lo) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double g = Math.exp(lo + i * h);
            double f = Math.log1p(s * g) / Math.log(2) * Math.exp(-g) * g;
            sum += (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2) * f;
        }
        return sum * h / 3;
    }

    @Test
    void ergodicRatesFromTheDistanceFeedTheScheduler() {
        RunResult r = run(yaml("feel-proposed", CPUS, ""));
        double[] distance = column(r.devices(), "distance_m");
        double[] up = column(r.devices(), "rate_up_bit_per_s");
        double[] down = column(r.devices(), "rate_down_bit_per_s");
        double noise = Math.pow(10, (-174 - 30) / 10.0) * 10e6;
        double power = Math.pow(10, (28 - 30) / 10.0);
        for (int i = 0; i < 5; i++) {
            double pathLossDb = 128.1 + 37.6 * Math.log10(distance[i] / 1000);
            double snr = power * Math.pow(10, -pathLossDb / 10) / noise;
            double expected = 10e6 * ergodic(snr);
            assertEquals(expected, up[i], 1e-6 * expected, "device " + i);
            assertEquals(expected, down[i], 1e-6 * expected, "device " + i + " (same power both ways)");
        }
    }

    @Test
    void executedTdmaTransfersTakeTheFluidTimeUpToOneFrame() {
        for (String scheduler : List.of("feel-proposed", "feel-random-batch", "feel-online-equal-slots", "feel-fedavg")) {
            RunResult r = run(yaml(scheduler, CPUS, ""));
            double[] rate = column(r.devices(), "rate_up_bit_per_s");
            double[] slot = column(r.devices(), "slot_up_s");
            double[] computed = column(r.devices(), "compute_s");
            double[] uploaded = column(r.devices(), "uploaded_s");
            for (int i = 0; i < rate.length; i++) {
                double fluid = BITS * FRAME / (slot[i] * rate[i]);
                double executed = uploaded[i] - computed[i];
                assertTrue(Math.abs(executed - fluid) <= FRAME + 1e-12, scheduler + " row " + i + ": executed "
                        + executed + " s, fluid " + fluid + " s");
            }
            double[] planned = column(r.rounds(), "planned_latency_s");
            double[] realised = column(r.rounds(), "realised_latency_s");
            for (int k = 0; k < planned.length; k++) {
                // Each direction ends within one frame of its fluid plan.
                assertTrue(Math.abs(realised[k] - planned[k]) <= 2 * FRAME + 1e-12, scheduler + " round " + (k + 1)
                        + ": realised " + realised[k] + " s, planned " + planned[k] + " s");
            }
        }
    }

    @Test
    void gpuComputeFollowsTheFlatThenLinearLaw() {
        String gpus = """
                count: 3
                gpu: {fixed: 50 ms, perSample: 1.5 ms, threshold: 32}
                """;
        for (int bmax : new int[] {1, 32, 33, 100}) {
            RunResult r = run(yaml("feel-full-batch", gpus, "").replace("maxBatch: 64", "maxBatch: " + bmax));
            double expected = 0.05 + 1.5e-3 * Math.max(0, bmax - 32);
            for (double c : column(r.devices(), "compute_s")) {
                assertEquals(expected, c, 1e-12, "batch " + bmax);
            }
        }
    }

    @Test
    void sameScenarioSameRows() {
        String text = yaml("feel-random-batch", CPUS, "");
        RunResult a = run(text);
        RunResult b = run(text);
        assertEquals(a.rounds().rows(), b.rounds().rows());
        assertEquals(a.devices().rows(), b.devices().rows());
    }

    @Test
    void aBatchLargerThanADevicesDataIsInfeasible() {
        String text = yaml("feel-proposed", CPUS, "").replace("maxBatch: 64", "maxBatch: 2000")
                .replace("  trainingSamples: 6000\n", "") + "learning: {data: fashion-mnist-small, stepSize: 0.1}\n";
        InfeasibleScenarioException e = assertThrows(InfeasibleScenarioException.class, () -> run(text));
        assertTrue(e.getMessage().contains("device 0 holds 1600 training samples, fewer than protocol.maxBatch = 2000"),
                e.getMessage());
    }

    @Test
    void everySchemeTrainsAndSaysWhatItTrainedOnWhichClock() {
        String learning = """
                learning:
                  data: fashion-mnist-small
                  model: logistic-regression
                  stepSize: 0.1
                """;
        for (String scheduler : List.of("feel-proposed", "feel-fedavg", "feel-individual", "feel-online")) {
            String text = yaml(scheduler, CPUS, "partition: non-iid").replace("  modelParameters: 200000\n", "")
                    .replace("  cyclesPerSample: 2e6\n", "").replace("  trainingSamples: 6000\n", "") + learning;
            RunResult r = run(text);
            double[] loss = column(r.rounds(), "train_loss");
            double[] accuracy = column(r.rounds(), "test_accuracy");
            // Individual learning's one row is the average after the local training; the others run 4 rounds.
            int last = scheduler.equals("feel-individual") ? 0 : 3;
            assertEquals(last + 1, loss.length);
            assertTrue(loss[last] < Math.log(10), scheduler + ": loss " + loss[last] + " at the end, ln 10 at the start");
            assertTrue(accuracy[last] > 0.1 && accuracy[last] <= 1, scheduler + ": accuracy " + accuracy[last]);
            assertTrue(r.provenance().get("trained").contains("logistic-regression"), r.provenance().toString());
            assertTrue(r.provenance().get("clock").contains("7850 parameters (the trained model's profile)"),
                    r.provenance().toString());
        }
    }
}

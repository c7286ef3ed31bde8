package org.edgesim.protocol.feel;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.edgesim.channel.AnalogAggregation;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.RunResult;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * FEEL over the air: with no noise, truncation or CSI error the analog sum trains what digital
 * gradient averaging trains; its uplink is the slowest selected computation plus
 * {@code ceil(q / M) M / B}, whatever the number of devices, while TDMA's grows with them; the
 * paper's cell-interior scheduling selects exactly the devices within the ratio of the radius; and
 * what it cannot run is refused where it is written.
 */
class AirCompTest {
    private static final String BASE = """
            name: aircomp
            seed: 5
            rounds: 3
            cell: {radius: 200 m}
            radio: {bandwidth: 10 MHz, noiseDensity: -174 dBm/Hz, pathLoss: urban-macro, fading: rayleigh,
                    apPower: 28 dBm, devicePower: 28 dBm}
            devices:
              count: COUNT
              gpu: {fixed: 50 ms, perSample: 1.5 ms, threshold: 32}
            protocol: {type: feel, maxBatch: 64, latencyModel: densenet121, trainingSamples: 6400, EXTRA}
            scheduler: SCHEDULER
            """;

    private static Scenario scenario(int count, String extra, String scheduler) throws ScenarioException {
        return Catalog.standard().loader().parse("aircomp.yaml", BASE.replace("COUNT", String.valueOf(count))
                .replace("EXTRA", extra).replace("SCHEDULER", scheduler), ScenarioLoader.Format.YAML).single();
    }

    private static RunResult run(Scenario s) {
        return new Simulation(Catalog.standard()).run(s);
    }

    @Test
    void withoutNoiseTruncationOrErrorTheAnalogSumTrainsWhatDigitalAveragingTrains() {
        TrainTest<Samples> tt = TinyFeel.data();
        int[][] held = TinyFeel.thirds();
        LearningSpec spec = TinyFeel.spec();
        int[] batches = {6, 6, 6};
        boolean[] all = {true, true, true};
        try (FeelTraining digital = new FeelTraining(spec, tt, held, new RandomStreams(92), 8, null);
             FeelTraining air = new FeelTraining(spec, tt, held, new RandomStreams(92), 8, null)) {
            double[][] ones = new double[3][4];
            for (double[] row : ones) {
                Arrays.fill(row, 1.0);
            }
            AnalogAggregation.Round quiet = new AnalogAggregation.Round(ones, 1.0, 0.0, new double[3]);
            for (int round = 0; round < 5; round++) {
                digital.gradientRound(new int[] {0, 1, 2}, batches, 0.2, all);
                air.gradientsRound(air.drawn(new int[] {0, 1, 2}, batches, all), 0.2, (u, sizes) -> quiet.aggregate(u,
                        new RandomStreams(1).stream("noise")));
            }
            assertArrayEquals(digital.model(), air.model(), 1e-12);
        }
    }

    @Test
    void theUplinkIsTheSlowestComputationPlusTheAirtimeWhateverTheDeviceCount() throws Exception {
        long q = 8_062_504; // densenet121's parameters, the clock's
        double airtime = AnalogAggregation.airtimeS(q, 64, 10e6);
        double[] tdma = new double[2];
        int i = 0;
        for (int count : new int[] {5, 20}) {
            RunResult r = run(scenario(count, "aggregation: aircomp", "aircomp-all"));
            double[] uplink = column(r.rounds(), "uplink_s");
            double[] compute = column(r.rounds(), "compute_s");
            for (int j = 0; j < uplink.length; j++) {
                assertEquals(compute[j] + airtime, uplink[j], 1e-9, count + " devices");
            }
            assertArrayEquals(new double[] {count, count, count}, column(r.rounds(), "aircomp_devices"));
            tdma[i++] = column(run(scenario(count, "straggler: wait-all", "feel-full-batch-equal-slots")).rounds(),
                    "uplink_s")[0];
        }
        assertTrue(tdma[1] > 3 * tdma[0], "TDMA's uplink grows with the devices: " + Arrays.toString(tdma));
        // A digital scheduler compared in an over-the-air study sends over its slots, as without aircomp.
        RunResult digital = run(scenario(5, "aggregation: digital", "feel-full-batch-equal-slots"));
        RunResult beside = run(scenario(5, "aggregation: aircomp", "feel-full-batch-equal-slots"));
        assertArrayEquals(column(digital.rounds(), "uplink_s"), column(beside.rounds(), "uplink_s"));
        assertArrayEquals(new double[] {0, 0, 0}, column(beside.rounds(), "aircomp_devices"));
    }

    @Test
    void cellInteriorSchedulingSelectsTheDevicesWithinTheRatioOfTheRadius() throws Exception {
        Scenario s = scenario(20, "aggregation: aircomp", "aircomp-interior\nschedulerOptions: {interiorRatio: 0.6,"
                + " threshold: 0.2}");
        RunResult r = run(s);
        double[] distance = column(r.devices(), "distance_m");
        double[] round = column(r.devices(), "round");
        double[] uploaded = column(r.devices(), "uploaded_s");
        int inside = 0;
        for (int k = 0; k < distance.length; k++) {
            if (round[k] == 1) {
                inside += distance[k] <= 0.6 * 200 ? 1 : 0;
            }
            assertEquals(distance[k] <= 0.6 * 200, !Double.isNaN(uploaded[k]), "row " + k);
        }
        assertEquals(inside, column(r.rounds(), "aircomp_devices")[0]);
        double snr = column(r.rounds(), "aircomp_receive_snr_dB")[0];
        double all = column(run(scenario(20, "aggregation: aircomp", "aircomp-all")).rounds(),
                "aircomp_receive_snr_dB")[0];
        assertTrue(snr > all, "the interior's weakest device is stronger than the edge's: " + snr + " vs " + all);
    }

    /**
     * Hierarchical cells, each edge server aggregating its cell's analog sum: on one band (reuse 1)
     * each site hears the other cells' parts, and the sum's receive SNR is
     * {@code rho0 / ((N_0 + I) B / M)} with {@code I} the interference the row reports; on bands of
     * their own (reuse 3) nothing is heard and the noise is thermal over a third of the band. The same
     * devices and fading draws in both: {@code SNR_1 - SNR_3 = -10 log10(3 (N_0 + I) / N_0)}.
     */
    @Test
    void inSeveralCellsEachSumHearsTheCoChannelCellsAsNoise() throws Exception {
        String cells = "cells: {count: 3, interSiteDistance: 350 m, reuse: REUSE, backhaul: {capacity: 1 Gbit/s,"
                + " latency: 10 ms}}\n";
        RunResult one = run(scenario(15, "aggregation: aircomp", "aircomp-all\n" + cells.replace("REUSE", "1")));
        RunResult three = run(scenario(15, "aggregation: aircomp", "aircomp-all\n" + cells.replace("REUSE", "3")));
        double n0 = Math.pow(10, -17.4) / 1000;
        double[] heard = column(one.rounds(), "interference_up_W_per_Hz");
        double[] snr1 = column(one.rounds(), "aircomp_receive_snr_dB");
        double[] snr3 = column(three.rounds(), "aircomp_receive_snr_dB");
        assertEquals(9, heard.length, "3 rounds in 3 cells");
        assertArrayEquals(column(one.rounds(), "aircomp_devices"), column(three.rounds(), "aircomp_devices"));
        for (int r = 0; r < heard.length; r++) {
            assertTrue(heard[r] > n0, "the other cells' parts, heard at the site, outweigh the thermal noise: " + heard[r]);
            assertEquals(-10 * Math.log10(3 * (n0 + heard[r]) / n0), snr1[r] - snr3[r], 1e-9, "row " + r);
        }
        assertArrayEquals(new double[9], column(three.rounds(), "interference_up_W_per_Hz"));
    }

    /**
     * With a learning section, end to end: over the air (the interior's devices only) and with
     * quantised digital uploads the real model trains; a quantised upload takes (4 p + 32) / (32 p)
     * of the full one on the same links (to a frame), and its error reaches the model; so do FedAvg's
     * sparsified models.
     */
    @Test
    void overTheAirAndCompressedUploadsTrainTheRealModel() throws Exception {
        String learning = "\nlearning: {data: fashion-mnist-small, model: mlp, stepSize: 0.1}";
        RunResult air = run(scenario(6, "aggregation: aircomp", "aircomp-interior" + learning));
        for (double a : column(air.rounds(), "test_accuracy")) {
            assertTrue(a > 0.05 && a <= 1, "accuracy " + a);
        }
        RunResult plain = run(scenario(6, "straggler: wait-all", "feel-full-batch-equal-slots" + learning));
        RunResult quantised = run(scenario(6, "compression: {type: quantize, bits: 4}", "feel-full-batch-equal-slots"
                + learning));
        long p = 8_062_504;
        double[] up = column(plain.rounds(), "uplink_s");
        double[] upQ = column(quantised.rounds(), "uplink_s");
        double[] compute = column(plain.rounds(), "compute_s");
        for (int r = 0; r < up.length; r++) {
            // Within the TDMA frames' granularity: a transfer ends inside its last slot (10 ms frames).
            assertEquals((4.0 * p + 32) / (32.0 * p), (upQ[r] - compute[r]) / (up[r] - compute[r]), 0.005 * 0.125);
        }
        double[] acc = column(plain.rounds(), "test_accuracy");
        double[] accQ = column(quantised.rounds(), "test_accuracy");
        assertTrue(!Arrays.equals(acc, accQ), "the quantisation's error reaches the model");
        // A round whose deadline nobody meets takes no step, compressed or not.
        RunResult none = run(scenario(6, "compression: {type: quantize, bits: 4}, straggler: deadline,"
                + " deadlineFactor: 0.01", "feel-full-batch-equal-slots" + learning));
        assertArrayEquals(new double[] {0, 0, 0}, column(none.rounds(), "aggregated"));
        double[] still = column(none.rounds(), "test_accuracy");
        assertEquals(still[0], still[2], 0.0, "no step");
        // FedAvg's models too: top-k of their change, each kept value with its 23-bit index.
        RunResult models = run(scenario(6, "straggler: wait-all", "feel-fedavg" + learning));
        RunResult sparse = run(scenario(6, "compression: {type: topk, fraction: 0.1}", "feel-fedavg" + learning));
        double kept = Math.ceil(0.1 * p) * (32 + 23) / (32.0 * p);
        double[] upM = column(models.rounds(), "uplink_s");
        double[] upS = column(sparse.rounds(), "uplink_s");
        double[] computeM = column(models.rounds(), "compute_s");
        for (int r = 0; r < upM.length; r++) {
            assertEquals(kept, (upS[r] - computeM[r]) / (upM[r] - computeM[r]), 0.01 * kept);
        }
        assertTrue(!Arrays.equals(column(models.rounds(), "test_accuracy"), column(sparse.rounds(), "test_accuracy")));
    }

    @Test
    void whatTheAnalogSumCannotRunIsRefusedWhereItIsWritten() throws Exception {
        ScenarioException fading = assertThrows(ScenarioException.class, () -> Catalog.standard().loader().parse(
                "aircomp.yaml", BASE.replace("COUNT", "5").replace("EXTRA", "aggregation: aircomp")
                        .replace("SCHEDULER", "aircomp-all").replace("fading: rayleigh", "fading: {law: nakagami, m: 2}"),
                ScenarioLoader.Format.YAML));
        assertTrue(fading.getMessage().contains("radio.fading") && fading.getMessage().contains("aircomp"),
                fading.getMessage());
        ScenarioException deadline = assertThrows(ScenarioException.class, () -> scenario(5,
                "aggregation: aircomp, straggler: deadline", "aircomp-all"));
        assertTrue(deadline.getMessage().contains("straggler"), deadline.getMessage());
        ScenarioException none = assertThrows(ScenarioException.class, () -> scenario(5,
                "aggregation: aircomp, subcarriers: 0", "aircomp-all"));
        assertTrue(none.getMessage().contains("subcarriers"), none.getMessage());
        ScenarioException scheme = assertThrows(ScenarioException.class, () -> scenario(5, "aggregation: analog",
                "aircomp-all"));
        assertTrue(scheme.getMessage().contains("'digital'"), scheme.getMessage());
        ScenarioException bits = assertThrows(ScenarioException.class, () -> scenario(5,
                "compression: {type: quantize}", "feel-proposed"));
        assertTrue(bits.getMessage().contains("protocol.compression.bits"), bits.getMessage());
        Scenario digitalAir = scenario(5, "aggregation: digital", "aircomp-all");
        assertTrue(infeasible(() -> run(digitalAir)).contains("protocol.aggregation: aircomp"));
    }

    /** The message of the infeasibility that stopped {@code run} (events wrap it in their own exception). */
    private static String infeasible(org.junit.jupiter.api.function.Executable run) {
        Throwable e = assertThrows(RuntimeException.class, run);
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InfeasibleScenarioException) {
                return t.getMessage();
            }
        }
        throw new AssertionError("not an infeasibility", e);
    }

    @Test
    void unequalBatchesOverTheAirAreRefusedNotAveragedUnweighted() throws Exception {
        Scenario s = scenario(4, "aggregation: aircomp", "aircomp-interior");
        try (org.edgesim.env.Environment env = new org.edgesim.env.Environment(Catalog.standard(), s, "air")) {
            env.reset(1L);
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            String plan = "{\"update\": \"gradient\", \"batches\": [%s], \"aircomp\": {\"threshold\": 0.1,"
                    + " \"selected\": [true, true, true, %s]}}";
            var unequal = env.step(json.readTree(String.format(plan, "64, 64, 64, 32", "true")));
            assertTrue(unequal.path("error").asText().contains("device 3 has 32 against device 0's 64"), unequal.toString());
            // A device left out of the sum may hold any batch; equal batches of the selected run the round.
            var ok = env.step(json.readTree(String.format(plan, "64, 64, 64, 32", "false")));
            assertTrue(!ok.has("error") && ok.get("reward").asDouble() < 0, ok.toString());
        }
    }
}

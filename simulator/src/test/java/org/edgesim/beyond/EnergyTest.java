package org.edgesim.beyond;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.RunResult;
import org.edgesim.report.TableColumns;
import org.edgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Device energy (devices.cpu.capacitance) against the closed forms on a static CPSL instance. */
class EnergyTest {
    @Test
    void cpslEnergyIsKappaFSquaredPerCyclePlusPowerTimesSendingTime() throws Exception {
        Scenario s = ImperfectKnowledgeTest.load("cpsl-fig7.yaml", "    speedSigma: 0.05 GHz\n",
                "    capacitance: 1e-28\n", "  snrSigma: 2 dB\n", "", "localEpochs: 1", "localEpochs: 2").withRounds(2);
        RunResult r = new Simulation(Catalog.standard()).run(s);
        // The scenario's clock: the paper's CNN by its own conventions (profile: paper), cut at POOL1.
        ModelProfile.CutProfile cut = Profiles.paperConventions(ModelSpec.cpslCnnPaper(10), new int[] {1, 28, 28})
                .cut(3);
        double power = 0.1; // 20 dBm
        double[] round = TableColumns.column(r.devices(), "round");
        double[] speed = TableColumns.column(r.devices(), "speed_Hz");
        double[] rate = TableColumns.column(r.devices(), "rate_bit_per_s");
        double[] x = TableColumns.column(r.devices(), "subcarriers");
        double[] compute = TableColumns.column(r.devices(), "compute_energy_J");
        double[] radio = TableColumns.column(r.devices(), "radio_energy_J");
        double[] total = new double[2];
        for (int i = 0; i < round.length; i++) {
            double cycles = 2 * 16 * (cut.deviceForward() + cut.deviceBackward());
            double expectedCompute = 1e-28 * speed[i] * speed[i] * cycles;
            double sending = (2 * 16 * cut.smashedBits() + cut.deviceModelBits()) / (x[i] * rate[i]);
            assertEquals(expectedCompute, compute[i], 1e-12 * expectedCompute, "row " + i);
            assertEquals(power * sending, radio[i], 1e-9 * power * sending, "row " + i);
            total[(int) round[i] - 1] += compute[i] + radio[i];
        }
        double[] energy = TableColumns.column(r.rounds(), "energy_J");
        assertEquals(total[0], energy[0], 1e-12 * total[0]);
        assertEquals(total[1], energy[1], 1e-12 * total[1]);
    }

    @Test
    void partelEnergyIsKappaFSquaredPerCyclePlusPowerTimesUploadTime() throws Exception {
        Scenario s = ImperfectKnowledgeTest.load("partel-fig5a.yaml", "fading: rayleigh", "fading: none",
                "    flopsPerCycle: 1\n", "    flopsPerCycle: 1\n    capacitance: 1e-28\n").withRounds(2);
        RunResult r = new Simulation(Catalog.standard()).run(s);
        double power = Math.pow(10, (24 - 30) / 10.0);
        double[] speed = TableColumns.column(r.devices(), "speed_Hz");
        double[] block = TableColumns.column(r.devices(), "block_params");
        double[] samples = TableColumns.column(r.devices(), "samples");
        double[] rateUp = TableColumns.column(r.devices(), "rate_up_bit_per_s");
        double[] compute = TableColumns.column(r.devices(), "compute_energy_J");
        double[] radio = TableColumns.column(r.devices(), "radio_energy_J");
        double total = 0;
        for (int i = 0; i < speed.length; i++) {
            double cycles = block[i] * samples[i];
            assertEquals(1e-28 * speed[i] * speed[i] * cycles, compute[i], 1e-12 * compute[i], "row " + i);
            double upload = 32 * block[i] / rateUp[i];
            assertEquals(power * upload, radio[i], 1e-9 * radio[i], "row " + i);
            total += compute[i] + radio[i];
        }
        double[] energy = TableColumns.column(r.rounds(), "energy_J");
        assertEquals(total, energy[0] + energy[1], 1e-12 * total);
    }

    @Test
    void asyncMelEnergyIsKappaFSquaredPerCyclePlusPowerTimesModelUpload() throws Exception {
        Scenario s = ImperfectKnowledgeTest.load("async-fig2.yaml", "    speed: {blocks: [2.4 GHz, 0.7 GHz]}\n",
                "    speed: {blocks: [2.4 GHz, 0.7 GHz]}\n    capacitance: 1e-28\n").withRounds(2);
        RunResult r = new Simulation(Catalog.standard()).run(s);
        double power = Math.pow(10, (23 - 30) / 10.0);
        double[] speed = TableColumns.column(r.devices(), "speed_Hz");
        double[] d = TableColumns.column(r.devices(), "samples");
        double[] tau = TableColumns.column(r.devices(), "updates");
        double[] rate = TableColumns.column(r.devices(), "rate_bit_per_s");
        double[] compute = TableColumns.column(r.devices(), "compute_energy_J");
        double[] radio = TableColumns.column(r.devices(), "radio_energy_J");
        for (int i = 0; i < speed.length; i++) {
            double cycles = tau[i] * d[i] * 1123736.0;
            assertEquals(1e-28 * speed[i] * speed[i] * cycles, compute[i], 1e-12 * compute[i], "row " + i);
            assertEquals(power * 8974080 / rate[i], radio[i], 1e-9 * radio[i], "row " + i);
        }
    }

    @Test
    void feelEnergyIsKappaFSquaredPerCyclePlusPowerTimesUploadTime() throws Exception {
        Scenario s = ImperfectKnowledgeTest.load("feel-fig3.yaml", "fading: rayleigh", "fading: none",
                "  evaluation: {trainSamples: 2000}\n", "", "learning:\n  data: fashion-mnist-small\n  model: mlp\n  stepSize: 0.1\n", "",
                "  partition: non-iid\n", "  latencyModel: mobilenetv2\n  trainingSamples: 6000\n",
                "    speed: {blocks: [0.7 GHz, 1.4 GHz, 2.1 GHz]}\n",
                "    speed: {blocks: [0.7 GHz, 1.4 GHz, 2.1 GHz]}\n    capacitance: 1e-28\n").withRounds(2);
        RunResult r = new Simulation(Catalog.standard()).run(s);
        org.edgesim.protocol.feel.FeelSpec.LatencyModel m = org.edgesim.protocol.feel.FeelSpec.LATENCY_MODELS.get("mobilenetv2");
        double power = Math.pow(10, (28 - 30) / 10.0);
        double[] speed = TableColumns.column(r.devices(), "speed_Hz");
        double[] batch = TableColumns.column(r.devices(), "batch");
        double[] rateUp = TableColumns.column(r.devices(), "rate_up_bit_per_s");
        double[] compute = TableColumns.column(r.devices(), "compute_energy_J");
        double[] radio = TableColumns.column(r.devices(), "radio_energy_J");
        double total = 0;
        for (int i = 0; i < speed.length; i++) {
            double cycles = batch[i] * m.flopsPerSample() + 2.0 * m.parameters();
            assertEquals(1e-28 * speed[i] * speed[i] * cycles, compute[i], 1e-9 * compute[i], "row " + i);
            assertEquals(power * 32.0 * m.parameters() / rateUp[i], radio[i], 1e-9 * radio[i], "row " + i);
            total += compute[i] + radio[i];
        }
        double[] energy = TableColumns.column(r.rounds(), "energy_J");
        assertEquals(total, energy[0] + energy[1], 1e-12 * total);
    }

    /** On a GPU (feel-fig4): the board's power over its busy time, the computation plus the model update. */
    @Test
    void feelGpuEnergyIsPowerTimesBusyTimePlusPowerTimesUploadTime() throws Exception {
        Scenario s = ImperfectKnowledgeTest.load("feel-fig4.yaml", "fading: rayleigh", "fading: none",
                "  evaluation: {trainSamples: 2000}\n", "", "learning:\n  data: fashion-mnist-small\n  model: mlp\n  stepSize: 0.1\n", "",
                "  partition: iid\n", "  partition: iid\n  trainingSamples: 6000\n  gpuUpdate: 4 ms\n",
                "    threshold: 32\n", "    threshold: 32\n    power: 30 W\n").withRounds(2);
        RunResult r = new Simulation(Catalog.standard()).run(s);
        double[] batch = TableColumns.column(r.devices(), "batch");
        double[] compute = TableColumns.column(r.devices(), "compute_s");
        double[] energy = TableColumns.column(r.devices(), "compute_energy_J");
        double[] radio = TableColumns.column(r.devices(), "radio_energy_J");
        double[] rateUp = TableColumns.column(r.devices(), "rate_up_bit_per_s");
        double total = 0;
        for (int i = 0; i < batch.length; i++) {
            // Flat up to 32 samples (50 ms), then 1.5 ms per sample.
            double latency = 0.05 + 0.0015 * Math.max(0, batch[i] - 32);
            assertEquals(latency, compute[i], 1e-12, "row " + i);
            assertEquals(30 * (latency + 0.004), energy[i], 1e-9 * energy[i], "row " + i);
            assertEquals(Math.pow(10, (28 - 30) / 10.0) * 32.0 * 8_062_504 / rateUp[i], radio[i], 1e-9 * radio[i]);
            total += energy[i] + radio[i];
        }
        double[] rounds = TableColumns.column(r.rounds(), "energy_J");
        assertEquals(total, rounds[0] + rounds[1], 1e-12 * total);
    }
}

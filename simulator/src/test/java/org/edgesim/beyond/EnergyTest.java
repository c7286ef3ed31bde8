package org.edgesim.beyond;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.edgesim.engine.Catalog;
import org.edgesim.engine.Simulation;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.RunResult;
import org.edgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** Device energy (devices.cpu.capacitance) against the closed forms on a static CPSL instance. */
class EnergyTest {
    @Test
    void cpslEnergyIsKappaFSquaredPerCyclePlusPowerTimesSendingTime() throws Exception {
        Scenario s = ImperfectKnowledgeTest.load("cpsl-fig7.yaml", "    speedSigma: 0.05 GHz\n",
                "    capacitance: 1e-28\n", "  snrSigma: 2 dB\n", "", "localEpochs: 1", "localEpochs: 2").withRounds(2);
        RunResult r = new Simulation(Catalog.standard()).run(s);
        ModelProfile.CutProfile cut = Profiles.of(ModelSpec.cpslCnn(10), new int[] {1, 28, 28}).cut(3);
        double power = 0.1; // 20 dBm
        double[] round = ImperfectKnowledgeTest.column(r.devices(), "round");
        double[] speed = ImperfectKnowledgeTest.column(r.devices(), "speed_Hz");
        double[] rate = ImperfectKnowledgeTest.column(r.devices(), "rate_bit_per_s");
        double[] x = ImperfectKnowledgeTest.column(r.devices(), "subcarriers");
        double[] compute = ImperfectKnowledgeTest.column(r.devices(), "compute_energy_J");
        double[] radio = ImperfectKnowledgeTest.column(r.devices(), "radio_energy_J");
        double[] total = new double[2];
        for (int i = 0; i < round.length; i++) {
            double cycles = 2 * 16 * (cut.deviceForward() + cut.deviceBackward());
            double expectedCompute = 1e-28 * speed[i] * speed[i] * cycles;
            double sending = (2 * 16 * cut.smashedBits() + cut.deviceModelBits()) / (x[i] * rate[i]);
            assertEquals(expectedCompute, compute[i], 1e-12 * expectedCompute, "row " + i);
            assertEquals(power * sending, radio[i], 1e-9 * power * sending, "row " + i);
            total[(int) round[i] - 1] += compute[i] + radio[i];
        }
        double[] energy = ImperfectKnowledgeTest.column(r.rounds(), "energy_J");
        assertEquals(total[0], energy[0], 1e-12 * total[0]);
        assertEquals(total[1], energy[1], 1e-12 * total[1]);
    }
}

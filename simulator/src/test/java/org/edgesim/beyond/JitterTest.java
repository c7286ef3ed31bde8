package org.edgesim.beyond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunResult;
import org.edgesim.report.TableColumns;
import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/** Compute jitter (devices.jitter): every computation takes its nominal time times 1 + X. */
class JitterTest {
    @Test
    void feelComputationsAreTheNominalOnesTimesTheirOwnDraws() throws Exception {
        String[] clockOnly = {"  evaluation: {trainSamples: 2000}\n", "", "learning:\n  data: fashion-mnist-small\n  model: mlp\n  stepSize: 0.1\n", "",
                "  partition: iid\n", "  partition: iid\n  trainingSamples: 6000\n", "rounds: 80", "rounds: 5"};
        Scenario plain = ImperfectKnowledgeTest.load("feel-fig4.yaml", clockOnly);
        Scenario jittery = ImperfectKnowledgeTest.load("feel-fig4.yaml", concat(clockOnly, "    threshold: 32\n",
                "    threshold: 32\n  jitter: {law: exponential, mean: 0.3}\n"));
        RunResult a = new Simulation(Catalog.standard()).run(plain);
        RunResult b = new Simulation(Catalog.standard()).run(jittery);
        double[] nominal = TableColumns.column(a.devices(), "compute_s");
        double[] realised = TableColumns.column(b.devices(), "compute_s");
        double[] device = TableColumns.column(b.devices(), "device");
        RandomStreams streams = new RandomStreams(jittery.seed(), 0);
        RandomStream[] draws = new RandomStream[6];
        for (int k = 0; k < 6; k++) {
            draws[k] = streams.stream("jitter/device-" + k);
        }
        for (int i = 0; i < nominal.length; i++) {
            double factor = 1 + 0.3 * Draws.unitExponential(draws[(int) device[i]]);
            assertEquals(nominal[i] * factor, realised[i], 1e-12 * realised[i], "row " + i);
        }
    }

    /** In async MEL a slowed learner can miss the deadline: it is counted late and left out. */
    @Test
    void asyncMelLearnersCanMissTheDeadline() throws Exception {
        Scenario s = ImperfectKnowledgeTest.load("async-fig2.yaml", "    speed: {blocks: [2.4 GHz, 0.7 GHz]}\n",
                "    speed: {blocks: [2.4 GHz, 0.7 GHz]}\n  jitter: {law: uniform, mean: 0.2}\n").withRounds(5);
        RunResult r = new Simulation(Catalog.standard()).run(s);
        double late = java.util.Arrays.stream(TableColumns.column(r.rounds(), "late_learners")).sum();
        assertTrue(late > 0, "learners planned to finish just in time miss it when slowed");
    }

    @Test
    void anUnknownLawIsNamed() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ImperfectKnowledgeTest.load("async-fig2.yaml", "    speed: {blocks: [2.4 GHz, 0.7 GHz]}\n",
                        "    speed: {blocks: [2.4 GHz, 0.7 GHz]}\n  jitter: {law: pareto, mean: 0.2}\n"));
        assertEquals("devices.jitter.law", e.field());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

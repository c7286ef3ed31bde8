package org.edgesim.protocol.feel;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Precision;
import org.edgesim.learning.Sgd;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import org.edgesim.protocol.RunResult;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/** FEEL with devices that drop out (devices.availability) and a deadline straggler policy. */
class StragglersTest {
    /** Fig. 4's six GPU devices, clock only, with the given replacements. */
    static Scenario scenario(String... replacements) throws Exception {
        String text = Files.readString(Path.of("../scenarios/feel-fig4.yaml"))
                .replace("  evaluation: {trainSamples: 2000}\n", "")
                .replace("learning:\n  data: fashion-mnist-small\n  model: mlp\n  stepSize: 0.1\n", "")
                .replace("  partition: iid\n", "  partition: iid\n  trainingSamples: 6000\n")
                .replace("rounds: 80", "rounds: 12");
        for (int i = 0; i < replacements.length; i += 2) {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return Catalog.standard().loader().parse("feel.yaml", text, ScenarioLoader.Format.YAML).single();
    }

    private static final String[] DROPOUTS = {"    threshold: 32\n",
            "    threshold: 32\n  availability: {dropout: 0.3, offTime: 20 s}\n"};

    @Test
    void anOutageDelaysTheDevicesComputationByItsLengthAndWaitAllWaits() throws Exception {
        RunResult plain = new Simulation(Catalog.standard()).run(scenario());
        RunResult away = new Simulation(Catalog.standard()).run(scenario(DROPOUTS));
        double[] compute = column(plain.devices(), "compute_s");
        double[] delayed = column(away.devices(), "compute_s");
        double[] outage = column(away.devices(), "outage_s");
        int outages = 0;
        for (int i = 0; i < compute.length; i++) {
            assertEquals(compute[i] + outage[i], delayed[i], 1e-9 * delayed[i], "row " + i);
            outages += outage[i] > 0 ? 1 : 0;
        }
        assertTrue(outages >= 10, "about 30% of 72 device-rounds drop out, got " + outages);
        assertArrayEquals(new double[12], java.util.Arrays.stream(column(away.rounds(), "aggregated"))
                .map(a -> a - 6).toArray(), "wait-all aggregates every update");
        double[] a = column(plain.rounds(), "realised_latency_s");
        double[] b = column(away.rounds(), "realised_latency_s");
        for (int r = 0; r < a.length; r++) {
            assertTrue(b[r] >= a[r] - 1e-9, "round " + r);
        }
    }

    @Test
    void aDeadlineAggregatesExactlyTheUpdatesThatArrivedBeforeIt() throws Exception {
        String[] deadline = {"  partition: iid\n", "  partition: iid\n  straggler: deadline\n  deadlineFactor: 1.2\n"};
        RunResult r = new Simulation(Catalog.standard()).run(scenario(concat(DROPOUTS, deadline)));
        double[] aggregated = column(r.rounds(), "aggregated");
        double[] uplink = column(r.rounds(), "uplink_s");
        double[] round = column(r.devices(), "round");
        double[] uploaded = column(r.devices(), "uploaded_s");
        double[] arrived = column(r.devices(), "aggregated");
        int[] counted = new int[aggregated.length];
        int dropped = 0;
        for (int i = 0; i < round.length; i++) {
            int k = (int) round[i] - 1;
            boolean inTime = !Double.isNaN(uploaded[i]) && uploaded[i] <= uplink[k] + 1e-12;
            assertEquals(inTime ? 1.0 : 0.0, arrived[i], "row " + i + ": uploaded " + uploaded[i] + ", uplink " + uplink[k]);
            counted[k] += (int) arrived[i];
            dropped += inTime ? 0 : 1;
        }
        for (int k = 0; k < aggregated.length; k++) {
            assertEquals(counted[k], aggregated[k], 0.0, "round " + (k + 1));
        }
        assertTrue(dropped > 0, "a 20 s outage misses a 1.2x deadline");
    }

    @Test
    void aTracedOutageStopsTheComputationForItsLength(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path trace = Files.writeString(dir.resolve("away.csv"), "device,off,on\n0,0.1,10.1\n");
        RunResult plain = new Simulation(Catalog.standard()).run(scenario());
        RunResult away = new Simulation(Catalog.standard()).run(scenario("    threshold: 32\n",
                "    threshold: 32\n  availability: {trace: " + trace + "}\n"));
        double[] compute = column(plain.devices(), "compute_s");
        double[] delayed = column(away.devices(), "compute_s");
        double[] outage = column(away.devices(), "outage_s");
        assertTrue(compute[0] > 0.1, "device 0's first computation spans the outage's start");
        assertEquals(10.0, outage[0], 1e-12);
        assertEquals(compute[0] + 10.0, delayed[0], 1e-9);
        for (int i = 1; i < compute.length; i++) {
            assertEquals(0.0, outage[i], "row " + i);
        }
        org.edgesim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.edgesim.scenario.ScenarioException.class, () -> scenario("    threshold: 32\n",
                        "    threshold: 32\n  availability: {trace: " + dir.resolve("none.csv") + "}\n"));
        assertEquals("devices.availability.trace", e.field());
        assertTrue(e.rule().contains("no such file"), e.rule());
    }

    /** Over-selection: the server takes the first four of six updates, whichever they are. */
    @Test
    void aQuorumAggregatesTheFirstArrivals() throws Exception {
        RunResult r = new Simulation(Catalog.standard()).run(scenario("  partition: iid\n",
                "  partition: iid\n  straggler: quorum\n  quorum: 4\n"));
        double[] aggregated = column(r.rounds(), "aggregated");
        double[] uplink = column(r.rounds(), "uplink_s");
        double[] round = column(r.devices(), "round");
        double[] uploaded = column(r.devices(), "uploaded_s");
        double[] arrived = column(r.devices(), "aggregated");
        for (double a : aggregated) {
            assertEquals(4.0, a);
        }
        for (int i = 0; i < round.length; i++) {
            double at = uplink[(int) round[i] - 1];
            if (arrived[i] == 1) {
                assertTrue(uploaded[i] <= at + 1e-12, "row " + i);
            } else {
                assertTrue(Double.isNaN(uploaded[i]) || uploaded[i] >= at - 1e-12, "row " + i);
            }
        }
        double[] full = column(new Simulation(Catalog.standard()).run(scenario()).rounds(), "uplink_s");
        assertTrue(uplink[0] < full[0], "waiting for four is quicker than for six");
    }

    /** Counting contributions: the step uses exactly the batches of the devices that arrived. */
    @Test
    void onlyArrivedGradientsEnterTheStep() {
        TrainTest<Samples> tt = TinyFeel.data();
        int[][] held = TinyFeel.thirds();
        LearningSpec spec = TinyFeel.spec();
        int[] batches = {4, 6, 8};
        try (FeelTraining t = new FeelTraining(spec, tt, held, new RandomStreams(92), 8, null);
             Learner reference = Learners.create(ModelSpec.logisticRegression(3, Regularization.NONE), tt.train(),
                     Precision.FLOAT64, new RandomStreams(92).stream("learning/init"))) {
            t.gradientRound(new int[] {0, 1, 2}, batches, 0.2, new boolean[] {true, false, true});
            RandomStream[] streams = new RandomStreams(92).streams(FeelTraining.BATCHES, 3);
            for (int k : new int[] {0, 2}) {
                reference.accumulate(tt.train(), Sgd.pick(held[k].clone(), batches[k], streams[k]), batches[k]);
            }
            reference.applyAccumulated(0.2);
            double[] expected = reference.parameters();
            t.gradientRound(new int[] {0, 1, 2}, batches, 0.2, new boolean[] {false, false, false});
            assertArrayEquals(expected, t.model(), 1e-12, "devices 0 and 2 only; then nobody: no step");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}

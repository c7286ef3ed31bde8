package org.edgesim.beyond;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.RunResult;
import org.edgesim.report.TableColumns;
import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/** Fading blocks shorter than a round (radio.coherenceTime): transfers integrate the piecewise-constant rate. */
class CoherenceTest {
    /** When {@code bits} sent from {@code t0} on {@code width} 1 MHz subcarriers finish, integrating block by block. */
    static double finish(double t0, double bits, int width, double tc, double[] snrDb) {
        double t = t0;
        double left = bits;
        int j = (int) Math.floor(t0 / tc);
        while (true) {
            double rate = width * 1e6 * (Math.log(1 + Math.pow(10, snrDb[j] / 10)) / Math.log(2));
            double end = (j + 1) * tc;
            if (left <= rate * (end - t)) {
                return t + left / rate;
            }
            left -= rate * (end - t);
            t = end;
            j++;
        }
    }

    @Test
    void aRoundOfOneDeviceIsTheDirectIntegralOverItsFadingBlocks() throws Exception {
        double tc = 0.05;
        Scenario s = ImperfectKnowledgeTest.load("cpsl-fig7.yaml", "  count: 30", "  count: 1", "clusterSize: 5",
                "clusterSize: 1", "{uniform: [5 dB, 30 dB]}", "17 dB", "    speedSigma: 0.05 GHz\n", "",
                "  devicePower:", "  coherenceTime: 50 ms\n  devicePower:").withRounds(1);
        RunResult r = new Simulation(Catalog.standard()).run(s);
        // The blocks as the protocol draws them: block 0 is the round's SNR, then fresh draws around 17 dB.
        RandomStreams streams = new RandomStreams(s.seed(), 0);
        double first = Draws.normal(streams.stream("cpsl/snr/device-0"), 17, 2);
        RandomStream blocks = streams.stream("fading-blocks/device-0/up");
        double[] snr = new double[100_000];
        snr[0] = first;
        for (int j = 1; j < snr.length; j++) {
            snr[j] = Draws.normal(blocks, 17, 2);
        }
        assertEquals(first, TableColumns.column(r.devices(), "snr_dB")[0], 1e-12);
        // The scenario's clock: the paper's CNN by its own conventions (profile: paper), cut at POOL1.
        ModelProfile.CutProfile cut = Profiles.paperConventions(ModelSpec.cpslCnnPaper(10), new int[] {1, 28, 28})
                .cut(3);
        double f = TableColumns.column(r.devices(), "speed_Hz")[0];
        int x = 30;
        double t = finish(0, cut.deviceModelBits(), 30, tc, snr);        // broadcast on all C subcarriers
        t += 16 * cut.deviceForward() / f;                                  // forward
        t = finish(t, 16 * cut.smashedBits(), x, tc, snr);                  // smashed data up
        t += 16 * (cut.serverForward() + cut.serverBackward()) / 100e9;     // server step
        t = finish(t, 16 * cut.gradientBits(), x, tc, snr);                 // gradient down
        t += 16 * cut.deviceBackward() / f;                                 // backward
        t = finish(t, cut.deviceModelBits(), x, tc, snr);                   // device model up
        double realised = TableColumns.column(r.rounds(), "realised_latency_s")[0];
        assertTrue(realised > 3 * tc, "the round spans several blocks: " + realised);
        assertEquals(t, realised, 1e-9 * t);
    }

    /** Async MEL: without fading the blocks change nothing; with Rayleigh blocks the returns move off the plan. */
    @Test
    void asyncMelCyclesRunOverTheBlocks() throws Exception {
        String[] coherence = {"  devicePower:", "  coherenceTime: 1 s\n  devicePower:"};
        Scenario still = ImperfectKnowledgeTest.load("async-fig2.yaml", concat(coherence, "fading: rayleigh",
                "fading: none")).withRounds(2);
        RunResult a = new Simulation(Catalog.standard()).run(still);
        double[] planned = TableColumns.column(a.devices(), "planned_finish_s");
        double[] realised = TableColumns.column(a.devices(), "realised_finish_s");
        for (int i = 0; i < planned.length; i++) {
            assertEquals(planned[i], realised[i], 1e-9 * planned[i], "row " + i);
        }
        RunResult b = new Simulation(Catalog.standard()).run(ImperfectKnowledgeTest.load("async-fig2.yaml", coherence)
                .withRounds(2));
        double[] p = TableColumns.column(b.devices(), "planned_finish_s");
        double[] r = TableColumns.column(b.devices(), "realised_finish_s");
        int off = 0;
        for (int i = 0; i < p.length; i++) {
            off += Double.isNaN(r[i]) || Math.abs(p[i] - r[i]) > 1e-6 ? 1 : 0;
        }
        assertTrue(off > p.length / 2, "per-block fading moves most returns: " + off + " of " + p.length);
    }

    /** PARTEL: without fading the blocks change no upload; with Rayleigh blocks the uploads move. */
    @Test
    void partelUploadsRunOverTheBlocks() throws Exception {
        String[] coherence = {"  devicePower: 24 dBm\n", "  devicePower: 24 dBm\n  coherenceTime: 100 ms\n"};
        String[] still = {"fading: rayleigh", "fading: none"};
        RunResult a = new Simulation(Catalog.standard()).run(ImperfectKnowledgeTest.load("partel-fig5a.yaml", still)
                .withRounds(2));
        RunResult b = new Simulation(Catalog.standard()).run(ImperfectKnowledgeTest.load("partel-fig5a.yaml",
                concat(still, coherence)).withRounds(2));
        double[] x = TableColumns.column(a.devices(), "upload_s");
        double[] y = TableColumns.column(b.devices(), "upload_s");
        assertTrue(java.util.Arrays.stream(y).max().orElseThrow() > 0.1, "uploads span several blocks");
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], y[i], 1e-9 * x[i], "row " + i);
        }
        RunResult c = new Simulation(Catalog.standard()).run(ImperfectKnowledgeTest.load("partel-fig5a.yaml", coherence)
                .withRounds(2));
        double[] planned = TableColumns.column(c.rounds(), "planned_latency_s");
        double[] realised = TableColumns.column(c.rounds(), "realised_latency_s");
        assertTrue(Math.abs(planned[0] - realised[0]) > 1e-6 * planned[0], "fading inside the round moves it off plan");
    }

    /**
     * PARTEL's broadcast: without fading, blocks shorter than the push leave it as the closed form;
     * with Rayleigh blocks it runs at each block's weakest receiver and moves off the one-rate push.
     */
    @Test
    void partelBroadcastRunsOverTheBlocks() throws Exception {
        String[] coherence = {"  devicePower: 24 dBm\n", "  devicePower: 24 dBm\n  coherenceTime: 1 ms\n"};
        String[] still = {"fading: rayleigh", "fading: none"};
        double[] a = TableColumns.column(new Simulation(Catalog.standard()).run(ImperfectKnowledgeTest.load(
                "partel-fig5a.yaml", still).withRounds(3)).rounds(), "push_s");
        double[] b = TableColumns.column(new Simulation(Catalog.standard()).run(ImperfectKnowledgeTest.load(
                "partel-fig5a.yaml", concat(still, coherence)).withRounds(3)).rounds(), "push_s");
        double[] c = TableColumns.column(new Simulation(Catalog.standard()).run(ImperfectKnowledgeTest.load(
                "partel-fig5a.yaml").withRounds(3)).rounds(), "push_s");
        double[] d = TableColumns.column(new Simulation(Catalog.standard()).run(ImperfectKnowledgeTest.load(
                "partel-fig5a.yaml", coherence).withRounds(3)).rounds(), "push_s");
        for (int r = 0; r < a.length; r++) {
            assertTrue(b[r] > 0.002, "the push spans blocks: " + b[r]);
            assertEquals(a[r], b[r], 1e-9 * a[r], "round " + r);
            assertTrue(Math.abs(c[r] - d[r]) > 1e-6 * c[r], "round " + r + ": " + c[r] + " vs " + d[r]);
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** FEEL: without fading the blocks change no transfer; with Rayleigh blocks the uploads move off the plan. */
    @Test
    void feelTransfersRunOverTheBlocksInsideTheirSlots() throws Exception {
        String[] clockOnly = {"  evaluation: {trainSamples: 2000}\n", "", "learning:\n  data: fashion-mnist-small\n  model: mlp\n  stepSize: 0.1\n", "",
                "  partition: iid\n", "  partition: iid\n  trainingSamples: 6000\n", "rounds: 80", "rounds: 2"};
        String[] coherence = {"  devicePower: 28 dBm\n", "  devicePower: 28 dBm\n  coherenceTime: 50 ms\n"};
        String[] still = {"fading: rayleigh", "fading: none"};
        RunResult a = new Simulation(Catalog.standard()).run(ImperfectKnowledgeTest.load("feel-fig4.yaml",
                concat(clockOnly, still)));
        RunResult b = new Simulation(Catalog.standard()).run(ImperfectKnowledgeTest.load("feel-fig4.yaml",
                concat(concat(clockOnly, still), coherence)));
        double[] x = TableColumns.column(a.devices(), "uploaded_s");
        double[] y = TableColumns.column(b.devices(), "uploaded_s");
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], y[i], 1e-9 * x[i], "row " + i);
        }
        RunResult c = new Simulation(Catalog.standard()).run(ImperfectKnowledgeTest.load("feel-fig4.yaml",
                concat(clockOnly, coherence)));
        double[] gap = TableColumns.column(c.rounds(), "latency_gap_s");
        assertTrue(Math.abs(gap[0]) > 0.05, "per-block fading moves the round off plan: " + gap[0]);
    }
}

package org.edgesim.beyond;

import static org.edgesim.report.TableColumns.column;
import static org.edgesim.report.TableColumns.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.cpsl.CpslDevice;
import org.edgesim.protocol.cpsl.CpslLatency;
import org.edgesim.protocol.cpsl.CpslPlan;
import org.edgesim.protocol.cpsl.CpslSnapshot;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.report.TableColumns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Imperfect channel knowledge (radio.csiError): the scheduler plans on an estimate, the round runs on the truth. */
class ImperfectKnowledgeTest {
    static Scenario load(String file, String... replacements) throws Exception {
        String text = Files.readString(Path.of("../scenarios/" + file));
        for (int i = 0; i < replacements.length; i += 2) {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return Catalog.standard().loader().parse(file, text, ScenarioLoader.Format.YAML).single();
    }

    /** Switched off, the feature changes nothing: every family's rows equal those of the file without it. */
    @ParameterizedTest
    @ValueSource(strings = {"partel-fig5a.yaml", "feel-fig2.yaml", "async-fig2.yaml", "cpsl-fig7.yaml"})
    void zeroErrorChangesNothing(String file) throws Exception {
        Scenario without = load(file).withRounds(2);
        Scenario with = load(file, "  devicePower:", "  csiError: 0 dB\n  devicePower:").withRounds(2);
        assertEquals(0.0, with.radio().csiError());
        RunResult a = new Simulation(Catalog.standard()).run(without);
        RunResult b = new Simulation(Catalog.standard()).run(with);
        assertEquals(a.rounds().rows(), b.rounds().rows(), file);
        assertEquals(a.devices().rows(), b.devices().rows(), file);
    }

    /**
     * FEEL's straggler options switched off: the paper's wait-all said explicitly changes nothing;
     * availability with a dropout of 0 changes no value and adds its two report columns
     * (every update aggregated, no outage).
     */
    @Test
    void feelWithoutDropoutsIsFeel() throws Exception {
        Scenario without = load("feel-fig2.yaml").withRounds(3);
        Scenario waitAll = load("feel-fig2.yaml", "  latencyModel:", "  straggler: wait-all\n  latencyModel:")
                .withRounds(3);
        Scenario noDropout = load("feel-fig2.yaml", "    threshold: 32\n",
                "    threshold: 32\n  availability: {dropout: 0, offTime: 5 s}\n").withRounds(3);
        RunResult a = new Simulation(Catalog.standard()).run(without);
        RunResult b = new Simulation(Catalog.standard()).run(waitAll);
        RunResult c = new Simulation(Catalog.standard()).run(noDropout);
        assertEquals(TableColumns.headers(a.rounds()), TableColumns.headers(b.rounds()));
        assertEquals(a.rounds().rows(), b.rounds().rows());
        assertEquals(a.devices().rows(), b.devices().rows());
        for (var col : a.rounds().columns()) {
            assertEquals(values(a.rounds(), col.header()), values(c.rounds(), col.header()), col.header());
        }
        for (double k : column(c.rounds(), "aggregated")) {
            assertEquals(1.0, k);
        }
        for (double k : column(c.rounds(), "outages")) {
            assertEquals(0.0, k);
        }
    }

    /**
     * The other families likewise: availability with a dropout of 0 changes no value of any column
     * (and adds the outage ones), and the paper's wait-all said explicitly changes nothing.
     */
    @ParameterizedTest
    @ValueSource(strings = {"partel-fig5a.yaml", "async-fig2.yaml", "cpsl-fig7.yaml"})
    void withoutDropoutsEveryFamilyIsItself(String file) throws Exception {
        Scenario without = load(file).withRounds(2);
        Scenario noDropout = load(file, "devices:\n", "devices:\n  availability: {dropout: 0, offTime: 5 s}\n")
                .withRounds(2);
        RunResult a = new Simulation(Catalog.standard()).run(without);
        RunResult c = new Simulation(Catalog.standard()).run(noDropout);
        for (var col : a.rounds().columns()) {
            assertEquals(values(a.rounds(), col.header()), values(c.rounds(), col.header()), col.header());
        }
        for (var col : a.devices().columns()) {
            assertEquals(values(a.devices(), col.header()), values(c.devices(), col.header()), col.header());
        }
        for (double k : column(c.rounds(), "outages")) {
            assertEquals(0.0, k);
        }
        if (!file.startsWith("async")) {
            String type = file.startsWith("partel") ? "  type: partel\n" : "  type: cpsl\n";
            Scenario waitAll = load(file, type, type + "  straggler: wait-all\n").withRounds(2);
            RunResult b = new Simulation(Catalog.standard()).run(waitAll);
            assertEquals(TableColumns.headers(a.rounds()), TableColumns.headers(b.rounds()));
            assertEquals(a.rounds().rows(), b.rounds().rows());
            assertEquals(a.devices().rows(), b.devices().rows());
        }
    }

    /** FEEL and async MEL with a 4 dB error: the links the rounds run on are the true ones, the plans differ. */
    @Test
    void feelAndAsyncMelPlanOnTheEstimateAndRunOnTheTruth() throws Exception {
        String[][] cases = {{"feel-fig4.yaml", "rate_up_bit_per_s", "slot_up_s"},
                {"async-fig2.yaml", "rate_bit_per_s", "samples"}};
        for (String[] c : cases) {
            String[] clockOnly = c[0].startsWith("feel") ? new String[] {
                    "  evaluation: {trainSamples: 2000}\n", "", "learning:\n  data: fashion-mnist-small\n  model: mlp\n  stepSize: 0.1\n", "",
                    "  partition: iid\n", "  partition: iid\n  trainingSamples: 6000\n"} : new String[0];
            Scenario exact = load(c[0], clockOnly).withRounds(3);
            String[] noisy = java.util.Arrays.copyOf(clockOnly, clockOnly.length + 2);
            noisy[clockOnly.length] = "  devicePower:";
            noisy[clockOnly.length + 1] = "  csiError: 4 dB\n  devicePower:";
            RunResult a = new Simulation(Catalog.standard()).run(exact);
            RunResult b = new Simulation(Catalog.standard()).run(load(c[0], noisy).withRounds(3));
            org.junit.jupiter.api.Assertions.assertArrayEquals(column(a.devices(), c[1]), column(b.devices(), c[1]),
                    c[0] + ": the true links");
            assertTrue(!java.util.Arrays.equals(column(a.devices(), c[2]), column(b.devices(), c[2])),
                    c[0] + ": the plans see other links");
        }
    }

    @Test
    void partelPlansOnTheEstimateAndRunsOnTheTruth() throws Exception {
        for (double sigma : new double[] {0, 4}) {
            Scenario s = load("partel-fig5a.yaml", "fading: rayleigh", "fading: none", "  devicePower:",
                    "  csiError: " + sigma + " dB\n  devicePower:").withRounds(5);
            RunResult r = new Simulation(Catalog.standard()).run(s);
            double[] planned = column(r.rounds(), "planned_latency_s");
            double[] realised = column(r.rounds(), "realised_latency_s");
            int differ = 0;
            for (int i = 0; i < planned.length; i++) {
                differ += Math.abs(planned[i] - realised[i]) > 1e-9 * realised[i] ? 1 : 0;
            }
            assertEquals(sigma == 0 ? 0 : planned.length, differ, "sigma = " + sigma + " dB");
        }
    }

    /**
     * CPSL with a 3 dB error: each realised round latency is the closed form on the true SNRs and
     * speeds (rebuilt here from devices.csv) under the plan's clusters and subcarriers.
     */
    @Test
    void cpslRealisedLatencyIsTheClosedFormOnTheTrueChannel() throws Exception {
        Scenario s = load("cpsl-fig7.yaml", "  devicePower:", "  csiError: 3 dB\n  devicePower:",
                "    speedSigma: 0.05 GHz\n", "", "  snrSigma: 2 dB\n", "").withRounds(4);
        RunResult r = new Simulation(Catalog.standard()).run(s);
        double[] realised = column(r.rounds(), "realised_latency_s");
        double[] planned = column(r.rounds(), "planned_latency_s");
        double[] round = column(r.devices(), "round");
        double[] cluster = column(r.devices(), "cluster");
        double[] speed = column(r.devices(), "speed_Hz");
        double[] rate = column(r.devices(), "rate_bit_per_s");
        double[] x = column(r.devices(), "subcarriers");
        double gap = 0;
        for (int k = 1; k <= realised.length; k++) {
            List<CpslDevice> devices = new ArrayList<>();
            List<List<Integer>> members = new ArrayList<>();
            int[] sub = new int[30];
            for (int i = 0; i < round.length; i++) {
                if (round[i] == k) {
                    int d = devices.size();
                    devices.add(new CpslDevice(d, speed[i], Double.NaN, rate[i]));
                    while (members.size() <= cluster[i]) {
                        members.add(new ArrayList<>());
                    }
                    members.get((int) cluster[i]).add(d);
                    sub[d] = (int) x[i];
                }
            }
            CpslSnapshot truth = new CpslSnapshot(k,
                    Profiles.paperConventions(ModelSpec.cpslCnnPaper(10), new int[] {1, 28, 28}).cut(3),
                    16, 1, 30, 1.0, 100e9, 5, devices, 0, 1e-4, new RandomStreams(1).stream("unused"));
            int[][] clusters = members.stream().map(m -> m.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
            double expected = CpslLatency.round(truth, new CpslPlan(clusters, sub, Double.NaN));
            assertEquals(expected, realised[k - 1], 1e-9 * expected, "round " + k);
            gap += Math.abs(planned[k - 1] - realised[k - 1]);
        }
        assertTrue(gap > 0, "with a 3 dB error the plan's promise is off");
    }
}

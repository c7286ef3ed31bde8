package org.edgesim.protocol.cpsl;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.RunResult;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The CPSL round executed as events against the closed form of docs/models/cpsl.md, and the SAA cut. */
class CpslProtocolTest {
    /** Fig. 7's scenario with dynamics off, clocked by the CNN as built, and the given replacements of its text. */
    static Scenario scenario(String... replacements) throws Exception {
        String text = Files.readString(Path.of("../scenarios/cpsl-fig7.yaml"))
                .replace("  profile: paper\n", "")
                .replace("    speedSigma: 0.05 GHz\n", "").replace("  snrSigma: 2 dB\n", "")
                .replace("rounds: 1", "rounds: 2");
        for (int i = 0; i < replacements.length; i += 2) {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return Catalog.standard().loader().parse("cpsl.yaml", text, ScenarioLoader.Format.YAML).single();
    }

    @Test
    void executedRoundLatencyEqualsTheClosedForm() throws Exception {
        String[][] setups = {
                {},                                                        // CPSL at POOL1
                {"localEpochs: 1", "localEpochs: 3", "cut: 3", "cut: 7"},  // L = 3
                {"clusterSize: 5", "clusterSize: 1"},                      // vanilla SL by hand
                {"type: cpsl", "type: cpsl\n  scheme: sl"},                // vanilla SL by scheme
                {"clusterSize: 5", "clusterSize: 30", "cut: 3", "cut: 12"}, // FL by hand
                {"type: cpsl", "type: cpsl\n  scheme: fl"},                // FL by scheme
                {"cut: 3", "cut: auto", "gibbsIterations: 1000", "gibbsIterations: 50"}};
        for (String[] setup : setups) {
            for (String scheduler : List.of("cpsl-gibbs", "cpsl-heuristic", "cpsl-random")) {
                Scenario s = scenario(setup).withScheduler(scheduler);
                RunResult r = new Simulation(Catalog.standard()).run(s);
                double[] planned = column(r.rounds(), "planned_latency_s");
                double[] realised = column(r.rounds(), "realised_latency_s");
                assertEquals(2, planned.length);
                for (int i = 0; i < planned.length; i++) {
                    assertEquals(planned[i], realised[i], 1e-9 * planned[i], List.of(setup) + " " + scheduler);
                }
                double[] end = column(r.rounds(), "end_s");
                assertEquals(realised[0] + realised[1], end[1], 1e-9 * end[1], "rounds follow each other");
            }
        }
    }

    /** One device, L = 1: the seven terms of the spec's table, added by hand. */
    @Test
    void oneDeviceRoundIsTheSumOfTheSevenTerms() {
        ModelProfile.CutProfile cut = CpslCuts.CNN.cut(3);
        double rate = 1e6 * Math.log(1 + 50) / Math.log(2);
        CpslSnapshot s = new CpslSnapshot(1, cut, 16, 1, 4, 1.0, 100e9, 1,
                List.of(new CpslDevice(0, 0.5e9, 10 * Math.log10(50), rate)), 0, 1e-4,
                new RandomStreams(1).stream("x"));
        int x = 4;
        double expected = cut.deviceModelBits() / (4 * rate) + 16 * cut.deviceForward() / 0.5e9
                + 16 * cut.smashedBits() / (x * rate) + 16 * (cut.serverForward() + cut.serverBackward()) / 100e9
                + 16 * cut.gradientBits() / (x * rate) + 16 * cut.deviceBackward() / 0.5e9
                + cut.deviceModelBits() / (x * rate);
        CpslPlan p = new CpslPlan(new int[][] {{0}}, new int[] {4}, Double.NaN);
        assertEquals(expected, CpslLatency.round(s, p), 1e-12 * expected);
    }

    /** With static devices the SAA's draws are all alike: its cut is the one whose fixed-cut round is fastest. */
    @Test
    void theAutomaticCutIsTheFastestFixedCut() throws Exception {
        double best = Double.POSITIVE_INFINITY;
        int bestCut = 0;
        for (int v = 1; v <= 11; v++) {
            Scenario s = scenario("cut: 3", "cut: " + v).withScheduler("cpsl-heuristic");
            double latency = column(new Simulation(Catalog.standard()).run(s).rounds(), "realised_latency_s")[0];
            if (latency < best) {
                best = latency;
                bestCut = v;
            }
        }
        Scenario auto = scenario("cut: 3", "cut: auto").withScheduler("cpsl-heuristic");
        RunResult r = new Simulation(Catalog.standard()).run(auto);
        assertEquals(bestCut, column(r.rounds(), "cut_layer")[0]);
        assertEquals(best, column(r.rounds(), "realised_latency_s")[0], 1e-9 * best);
        assertTrue(r.provenance().get("clock").contains("chosen by SAA over 20 draws"), r.provenance().get("clock"));
    }

    /**
     * Split training inside CPSL (clusters of 5, IID, 10 devices x 180 samples) reaches CL's band on
     * the same data: after 40 rounds its test accuracy is within 0.06 of centralised learning's,
     * and twice the same run gives the same bits.
     */
    @Test
    void splitTrainingReachesCentralisedAccuracy() throws Exception {
        String[] common = {"count: 30", "count: 10", "classesPerDevice: 3", "classesPerDevice: 0", "rounds: 80",
                "rounds: 40"};
        Scenario cpsl = fig5(common);
        Scenario cl = fig5(concat(common, "type: cpsl", "type: cpsl\n  scheme: cl"));
        double[] split = column(new Simulation(Catalog.standard()).run(cpsl).rounds(), "test_accuracy");
        double[] again = column(new Simulation(Catalog.standard()).run(cpsl).rounds(), "test_accuracy");
        double[] central = column(new Simulation(Catalog.standard()).run(cl).rounds(), "test_accuracy");
        org.junit.jupiter.api.Assertions.assertArrayEquals(split, again, "same scenario, same bits");
        double last = split[split.length - 1];
        double reference = central[central.length - 1];
        assertTrue(reference > 0.6, "CL learns: " + reference);
        assertTrue(Math.abs(last - reference) <= 0.06, "CPSL " + last + " vs CL " + reference);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Scenario fig5(String... replacements) throws Exception {
        String text = Files.readString(Path.of("../scenarios/cpsl-fig5.yaml"));
        for (int i = 0; i < replacements.length; i += 2) {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return Catalog.standard().loader().parse("fig5.yaml", text, ScenarioLoader.Format.YAML).single();
    }

    @Test
    void badSetUpsNameTheField() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> scenario("clusterSize: 5", "clusterSize: 7"));
        assertEquals("protocol.clusterSize", e.field());
        assertTrue(e.rule().contains("cannot partition the 30 devices"), e.rule());
        e = assertThrows(ScenarioException.class, () -> scenario("subcarriers: 30", "subcarriers: 4"));
        assertEquals("protocol.subcarriers", e.field());
        Scenario paperElsewhere = assertDoesNotThrow(() -> scenario("cut: 3", "cut: 4\n  profile: paper-pool1"));
        InfeasibleScenarioException i = assertThrows(InfeasibleScenarioException.class,
                () -> new Simulation(Catalog.standard()).run(paperElsewhere));
        assertTrue(i.getMessage().startsWith("protocol.cut: profile 'paper-pool1' holds the paper's numbers at POOL1,"
                + " layer 3"), i.getMessage());
        e = assertThrows(ScenarioException.class, () -> scenario("cut: 3", "cut: 4\n  profile: paper-pool1\n  scheme: fl"));
        assertEquals("protocol.profile", e.field());
        e = assertThrows(ScenarioException.class, () -> scenario("type: cpsl", "type: cpsl\n  scheme: cl"));
        assertTrue(e.rule().contains("needs a 'learning' section"), e.rule());
        e = assertThrows(ScenarioException.class, () -> scenario("type: cpsl", "type: cpsl\n  scheme: fl",
                "subcarriers: 30", "subcarriers: 20"));
        assertEquals("protocol.subcarriers", e.field());
        e = assertThrows(ScenarioException.class, () -> scenario("cut: 3", "cut: pool1"));
        assertTrue(e.rule().contains("'auto' or a layer number"), e.rule());
    }

    /** CPSL's channel law takes a deviation of at most 30 dB, said at its line; the manifest names the law. */
    @Test
    void theChannelLawIsCheckedAndNamed() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> scenario("  meanSnr: {uniform: [5 dB, 30 dB]}\n",
                "  meanSnr: {uniform: [5 dB, 30 dB]}\n  snrSigma: 35 dB\n"));
        assertTrue(e.getMessage().startsWith("cpsl.yaml:44:") && e.getMessage().contains("protocol.snrSigma: is 35.0 dB;"
                + " the gaussian-snr-db law takes at most 30.0 dB"), e.getMessage());
        RunResult r = new Simulation(Catalog.standard()).run(scenario());
        assertTrue(r.provenance().toString().contains("channel gaussian-snr-db (sigma 0 dB, instantaneous rate)"),
                r.provenance().toString());
    }
}

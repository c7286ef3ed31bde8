package org.edgesim.protocol.cpsl;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.learning.Compression;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.protocol.RunResult;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * CPSL's uploads compressed ({@code protocol.compression}): each sample's smashed data takes
 * {@code (b d + 32) / (32 d)} of its bits ({@code d = xi_s / 32} values) and the device-side model's
 * upload the same of {@code xi_d}, in the closed form and in the executed round alike; the
 * compression's error reaches the real training (and the same seed gives the same bits); at the
 * last layer (FL) only the models are compressed; centralised learning has nothing to compress.
 */
class CpslCompressionTest {
    private static final String EIGHT = "  type: cpsl\n  compression: {type: quantize, bits: 8}\n";

    @Test
    void compressedBitsAreChargedToTheSmashedDataAndTheModelUploads() throws Exception {
        ModelProfile.CutProfile cut = CpslCuts.CNN.cut(3);
        List<CpslDevice> devices = List.of(new CpslDevice(0, 1e9, 20, 2e6));
        CpslSnapshot plain = new CpslSnapshot(1, cut, 16, 2, 4, 1.0, 100e9, 1, devices, 0, 1e-4,
                new RandomStreams(1).stream("unused"), true, false, new Compression.None());
        CpslSnapshot eight = new CpslSnapshot(1, cut, 16, 2, 4, 1.0, 100e9, 1, devices, 0, 1e-4,
                new RandomStreams(1).stream("unused"), true, false, new Compression.Quantize(8));
        double ds = cut.smashedBits() / 32;
        double dd = cut.deviceModelBits() / 32;
        assertEquals(cut.smashedBits(), plain.smashedUpBits());
        assertEquals(8 * ds + 32, eight.smashedUpBits(), 1e-9);
        assertEquals(8 * dd + 32, eight.modelUpBits(), 1e-9);
        CpslLatency.Terms p = CpslLatency.Terms.of(plain, devices.get(0));
        CpslLatency.Terms q = CpslLatency.Terms.of(eight, devices.get(0));
        assertEquals((8 * ds + 32) / (32 * ds), q.smashed() / p.smashed(), 1e-12);
        assertEquals((8 * dd + 32) / (32 * dd), q.model() / p.model(), 1e-12);
        // What is sent down is not compressed.
        assertEquals(p.gradient(), q.gradient());
        assertEquals(p.broadcast(), q.broadcast());
        // The external schedulers' message says so only when compressed.
        ObjectNode json = CpslJson.snapshot(eight);
        assertEquals(8 * ds + 32, json.get("cut").get("smashed_up_bits_per_sample").asDouble(), 1e-9);
        assertFalse(CpslJson.snapshot(plain).get("cut").has("smashed_up_bits_per_sample"));
    }

    @Test
    void theExecutedCompressedRoundIsTheClosedFormAndShorter() throws Exception {
        for (String scheme : List.of("", "  scheme: fl\n")) {
            Scenario plain = CpslProtocolTest.scenario("  type: cpsl\n", "  type: cpsl\n" + scheme);
            Scenario eight = CpslProtocolTest.scenario("  type: cpsl\n", EIGHT + scheme);
            RunResult a = new Simulation(Catalog.standard()).run(plain);
            RunResult b = new Simulation(Catalog.standard()).run(eight);
            double[] planned = column(b.rounds(), "planned_latency_s");
            double[] realised = column(b.rounds(), "realised_latency_s");
            double[] before = column(a.rounds(), "realised_latency_s");
            for (int i = 0; i < planned.length; i++) {
                assertEquals(planned[i], realised[i], 1e-9 * planned[i], scheme);
                assertTrue(realised[i] < before[i], "compressed uploads are shorter: " + realised[i] + " vs " + before[i]);
            }
        }
    }

    @Test
    void theCompressionsErrorReachesTheTrainingAndTheSameSeedGivesTheSameBits() throws Exception {
        String[] small = {"count: 30", "count: 10", "rounds: 80", "rounds: 4", "evaluation: {every: 2}",
            "evaluation: {every: 1}"};
        double[] plain = accuracy(fig5(small));
        String[] two = Arrays.copyOf(small, small.length + 2);
        two[small.length] = "  type: cpsl\n";
        two[small.length + 1] = "  type: cpsl\n  compression: {type: quantize, bits: 2}\n";
        double[] coarse = accuracy(fig5(two));
        assertArrayEquals(coarse, accuracy(fig5(two)), "same scenario, same bits");
        assertFalse(Arrays.equals(plain, coarse), "the quantisation's error reaches the model");
        for (double a : coarse) {
            assertTrue(a > 0.1 && a <= 1, "it still trains: " + Arrays.toString(coarse));
        }
    }

    @Test
    void centralisedLearningHasNothingToCompress() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> CpslProtocolTest.scenario("  type: cpsl\n",
                EIGHT + "  scheme: cl\n"));
        assertEquals("protocol.compression", e.field());
        assertTrue(e.getMessage().contains("no device uploads"), e.getMessage());
    }

    private static double[] accuracy(Scenario s) {
        return column(new Simulation(Catalog.standard()).run(s).rounds(), "test_accuracy");
    }

    private static Scenario fig5(String... replacements) throws Exception {
        String text = Files.readString(Path.of("../scenarios/cpsl-fig5.yaml"));
        for (int i = 0; i < replacements.length; i += 2) {
            text = text.replace(replacements[i], replacements[i + 1]);
        }
        return Catalog.standard().loader().parse("fig5.yaml", text, ScenarioLoader.Format.YAML).single();
    }
}

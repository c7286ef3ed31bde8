package org.edgesim.protocol.mel;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunResult;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Async MEL with compressed returns: a learner's return takes the compressed bits ({@code S_m / 32}
 * values at b bits plus a 32-bit scale), which its timing {@code c0} counts with the uncompressed
 * download; the orchestrator averages the decompressed models, so the error reaches the model.
 */
class MelCompressionTest {
    private static final String YAML = """
            name: mel-compression
            seed: 11
            rounds: 3
            cell: {radius: 100 m}
            radio: {bandwidth: 25 MHz, noiseDensity: -174 dBm/Hz, pathLoss: urban-macro, fading: rayleigh,
                    apPower: 23 dBm, devicePower: 23 dBm}
            devices:
              count: 5
              cpu: {speed: 1 GHz}
            protocol: {type: async-mel, cycle: 3 s, mode: parallelised, samples: 600, modelBits: 3200000,
                       flopsPerSample: 2000000, learnerBandwidth: 5 MHz EXTRA}
            scheduler: ha-async
            learning: {data: fashion-mnist-small, model: mlp, stepSize: 0.1}
            """;

    private static Scenario scenario(String extra) throws Exception {
        return Catalog.standard().loader().parse("mel.yaml", YAML.replace("EXTRA", extra), ScenarioLoader.Format.YAML)
                .single();
    }

    @Test
    void aCompressedReturnTakesItsBitsAndItsErrorReachesTheModel() throws Exception {
        Scenario plain = scenario("");
        Scenario quantised = scenario(", compression: {type: quantize, bits: 8}");
        MelClock clock = MelClock.of((MelSpec) plain.protocol());
        MelClock small = MelClock.of((MelSpec) quantised.protocol());
        assertEquals(3.2e6, clock.upBits());
        assertEquals(100_000 * 8 + 32, small.upBits());
        RunResult a = new Simulation(Catalog.standard()).run(plain);
        RunResult b = new Simulation(Catalog.standard()).run(quantised);
        double[] updatesA = column(a.devices(), "updates");
        double[] updatesB = column(b.devices(), "updates");
        double more = 0;
        for (int i = 0; i < updatesA.length; i++) {
            more += updatesB[i] - updatesA[i];
        }
        assertTrue(more >= 0, "the time the return saves goes to local updates: " + more);
        assertTrue(!Arrays.equals(column(a.rounds(), "validation_accuracy"), column(b.rounds(), "validation_accuracy")),
                "the quantisation's error reaches the model");
    }
}

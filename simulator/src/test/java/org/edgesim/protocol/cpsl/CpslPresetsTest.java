package org.edgesim.protocol.cpsl;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fig. 5's set-up clocked by the paper's presets: the executed rounds of CPSL, vanilla SL and FL
 * equal the latency of docs/models/cpsl.md's formulas worked out here by hand from the preset numbers
 * (identical devices at 0.5 GHz and 17 dB, 30 subcarriers of 1 MHz, B = 16, L = 1), to 1e-9.
 */
class CpslPresetsTest {
    private static final double KB = 8 * 1024.0;
    private static final double MB = 8 * 1048576.0;

    /** The shipped Fig. 5 scenario as one run of {@code scheme}, clock only (the accuracy does not move the clock). */
    private static Scenario fig5(String scheme, String profile) throws Exception {
        String yaml = Files.readString(Path.of("..", "scenarios", "cpsl-fig5.yaml"));
        yaml = yaml.substring(0, yaml.indexOf("\nlearning:")) + "\n";
        yaml = yaml.replace("  cut: 2\n", "  cut: 3\n  scheme: " + scheme + "\n  profile: " + profile + "\n")
                .replace("  samplesPerDevice: 180\n  classesPerDevice: 3\n  serverStepSize: 0.25\n", "")
                .replace("rounds: 80", "rounds: 2");
        return Catalog.standard().loader().parse("fig5.yaml", yaml, ScenarioLoader.Format.YAML);
    }

    @org.junit.jupiter.api.Test
    void presetsAreRefusedWhereTheyDoNotApply() throws Exception {
        org.edgesim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.edgesim.scenario.ScenarioException.class, () -> fig5("cpsl", "paper-whole"));
        assertEquals("protocol.profile", e.field());
        org.junit.jupiter.api.Assertions.assertTrue(e.rule().contains("for schemes fl and cl"), e.rule());
        // The paper's 12-layer CNN clock with LeNet (7 layers) trained: a cut would name different layers.
        String yaml = Files.readString(Path.of("..", "scenarios", "cpsl-fig5.yaml")).replace("rounds: 80", "rounds: 1")
                .replace("  cut: 2\n", "  cut: 2\n  profile: paper\n");
        yaml = yaml.substring(0, yaml.indexOf("\nsweep:")) + "\n";
        Scenario s = Catalog.standard().loader().parse("fig5.yaml", yaml, ScenarioLoader.Format.YAML);
        org.edgesim.protocol.InfeasibleScenarioException i = org.junit.jupiter.api.Assertions.assertThrows(
                org.edgesim.protocol.InfeasibleScenarioException.class, () -> new Simulation(Catalog.standard()).run(s));
        org.junit.jupiter.api.Assertions.assertTrue(i.getMessage().contains("the paper's 12-layer CNN, but the trained"
                + " lenet has 7 layers"), i.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"cpsl, paper-pool1", "sl, paper-pool1", "fl, paper-whole"})
    void executedRoundsEqualTheFormulasOnThePresets(String scheme, String profile) throws Exception {
        double rate = 1e6 * Math.log(1 + Math.pow(10, 1.7)) / Math.log(2); // one 1 MHz subcarrier at 17 dB
        double f = 0.5e9;
        int b = 16;
        int c = 30;
        double expected;
        if (scheme.equals("fl")) {
            // One cluster of 30, one subcarrier each; the device trains the whole model, nothing per batch.
            double model = 16.49 * MB;
            expected = model / (c * rate) + b * 91.61e6 / f + b * 91.61e6 / f + model / rate;
        } else {
            int size = scheme.equals("cpsl") ? 5 : 1;
            int x = c / size; // identical devices: the greedy subcarriers share equally
            double model = 0.67 * 1024 * KB;
            double start = model / (c * rate) + b * 5.6e6 / f + b * 18 * KB / (x * rate);
            double server = size * b * (86.01e6 + 86.01e6) / 100e9;
            double end = b * 9 * KB / (x * rate) + b * 5.6e6 / f + model / (x * rate);
            expected = 30 / size * (start + server + end);
        }
        double[] realised = column(new Simulation(Catalog.standard()).run(fig5(scheme, profile)).rounds(),
                "realised_latency_s");
        for (double r : realised) {
            assertEquals(expected, r, 1e-9 * expected, scheme);
        }
    }
}

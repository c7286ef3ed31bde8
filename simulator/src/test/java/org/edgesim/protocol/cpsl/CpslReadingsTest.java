package org.edgesim.protocol.cpsl;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.channel.ExpIntegral;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The readings of eqs. (14) and (23) that the paper leaves open ({@code protocol.rate}, {@code modelUpload}). */
class CpslReadingsTest {
    private static final double KB = 8 * 1024.0;
    private static final double MB = 8 * 1048576.0;

    /** The Fig. 5 clock (identical devices at 17 dB) with extra protocol lines, two rounds, no training. */
    private static Scenario fig5(String scheme, String profile, String extra) throws Exception {
        String yaml = Files.readString(Path.of("..", "scenarios", "cpsl-fig5.yaml"));
        yaml = yaml.substring(0, yaml.indexOf("\nlearning:")) + "\n";
        yaml = yaml.replace("  cut: 2\n", "  cut: 3\n  scheme: " + scheme + "\n  profile: " + profile + "\n" + extra)
                .replace("  samplesPerDevice: 180\n  classesPerDevice: 3\n  serverStepSize: 0.25\n", "")
                .replaceFirst("rounds: \\d+", "rounds: 2");
        return Catalog.standard().loader().parse("fig5.yaml", yaml, ScenarioLoader.Format.YAML);
    }

    private static double round(String scheme, String profile, String extra) throws Exception {
        return column(new Simulation(Catalog.standard()).run(fig5(scheme, profile, extra)).rounds(),
                "realised_latency_s")[1];
    }

    /**
     * Each reading against the formulas by hand: the rate is W times the reading's bits per hertz;
     * without eq. (23) a cluster's ending phase is {@code tg + tu} alone.
     */
    @ParameterizedTest(name = "{0}, {2}, upload {3}")
    @CsvSource({"cpsl, paper-pool1, instantaneous, true", "cpsl, paper-pool1, ergodic, true",
        "cpsl, paper-pool1, instantaneous, false", "cpsl, paper-pool1, ergodic, false",
        "sl, paper-pool1, ergodic, true", "sl, paper-pool1, instantaneous, false", "fl, paper-whole, ergodic, true"})
    void theReadingsGiveTheFormulasByHand(String scheme, String profile, String rate, boolean upload)
            throws Exception {
        double perHz = rate.equals("ergodic") ? ExpIntegral.scaledE1(1 / Math.pow(10, 1.7)) / Math.log(2)
                : Math.log1p(Math.pow(10, 1.7)) / Math.log(2);
        double r = 1e6 * perHz;
        double f = 0.5e9;
        int b = 16;
        int c = 30;
        double expected;
        if (scheme.equals("fl")) {
            double model = 16.49 * MB;
            expected = model / (c * r) + 2 * b * 91.61e6 / f + (upload ? model / r : 0);
        } else {
            int size = scheme.equals("cpsl") ? 5 : 1;
            int x = c / size;
            double model = 0.67 * 1024 * KB;
            double start = model / (c * r) + b * 5.6e6 / f + b * 18 * KB / (x * r);
            double server = size * b * 2 * 86.01e6 / 100e9;
            double end = b * 9 * KB / (x * r) + b * 5.6e6 / f + (upload ? model / (x * r) : 0);
            expected = 30 / size * (start + server + end);
        }
        double got = round(scheme, profile, "  rate: " + rate + "\n  modelUpload: " + upload + "\n");
        assertEquals(expected, got, 1e-9 * expected);
    }

    @Test
    void badReadingsNameTheField() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> fig5("cpsl", "paper-pool1", "  rate: mean\n"));
        assertEquals("protocol.rate", e.field());
        assertTrue(e.rule().contains("'instantaneous'") && e.rule().contains("'ergodic'"), e.rule());
    }

    @Test
    void theErgodicReadingIsRefusedWithFadingBlocksThatDrawTheFadingAgain() throws Exception {
        fig5("cpsl", "paper-pool1", "  rate: ergodic\n"); // one draw per round: allowed
        String yaml = Files.readString(Path.of("..", "scenarios", "cpsl-fig5.yaml"));
        yaml = yaml.substring(0, yaml.indexOf("\nlearning:")) + "\n";
        String blocks = yaml.replace("  cut: 2\n", "  cut: 3\n  rate: ergodic\n")
                .replace("  fading: none\n", "  fading: rayleigh\n  coherenceTime: 100 ms\n");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Catalog.standard().loader().parse("fig5.yaml", blocks, ScenarioLoader.Format.YAML));
        assertEquals("protocol.rate", e.field());
        assertTrue(e.rule().contains("draw that fading already"), e.rule());
    }
}

package org.edgesim.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.learning.EvaluationPlan;
import org.edgesim.learning.data.Dataset;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code learning.evaluation}, the same in every protocol: the rounds it skips leave their cells
 * empty and the others as evaluating every round gives them (training is untouched); subsets of
 * the sets are fixed per run; no training samples, no training columns.
 */
class EvaluationSectionTest {
    /** A shipped scenario cut to its base (no sweep), {@code rounds} rounds, with {@code evaluation} in its learning section. */
    private static Scenario scenario(String file, int rounds, String evaluation) throws Exception {
        String text = Files.readString(Path.of("..", "scenarios", file));
        text = text.substring(0, text.indexOf("\nsweep:")) + "\n";
        text = text.replaceFirst("\nrounds: \\d+", "\nrounds: " + rounds).replace("data: fashion-mnist\n",
                "data: fashion-mnist-small\n").replace("  count: 30\n", "  count: 10\n")
                .replaceAll("(?m)^  evaluation: .*\n", "");
        if (evaluation != null) {
            text = text + "  evaluation: " + evaluation + "\n";
        }
        return Catalog.standard().loader().parse(file, text, ScenarioLoader.Format.YAML);
    }

    private static double[] column(Scenario s, String name) {
        return org.edgesim.report.TableColumns.column(new Simulation(Catalog.standard()).run(s).rounds(), name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"partel-fig4.yaml, test_accuracy", "feel-fig4.yaml, test_accuracy", "cpsl-fig5.yaml, test_accuracy",
        "async-fig3.yaml, validation_accuracy"})
    void roundsNotDueAreEmptyAndTheOthersAsEveryRoundGivesThem(String file, String metric) throws Exception {
        double[] every = column(scenario(file, 4, null), metric);
        double[] third = column(scenario(file, 4, "{every: 3}"), metric);
        assertEquals(4, third.length);
        for (int i = 0; i < 4; i++) {
            int round = i + 1;
            if (round % 3 == 0 || round == 4) {
                assertEquals(every[i], third[i], 0.0, file + " round " + round);
                assertTrue(Double.isFinite(third[i]));
            } else {
                assertTrue(Double.isNaN(third[i]), file + " round " + round + " is not evaluated");
            }
        }
    }

    /** Subsets: a run's test accuracy on 500 samples is a multiple of 1/500, the same run again alike. */
    @Test
    void aTestSubsetIsFixedPerRunAndItsAccuracyCountsItsSamples() throws Exception {
        Scenario s = scenario("partel-fig4.yaml", 3, "{testSamples: 500, trainSamples: 0}");
        double[] a = column(s, "test_accuracy");
        assertArrayEquals(a, column(s, "test_accuracy"));
        for (double v : a) {
            assertEquals(Math.rint(v * 500), v * 500, 1e-9, "a share of 500 samples: " + v);
        }
        assertNotEquals(a[2], column(scenario("partel-fig4.yaml", 3, null), "test_accuracy")[2], "a subset's reading");
        for (double v : column(s, "train_loss")) {
            assertTrue(Double.isNaN(v), "no training samples: no training columns");
        }
    }

    /** The subset: n distinct samples in the set's order, the same from the same streams, another from others. */
    @Test
    void theSubsetIsDrawnOnceFromItsOwnStream() {
        int n = 1000;
        float[] x = new float[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i % 10;
        }
        Dataset all = new Dataset("d", new int[] {1}, x, y, 10);
        EvaluationPlan a = EvaluationPlan.of(1, 100, null, all, all, new RandomStreams(4));
        EvaluationPlan b = EvaluationPlan.of(1, 100, null, all, all, new RandomStreams(4));
        EvaluationPlan c = EvaluationPlan.of(1, 100, null, all, all, new RandomStreams(5));
        Dataset sa = (Dataset) a.test();
        assertEquals(100, sa.size());
        assertArrayEquals(sa.features(), ((Dataset) b.test()).features());
        assertNotEquals(java.util.Arrays.toString(sa.features()), java.util.Arrays.toString(((Dataset) c.test()).features()));
        for (int i = 1; i < 100; i++) {
            assertTrue(sa.features()[i] > sa.features()[i - 1], "distinct, in the set's order");
        }
        assertTrue(a.due(4, false) && a.due(1, false));
        EvaluationPlan every4 = EvaluationPlan.of(4, null, 0, all, all, null);
        assertTrue(every4.due(8, false) && !every4.due(6, false) && every4.due(6, true));
        assertEquals(all, every4.test(), "no subset: the whole set");
        assertTrue(!every4.trainMetrics());
    }

    @Test
    void badSettingsSayWhere() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> scenario("partel-fig4.yaml", 3, "{every: 0}"));
        assertTrue(e.getMessage().contains("learning.evaluation.every"), e.getMessage());
        e = assertThrows(ScenarioException.class, () -> scenario("partel-fig4.yaml", 3, "{testSamples: 0}"));
        assertTrue(e.getMessage().contains("learning.evaluation.testSamples"), e.getMessage());
        String limited = "{every: 2}\ntimeLimit: 100 s";
        e = assertThrows(ScenarioException.class, () -> scenario("partel-fig4.yaml", 3, limited));
        assertTrue(e.getMessage().contains("learning.evaluation.every: needs a run of a fixed number of rounds"),
                e.getMessage());
    }
}

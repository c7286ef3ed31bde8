package org.edgesim.sweep;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunResult;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.Test;

/** With several cells a round's metric is the mean over its cells' rows, and end_s when it was over everywhere. */
class CellMetricsTest {
    /** The tiny PARTEL scenario in three cells. */
    private static final String PARTEL = TestScenarios.partelYaml().replace("cell:\n  radius: 0.15 km\n",
            "cell:\n  radius: 0.15 km\ncells: {count: 3, interSiteDistance: 260 m, reuse: 3,"
                    + " backhaul: {capacity: 1 Gbit/s, latency: 10 ms}}\n");

    @Test
    void aRoundIsTheMeanOfItsCellsAndEndsWhenTheSlowestCellAndTheCloudHave() throws Exception {
        RunResult r = new Simulation(Catalog.standard()).run(Catalog.standard().loader().parse("c.yaml", PARTEL,
                ScenarioLoader.Format.YAML).single());
        double[] realised = column(r.rounds(), "realised_latency_s");
        double[] end = column(r.rounds(), "end_s");
        double[] cloud = column(r.rounds(), "cloud_s");
        Metrics.Rounds rounds = Metrics.perRound(r);
        assertEquals(3, rounds.rows().size(), "one row per round, not per cell");
        assertFalse(rounds.columns().contains("cell"));
        int latency = rounds.columns().indexOf("realised_latency_s");
        int ends = rounds.columns().indexOf("end_s");
        double mean = 0;
        for (int round = 0; round < 3; round++) {
            double sum = 0;
            double latest = 0;
            for (int c = 0; c < 3; c++) {
                sum += realised[3 * round + c];
                latest = Math.max(latest, end[3 * round + c]);
            }
            assertEquals(sum / 3, rounds.rows().get(round)[latency], 1e-12);
            assertEquals(latest + cloud[3 * round], rounds.rows().get(round)[ends], 1e-12);
            mean += sum / 3 / 3;
        }
        Map<String, Double> metrics = Metrics.of(r);
        assertEquals(mean, metrics.get("realised_latency_s_mean"), 1e-12);
        assertEquals(rounds.rows().get(2)[ends], metrics.get("end_s_final"), 0.0);
    }
}

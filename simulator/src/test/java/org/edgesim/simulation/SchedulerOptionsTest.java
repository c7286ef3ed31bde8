package org.edgesim.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.TestScenarios;
import org.edgesim.report.TableColumns;
import org.junit.jupiter.api.Test;

/** Scheduler options reach the schedulers that take them, and only those. */
class SchedulerOptionsTest {
    private static List<Object> latencies(String scheduler, String options) throws Exception {
        Catalog catalog = Catalog.standard();
        String yaml = TestScenarios.partelYaml().replace("scheduler: baseline", "scheduler: " + scheduler) + options;
        Scenario s = catalog.loader().parse("options.yaml", yaml, org.edgesim.scenario.ScenarioLoader.Format.YAML);
        return TableColumns.values(new Simulation(catalog).run(s).rounds(), "realised_latency_s");
    }

    @Test
    void theProportionalRuleChangesTheBaselineAndAlgorithmTwoOnly() throws Exception {
        String slowest = "schedulerOptions:\n  proportionalTo: slowest\n";
        String capability = "schedulerOptions:\n  proportionalTo: capability\n";
        assertEquals(latencies("baseline", ""), latencies("baseline", capability), "the baseline's default: capability");
        assertNotEquals(latencies("baseline", ""), latencies("baseline", slowest));
        String alg2 = "parameter-aware-bandwidth";
        assertEquals(latencies(alg2, ""), latencies(alg2, slowest), "Alg. 2's default: its slowest worker");
        assertNotEquals(latencies(alg2, ""), latencies(alg2, capability));
        for (String s : List.of("bandwidth-aware-parameter", "joint-paba")) {
            assertEquals(latencies(s, ""), latencies(s, slowest), s + " takes no such option and ignores it");
        }
    }
}

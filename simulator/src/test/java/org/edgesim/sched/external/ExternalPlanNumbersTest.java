package org.edgesim.sched.external;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every number of an external scheduler's plan, in each protocol, is checked: one that is not
 * finite (1e400 reads as infinity), negative where it may not be, or absurd (a latency beyond
 * 1e9 s, given or following from the decisions) is a bad answer naming the round and the field,
 * never a row of NaN or infinity (needs python3 on the path).
 */
class ExternalPlanNumbersTest {
    @TempDir
    Path dir;

    /**
     * Runs {@code file}'s example with its Python twin's plan changed by {@code patch} (Python on
     * the plan {@code p}; the string {@code 'INF'} is written as the number 1e400).
     */
    private ExternalSchedulerException failure(String file, String module, String patch) throws Exception {
        Path script = dir.resolve("patched.py");
        Files.writeString(script, "import json, sys\nsys.path.insert(0, '" + ExternalSchedulerTest.EXAMPLES + "')\n"
                + "from " + module + " import plan\n"
                + "for line in sys.stdin:\n"
                + "    p = plan(json.loads(line)['snapshot'])\n"
                + "    " + patch + "\n"
                + "    print(json.dumps(p).replace('\"INF\"', '1e400'), flush=True)\n");
        String yaml = Files.readString(ExternalSchedulerTest.EXAMPLES.resolve(file))
                .replaceAll("command: \\[.*]", "command: [python3, '" + script + "']");
        Scenario patched = Catalog.standard().loader().parse(file, yaml, ScenarioLoader.Format.YAML);
        RuntimeException e = assertThrows(RuntimeException.class, () -> new Simulation(Catalog.standard()).run(patched));
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ExternalSchedulerException external) {
                return external;
            }
        }
        throw new AssertionError("not an external scheduler's failure", e);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "partel-baseline-python.yaml     | partel_baseline      | p['planned_latency_s'] = 1e308   | 'planned_latency_s' must be a time in (0, 1e9] s, got 1.0E308",
        "partel-baseline-python.yaml     | partel_baseline      | p['planned_latency_s'] = 'INF'   | 'planned_latency_s' must be a finite number, got Infinity",
        "partel-baseline-python.yaml     | partel_baseline      | p['planned_latency_s'] = -1      | 'planned_latency_s' must be a time in (0, 1e9] s, got -1",
        "partel-baseline-python.yaml     | partel_baseline      | p['planned_latency_s'] = 0       | 'planned_latency_s' must be a time in (0, 1e9] s, got 0",
        "partel-baseline-python.yaml     | partel_baseline      | p['shares'][0] = 'INF'           | 'shares'[0] must be a finite number, got Infinity",
        "partel-baseline-python.yaml     | partel_baseline      | p['shares'][0] = 1e-300          | the decisions take",
        "feel-full-batch-python.yaml     | feel_full_batch      | p['slot_up_s'][0] = 'INF'        | 'slot_up_s'[0] must be a finite number, got Infinity",
        "feel-full-batch-python.yaml     | feel_full_batch      | p['slot_down_s'][1] = 1e-250     | the decisions take",
        "mel-hu-async-python.yaml        | mel_hu_async         | p['updates'][0] = 'INF'          | 'updates'[0] must be a whole number, got Infinity",
        "cpsl-heuristic-equal-python.yaml | cpsl_heuristic_equal | p['initial_latency_s'] = 1e308  | 'initial_latency_s' must be a time in (0, 1e9] s, got 1.0E308",
        "cpsl-heuristic-equal-python.yaml | cpsl_heuristic_equal | p['initial_latency_s'] = 'INF'  | 'initial_latency_s' must be a finite number, got Infinity",
        "cpsl-heuristic-equal-python.yaml | cpsl_heuristic_equal | p['subcarriers'][0] = 'INF'     | 'subcarriers'[0] must be a whole number, got Infinity"})
    void aNumberOutOfRangeIsABadAnswer(String file, String module, String patch, String words) throws Exception {
        ExternalSchedulerException e = failure(file, module, patch);
        assertTrue(e.badAnswer(), e.getMessage());
        assertTrue(e.getMessage().contains("round 1: answered a plan that breaks a rule: " + words), e.getMessage());
    }
}

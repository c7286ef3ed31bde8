package org.edgesim.sched.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.report.CsvTables;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Python examples of examples/python/ plan exactly as their built-in twins: the same
 * rounds.csv, byte for byte, but for the scheduler's name (needs python3 on the path, which
 * .ci/run installs).
 */
class ExternalSchedulerTest {
    static final Path EXAMPLES = Path.of("..", "examples", "python").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    /** An example scenario with its command's script named by absolute path (the tests run in simulator/). */
    static Scenario example(String file) throws Exception {
        String yaml = Files.readString(EXAMPLES.resolve(file)).replace("examples/python/", EXAMPLES + "/");
        return Catalog.standard().loader().parse(file, yaml, ScenarioLoader.Format.YAML);
    }

    private List<String> roundsWithoutScheduler(Scenario s) throws IOException {
        Path csv = dir.resolve(s.scheduler() + ".csv");
        CsvTables.write(new Simulation(Catalog.standard()).run(s).rounds(), csv);
        List<String> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        int column = List.of(lines.get(0).split(",")).indexOf("scheduler");
        for (String line : lines) {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(column);
            out.add(String.join(",", cells));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} plans as {1}")
    @CsvSource({"partel-baseline-python.yaml, baseline", "mel-hu-async-python.yaml, hu-async",
        "feel-full-batch-python.yaml, feel-full-batch-equal-slots",
        "cpsl-heuristic-equal-python.yaml, cpsl-heuristic-equal"})
    void thePythonTwinGivesTheBuiltInsRows(String file, String twin) throws Exception {
        Scenario python = example(file);
        assertTrue(python.externalSchedulers().containsKey(python.scheduler()), file + " runs its external scheduler");
        List<String> external = roundsWithoutScheduler(python);
        List<String> builtIn = roundsWithoutScheduler(python.withScheduler(twin));
        assertEquals(python.rounds() + 1, external.size());
        assertEquals(builtIn, external);
        assertFalse(external.get(1).isEmpty());
    }
}

package org.edgesim.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.report.CsvTables;
import org.edgesim.report.EventTrace;
import org.edgesim.scenario.Scenario;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden outputs: one tiny scenario per protocol and per imperfect condition
 * ({@code src/test/resources/golden/scenarios/}), their {@code rounds.csv}, {@code devices.csv} and
 * {@code events.csv} checked in beside them and compared byte for byte, so that a redesign of the
 * round loop shows every row it moves. Regenerate after a deliberate change, in its own commit that
 * says which rows moved and why: {@code mvn test -Dtest=GoldenOutputsTest -Dgolden.update=true}.
 */
class GoldenOutputsTest {
    static final Path ROOT = Path.of("src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TempDir
    Path dir;

    static List<Path> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(ROOT.resolve("scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theOutputsAreTheCheckedInBytes(Path file) throws Exception {
        Scenario scenario = Catalog.standard().loader().loadForRun(file);
        EventTrace events = new EventTrace();
        RunResult r = new Simulation(Catalog.standard()).run(scenario, 0, RunContext.RoundListener.NONE, events);
        String name = file.getFileName().toString().replace(".yaml", "");
        Path expected = ROOT.resolve(name);
        CsvTables.write(r.rounds(), dir.resolve("rounds.csv"));
        CsvTables.write(r.devices(), dir.resolve("devices.csv"));
        CsvTables.write(events.table(), dir.resolve("events.csv"));
        for (String csv : List.of("rounds.csv", "devices.csv", "events.csv")) {
            if (UPDATE) {
                Files.createDirectories(expected);
                Files.copy(dir.resolve(csv), expected.resolve(csv), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            assertTrue(Files.exists(expected.resolve(csv)), expected.resolve(csv) + " is missing: regenerate with"
                    + " -Dgolden.update=true");
            List<String> want = Files.readAllLines(expected.resolve(csv));
            List<String> got = Files.readAllLines(dir.resolve(csv));
            for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
                assertEquals(want.get(i), got.get(i), name + "/" + csv + " line " + (i + 1) + " moved");
            }
            assertEquals(want.size(), got.size(), name + "/" + csv + ": lines");
            assertEquals(Files.readString(expected.resolve(csv)), Files.readString(dir.resolve(csv)), name + "/" + csv);
        }
    }
}

package org.edgesim.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.edgesim.protocol.RunResult;
import org.edgesim.scenario.Scenario;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.edgesim.table.Column;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The round columns a protocol announces before anything runs (what claims are validated
 * against) are the columns its runs write, for every shipped scenario that trains nothing, at the
 * first and last point of its sweep (sweeps over availability or energy change the columns).
 */
class RoundColumnsContractTest {
    static Stream<Path> clockOnlyScenarios() throws IOException {
        Path root = Path.of("..", "scenarios");
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            return files.stream().filter(p -> {
                try {
                    String text = Files.readString(p);
                    return !text.contains("\nlearning:") && !org.edgesim.scenario.CalibrationSpec.isCalibration(text);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clockOnlyScenarios")
    void announcedColumnsAreTheWrittenOnes(Path file) throws Exception {
        Catalog catalog = Catalog.standard();
        Study study = new StudyLoader(catalog.loader()).load(file, true);
        for (Study.Point p : List.of(study.points().get(0), study.points().get(study.points().size() - 1))) {
            Scenario s = p.scenario().withRounds(1);
            RunResult r = new Simulation(catalog).run(s);
            List<String> written = r.rounds().columns().stream().map(Column::header).toList();
            List<String> announced = catalog.protocol(s.protocol().type()).orElseThrow().roundColumns(s).stream()
                    .map(Column::header).toList();
            assertEquals(written, announced, file + " point " + p.index());
        }
    }
}

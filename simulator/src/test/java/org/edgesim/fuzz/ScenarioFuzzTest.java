package org.edgesim.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.simulation.Catalog;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.study.StudyLoader;

/**
 * Fuzzing the scenario loader and validate's whole path (loader, every design point, figures and
 * claims): whatever the text, the answer is a scenario or one located line ({@link ScenarioException}),
 * never another exception. Under {@code mvn verify} the inputs kept in
 * {@code src/test/resources/org/edgesim/fuzz/ScenarioFuzzTestInputs/} (seeds and every crash found)
 * run as regression tests; {@code JAZZER_FUZZ=1} fuzzes (see the README).
 */
class ScenarioFuzzTest {
    private static final Catalog CATALOG = Catalog.standard();
    private static final ScenarioLoader LOADER = CATALOG.loader();

    private static void oneLine(ScenarioException e) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().length() <= 1100, e.getMessage().length() + " characters");
    }

    @FuzzTest(maxDuration = "30s")
    void theLoaderAnswersAScenarioOrOneLocatedLine(FuzzedDataProvider data) {
        boolean json = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        try {
            LOADER.parse(json ? "fuzz.json" : "fuzz.yaml", text, json ? ScenarioLoader.Format.JSON
                    : ScenarioLoader.Format.YAML);
        } catch (ScenarioException e) {
            oneLine(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void validateAnswersAStudyOrOneLocatedLine(FuzzedDataProvider data) throws IOException {
        boolean quick = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        Path file = Files.createTempFile("edgesim-fuzz", ".yaml");
        try {
            Files.writeString(file, text);
            new StudyLoader(LOADER).load(file, quick);
        } catch (ScenarioException e) {
            oneLine(e);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

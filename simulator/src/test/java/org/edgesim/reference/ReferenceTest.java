package org.edgesim.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.edgesim.cli.Main;
import org.edgesim.scenario.ScenarioSchemaTest;
import org.junit.jupiter.api.Test;

/**
 * docs/reference/ is what the code generates ({@code ./edgesim reference} rewrites it), and what it
 * says comes from the code: a key's unit from its annotation, a column from its protocol's table.
 */
class ReferenceTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theFolderIsWhatTheCodeGenerates() throws Exception {
        SortedMap<String, String> generated = Reference.pages(ROOT, Main.commandLine(),
                ScenarioSchemaTest.shippedProtocols());
        SortedMap<String, String> shipped = new TreeMap<>();
        try (Stream<Path> files = Files.list(ROOT.resolve(Reference.FOLDER))) {
            for (Path p : files.toList()) {
                shipped.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        assertEquals(generated.keySet(), shipped.keySet(), "run ./edgesim reference from the repository's root");
        for (Map.Entry<String, String> e : generated.entrySet()) {
            assertEquals(e.getValue(), shipped.get(e.getKey()), e.getKey() + " differs from the code: run"
                    + " ./edgesim reference from the repository's root");
        }
    }

    @Test
    void thePagesSayWhatTheCodeSays() throws Exception {
        SortedMap<String, String> pages = Reference.pages(ROOT, Main.commandLine(),
                ScenarioSchemaTest.shippedProtocols());
        String scenario = pages.get("scenario.md");
        assertTrue(scenario.contains("| `radio.bandwidth` | number | Hz (1 kHz to 100 GHz) | yes | system bandwidth"), scenario);
        assertTrue(scenario.contains("| `seed` | integer |  | yes | the master seed"), scenario);
        for (String type : List.of("partel", "feel", "async-mel", "cpsl")) {
            assertTrue(scenario.contains("## `protocol` with `type: " + type + "`"), type);
            assertTrue(pages.get("columns.md").contains("\n## " + type + "\n"), type);
            assertTrue(pages.get("snapshots.md").contains("\n## " + type + "\n"), type);
            assertTrue(pages.get("schedulers.md").contains("\n## " + type + "\n"), type);
        }
        assertTrue(pages.get("columns.md").contains("| `realised_latency_s` | s |"));
        assertTrue(pages.get("columns.md").contains("| `test_accuracy` |  | accuracy of the whole model on the test set"
                + " after the round *(trained)*; range: 0 to 1 |"));
        assertTrue(pages.get("snapshots.md").contains("| `workers[].speed_hz` | number |"));
        assertTrue(pages.get("schedulers.md").contains("| `joint-paba` |"));
        assertTrue(pages.get("cli.md").contains("## edgesim reference\n"));
    }

    @Test
    void javadocReadsParamsAndLeavesOutTheTags() {
        Javadoc.Doc d = new Javadoc(ROOT.resolve("simulator/src/main/java")).of(org.edgesim.scenario.EvaluationSpec.class);
        assertEquals("evaluate after every `every`-th round and the last (default 1)", d.params().get("every"));
        assertEquals(3, d.params().size());
        assertTrue(d.summary().startsWith("When and on what a run evaluates its model (`learning.evaluation`):"),
                d.summary());
    }
}

package org.edgesim.sched.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What external schedulers read and answer, byte for byte: each of the four Python examples runs
 * its first two rounds through a recorder that logs every line exchanged (a snapshot request, then
 * the plan), and the log must equal the checked-in sample under {@code src/test/resources/external/}.
 * The samples pin the protocols' JSON while their codecs change; after a deliberate change of the
 * messages, regenerate them with {@code -Dexternal.update=true}, in a commit that says what moved.
 */
class ExternalMessagesTest {
    private static final Path EXAMPLES = Path.of("..", "examples", "python").toAbsolutePath().normalize();
    private static final Path SAMPLES = Path.of("src", "test", "resources", "external");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"partel-baseline-python.yaml", "feel-full-batch-python.yaml", "mel-hu-async-python.yaml",
        "cpsl-heuristic-equal-python.yaml"})
    void theMessagesAreTheSamplesByteForByte(String file) throws Exception {
        Path log = dir.resolve("exchange.jsonl");
        String yaml = Files.readString(EXAMPLES.resolve(file)).replaceFirst("(?m)^rounds: \\d+$", "rounds: 2")
                .replaceFirst("command: \\[python3, examples/python/([a-z_]+\\.py)\\]", "command: [python3, "
                        + SAMPLES.resolve("record.py").toAbsolutePath() + ", " + log + ", " + EXAMPLES + "/$1]");
        Scenario s = Catalog.standard().loader().parse(file, yaml, ScenarioLoader.Format.YAML);
        assertTrue(s.externalSchedulers().get(s.scheduler()).command().get(1).endsWith("record.py"), yaml);
        new Simulation(Catalog.standard()).run(s);
        String exchanged = Files.readString(log, StandardCharsets.UTF_8);
        Path sample = SAMPLES.resolve(file.replace(".yaml", ".jsonl"));
        if (Boolean.getBoolean("external.update")) {
            Files.writeString(sample, exchanged, StandardCharsets.UTF_8);
        }
        assertEquals(4, exchanged.lines().count(), "two requests and two answers");
        assertEquals(Files.readString(sample, StandardCharsets.UTF_8), exchanged,
                "the messages moved; if deliberately, regenerate with -Dexternal.update=true");
    }
}

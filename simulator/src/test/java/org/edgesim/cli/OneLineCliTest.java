package org.edgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.edgesim.scenario.TestScenarios;
import org.edgesim.sweep.SweepTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the user gets wrong on the command line, or what was damaged on disk, ends in one line
 * saying what and where, never a usage screen, a stack trace or a Java class's name.
 */
class OneLineCliTest {
    @TempDir
    static Path shared;
    static Path study;

    @TempDir
    Path dir;

    @BeforeAll
    static void runAStudy() throws Exception {
        Path scenario = Files.writeString(shared.resolve("tiny.yaml"), SweepTest.STUDY.formatted("[baseline]"));
        study = shared.resolve("out");
        CliTestSupport.Outcome run = CliTestSupport.run("run", scenario.toString(), "--quick", "-q", "--out",
                study.toString());
        assertEquals(0, run.code(), run.err());
    }

    private static void assertOneLine(CliTestSupport.Outcome o, int code, String... words) {
        String message = o.err().strip();
        assertEquals(code, o.code(), message);
        assertFalse(message.contains("\n"), "one line expected, got: " + message);
        assertTrue(message.startsWith("edgesim: "), message);
        for (String w : words) {
            assertTrue(message.contains(w), "expected '" + w + "' in: " + message);
        }
        assertFalse(message.matches(".*\\b(java|org\\.edgesim)\\.[a-z.]*[A-Z]\\w*(Exception|Error).*"),
                "no Java class: " + message);
    }

    /** Damages line 2 (the first data row) of summary.csv as {@code kind} says. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a word for a number  | column 'mean' holds 'abc', not a number",
        "a row cut short      | line 2: 3 fields, too few for column",
        "an unclosed quote    | summary.csv: damaged at line"})
    void plotNamesTheDamagedFileAndRow(String kind, String words) throws Exception {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        try (var files = Files.list(study)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path summary = copy.resolve("summary.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(summary));
        List<String> header = List.of(lines.get(0).split(","));
        String[] cells = lines.get(1).split(",", -1);
        switch (kind.strip()) {
            case "a word for a number" -> {
                for (int i = 1; i < lines.size(); i++) {
                    String[] row = lines.get(i).split(",", -1);
                    row[header.indexOf("mean")] = "abc";
                    lines.set(i, String.join(",", row));
                }
            }
            case "a row cut short" -> lines.set(1, String.join(",", List.of(cells).subList(0, 3)));
            default -> lines.set(1, "\"" + lines.get(1));
        }
        Files.write(summary, lines);
        CliTestSupport.Outcome o = CliTestSupport.run("plot", copy.toString());
        assertOneLine(o, 2, summary.toString(), words.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a word for a number | run, S, --threads, abc   | Invalid value for option '--threads': 'abc' is not an int | see 'edgesim run --help'",
        "an unknown option   | run, S, --thread, 2      | Unknown options: '--thread', '2'; did you mean --threads? | see 'edgesim run --help'",
        "a missing parameter | validate                 | Missing required parameter                                | see 'edgesim validate --help'",
        "an unknown command  | rnu                      | Unmatched argument at index 0: 'rnu'                      | see 'edgesim --help'"})
    void aBadCommandLineIsOneLineAndAPointerToHelp(String kind, String args, String words, String pointer)
            throws Exception {
        Path scenario = Files.writeString(dir.resolve("s.yaml"), TestScenarios.partelYaml());
        String[] a = args.replace(" ", "").replace("S", scenario.toString()).split(",");
        assertOneLine(CliTestSupport.run(a), 2, words.strip(), pointer.strip());
    }

    /** A path the locale cannot spell (LC_ALL=C and an accent) is named in one line, in a JVM of its own. */
    @Test
    void aPathTheLocaleCannotSpellIsOneLine() throws Exception {
        Path scenario = Files.writeString(dir.resolve("sc\u00e9nario.yaml"), TestScenarios.partelYaml());
        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "validate", scenario.toString());
        b.environment().put("LC_ALL", "C");
        b.environment().remove("LANG");
        Process p = b.start();
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertOneLine(new CliTestSupport.Outcome(p.exitValue(), "", err), 2, "cannot be spelt in this system's locale",
                "LC_ALL=C.UTF-8");
    }

    /** A study whose runs fail says why in failures.csv and on stderr, in words, without Java's class names. */
    @Test
    void failedRunsAreDescribedInWords() throws Exception {
        Path script = Files.writeString(dir.resolve("mine.py"), "import sys\nfor line in sys.stdin:\n"
                + "    print('the plan is coming', flush=True)\n");
        Path scenario = Files.writeString(dir.resolve("study.yaml"), TestScenarios.partelStudyYaml()
                .replace("compare: [baseline, joint-paba]", "compare: [baseline, joint-paba, mine]")
                + "externalSchedulers:\n  mine:\n    command: [python3, " + script + "]\n");
        Path out = dir.resolve("out");
        CliTestSupport.Outcome o = CliTestSupport.run("run", scenario.toString(), "-q", "--out", out.toString());
        assertEquals(1, o.code(), "failed runs: exit 1; " + o.err());
        List<String> failures = Files.readAllLines(out.resolve("failures.csv"));
        assertEquals(5, failures.size(), String.join("\n", failures));
        List<String> failed = o.err().lines().filter(l -> l.startsWith("edgesim: failed: ")).toList();
        assertEquals(4, failed.size(), o.err());
        for (String line : failed) {
            assertTrue(line.contains("external scheduler 'mine', round 1: answered something that is not JSON"), line);
            assertFalse(line.contains("Exception"), line);
        }
        for (String f : failures.subList(1, failures.size())) {
            assertFalse(f.contains("Exception"), f);
        }
    }
}

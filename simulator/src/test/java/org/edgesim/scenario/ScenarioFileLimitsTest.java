package org.edgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a scenario file may be, checked before any parser sees it: a regular file of at most
 * 16 MiB, and in YAML lines of at most 65,536 characters (SnakeYAML scans a long run of
 * characters in time quadratic in its length, so one 50 MB value would never finish).
 */
class ScenarioFileLimitsTest {
    @TempDir
    Path dir;

    private final ScenarioLoader loader = new ScenarioLoader();

    @Test
    void aFileOverTheLimitIsRefusedByItsFirstBytes() throws IOException {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(1L << 40); // sparse: a terabyte that takes no disk, and would take hours to read
        }
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(big));
        assertEquals(big + ": is larger than 16 MiB (the limit for scenario files)", e.getMessage());
    }

    @Test
    void theLimitIsInclusive() throws IOException, ScenarioException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "a".repeat(10));
        assertEquals(10, ScenarioLoader.read(file, 10).length());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.read(file, 9));
        assertTrue(e.getMessage().endsWith(": is larger than 9 bytes (the limit for scenario files)"), e.getMessage());
    }

    @Test
    void aDeviceIsRefusedAtOnce() throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        Path link = dir.resolve("zero.yaml");
        Files.createSymbolicLink(link, zero);
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(link));
        assertEquals(link + ": is not a regular file (a scenario is read from a file, not a device, pipe or folder)",
                e.getMessage());
    }

    @Test
    void aFolderIsNotAScenario() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(dir));
        assertTrue(e.getMessage().endsWith(": is not a regular file (a scenario is read from a file, not a device, pipe"
                + " or folder)"), e.getMessage());
    }

    @Test
    void textThatIsNotUtf8IsRefused() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9, '\n'});
        ScenarioException e = assertThrows(ScenarioException.class, () -> loader.load(file));
        assertEquals(file + ": not UTF-8 text", e.getMessage());
    }

    @Test
    void aYamlLineOverTheLimitIsRefusedAtItsLine() {
        String yaml = TestScenarios.partelYaml().replace("seed: 7", "description: " + "a".repeat(1 << 20) + "\nseed: 7");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> loader.parse("s.yaml", yaml, ScenarioLoader.Format.YAML));
        assertEquals("s.yaml:2:65537: line 2 is 1,048,589 characters long; a YAML scenario's lines may have at most"
                + " 65,536 (write a long list one item a line, or use JSON)", e.getMessage());
    }

    @Test
    void aYamlLineAtTheLimitIsRead() throws ScenarioException {
        String description = "a".repeat(ScenarioLoader.LONGEST_YAML_LINE - "description: ".length());
        Scenario s = loader.parse("s.yaml", TestScenarios.partelYaml().replace("seed: 7", "description: " + description
                + "\nseed: 7"), ScenarioLoader.Format.YAML);
        assertEquals(description, s.description());
    }

    /** Old Mac line breaks (CR alone) end lines too: a long file of short lines is read. */
    @Test
    void carriageReturnsEndLines() throws ScenarioException {
        String yaml = TestScenarios.partelYaml().replace("seed: 7", "description: |\n" + "  word\n".repeat(20_000)
                + "seed: 7").replace("\n", "\r");
        assertEquals(20_000 * "word\n".length(), loader.parse("s.yaml", yaml, ScenarioLoader.Format.YAML).description()
                .length());
    }

    @Test
    void jsonHasNoLineLimit() throws ScenarioException {
        String description = "a".repeat(1 << 20);
        Scenario s = loader.parse("s.json", TestScenarios.partelJson().replace("\"seed\": 7,", "\"description\": \""
                + description + "\", \"seed\": 7,"), ScenarioLoader.Format.JSON);
        assertEquals(description, s.description());
    }

    /** SnakeYAML's own limit (3 MiB) would refuse a YAML file the stated limit allows. */
    @Test
    void aYamlFileOverThreeMebibytesIsRead() throws ScenarioException {
        String line = "  " + "word ".repeat(15) + "\n";
        String description = line.repeat(4 * 1024 * 1024 / line.length());
        Scenario s = loader.parse("s.yaml", TestScenarios.partelYaml().replace("seed: 7", "description: |\n" + description
                + "seed: 7"), ScenarioLoader.Format.YAML);
        assertEquals(description.length(), s.description().length() + 2 * (description.length() / line.length()));
    }
}

package org.edgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of bad scenario ends in exit code 2 and one line
 * {@code edgesim: FILE:LINE:COLUMN: FIELD: RULE}, with nothing written.
 */
class BadScenarioCliTest {
    @TempDir
    Path dir;

    private static final String YAML = TestScenarios.partelYaml();
    private static final String JSON = TestScenarios.partelJson();
    private static final String STUDY = TestScenarios.partelStudyYaml();

    private static String values(String unit, int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> i + " " + unit)
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    /** name, file suffix, content, expected line, expected field (or ""), expected words of the rule. */
    static Stream<Arguments> badScenarios() {
        return Stream.of(
                Arguments.of("yaml syntax", "yaml", YAML.replace("  radius: 0.15 km", "  radius: \"0.15 km"), 5, "", "syntax"),
                Arguments.of("json syntax", "json", JSON.replace("\"rounds\": 3,", "\"rounds\": 3"), 5, "", "syntax"),
                Arguments.of("unknown key", "yaml", YAML.replace("  bandwidth:", "  bandwith:"), 7, "radio.bandwith",
                        "unknown key 'bandwith' (did you mean 'bandwidth'?)"),
                Arguments.of("missing key", "yaml", YAML.replace("  noiseDensity: -174 dBm/Hz\n", ""), 6, "radio.noiseDensity",
                        "missing required key 'noiseDensity'"),
                Arguments.of("missing top-level key", "yaml", YAML.replace("scheduler: baseline\n", ""), 1, "scheduler",
                        "missing required key 'scheduler'"),
                Arguments.of("wrong type", "yaml", YAML.replace("rounds: 3", "rounds: three"), 3, "rounds",
                        "expected an integer, got the text 'three'"),
                Arguments.of("fractional count", "yaml", YAML.replace("groups: 3", "groups: 2.5"), 18, "protocol.groups",
                        "expected an integer, got '2.5'"),
                Arguments.of("bad unit", "yaml", YAML.replace("10 MHz", "10 Mhz"), 7, "radio.bandwidth",
                        "unit 'Mhz' is not a frequency unit"),
                Arguments.of("unit of another dimension", "yaml", YAML.replace("apPower: 46 dBm", "apPower: 46 dBm/Hz"), 11,
                        "radio.apPower", "not a power unit"),
                Arguments.of("negative bandwidth", "yaml", YAML.replace("10 MHz", "-10 MHz"), 7, "radio.bandwidth",
                        "must be > 0 Hz"),
                Arguments.of("zero devices", "yaml", YAML.replace("workersPerGroup: 2", "workersPerGroup: 0"), 19,
                        "protocol.workersPerGroup", "must be >= 1"),
                Arguments.of("device count disagrees", "yaml", YAML.replace("devices:\n", "devices:\n  count: 5\n"), 14,
                        "devices.count", "needs 6 devices"),
                Arguments.of("unknown fading law", "yaml", YAML.replace("fading: rayleigh", "fading: weibull"), 10,
                        "radio.fading.law", "'weibull' is not one of rayleigh, none, rician, nakagami"),
                Arguments.of("unknown protocol", "yaml", YAML.replace("type: partel", "type: splitfed"), 17, "protocol.type",
                        "unknown type 'splitfed'"),
                Arguments.of("unknown scheduler", "yaml", YAML.replace("scheduler: baseline", "scheduler: magic"), 22,
                        "scheduler", "unknown scheduler 'magic' for protocol partel; known: [bandwidth-aware-parameter, baseline, joint-paba,"
                        + " parameter-aware-bandwidth]"),
                Arguments.of("unknown path-loss preset", "yaml", YAML.replace("pathLoss: urban-macro", "pathLoss: rural"), 9,
                        "radio.pathLoss.preset", "unknown path-loss preset 'rural'"),
                Arguments.of("bad distribution", "yaml", YAML.replace("{grid: [0.1 GHz, 1.0 GHz, 0.1 GHz]}", "{gaussian: [1 GHz]}"),
                        15, "devices.cpu.speed", "unknown distribution 'gaussian'"),
                Arguments.of("duplicate key", "yaml", YAML.replace("rounds: 3", "rounds: 3\nrounds: 4"), 4, "",
                        "Duplicate field 'rounds'"),
                Arguments.of("radius below minimum distance", "yaml", YAML.replace("radius: 0.15 km", "radius: 0.5 m"), 4,
                        "cell.minDistance", "must not exceed the radius"),
                Arguments.of("model smaller than groups", "yaml", YAML.replace("modelParameters: 10000", "modelParameters: 2"),
                        20, "protocol.modelParameters", "at least the number of groups"),
                Arguments.of("empty file", "yaml", "\n", 1, "", "empty"),
                Arguments.of("name unfit for a folder", "yaml", YAML.replace("name: tiny-partel", "name: a/b"), 1, "name",
                        "letters, digits"),
                Arguments.of("unknown data set", "yaml", YAML + "learning:\n  data: mnist2\n  stepSize: 0.1\n", 24,
                        "learning.data", "must be one of [fashion-mnist-small, fashion-mnist, mnist, libsvm], got 'mnist2'"),
                Arguments.of("missing LIBSVM file", "yaml", YAML + "learning:\n  data: libsvm\n  train: /no/such/train\n"
                        + "  test: /no/such/test\n  stepSize: 0.1\n", 25, "learning.train", "no such file: /no/such/train"),
                Arguments.of("MNIST not installed", "yaml", YAML + "learning:\n  data: mnist\n  folder: /no/such\n"
                        + "  stepSize: 0.1\n", 25, "learning.folder", "MNIST's digits are not in /no/such"),
                Arguments.of("two penalties", "yaml", YAML + "learning:\n  data: fashion-mnist-small\n  l1: 0.1\n"
                        + "  l2: 0.1\n  stepSize: 0.1\n", 26, "learning.l2", "choose one penalty"),
                Arguments.of("no model size and nothing trained", "yaml", YAML.replace("  modelParameters: 10000\n", ""),
                        16, "protocol.modelParameters", "missing: without a 'learning' section nothing is trained"),
                Arguments.of("feel batch over a device's data", "yaml", YAML.replace("  type: partel\n  groups: 3\n  workersPerGroup: 2\n",
                        "  type: feel\n  maxBatch: 600\n  cyclesPerSample: 1e6\n").replace("cpu:", "count: 2\n  cpu:"), 19,
                        "protocol.maxBatch", "each of the 2 devices holds only 500 training samples"),
                Arguments.of("negative latency budget", "yaml", YAML.replace("  type: partel\n",
                        "  type: partel\n  latencyBudget: -1 s\n"), 18, "protocol.latencyBudget", "must be > 0 s"),
                // The options beyond the papers, validated like the rest.
                Arguments.of("negative CSI error", "yaml", YAML.replace("  devicePower: 24 dBm\n",
                        "  devicePower: 24 dBm\n  csiError: -2 dB\n"), 13, "radio.csiError", "must be >= 0"),
                Arguments.of("zero coherence time", "yaml", YAML.replace("  devicePower: 24 dBm\n",
                        "  devicePower: 24 dBm\n  coherenceTime: 0 s\n"), 13, "radio.coherenceTime", "must be > 0 s"),
                Arguments.of("a packet lost every time", "yaml", YAML.replace("  devicePower: 24 dBm\n",
                        "  devicePower: 24 dBm\n  packetErrorRate: 1\n"), 13, "radio.packetErrorRate", "must be in [0, 1)"),
                Arguments.of("empty packets", "yaml", YAML.replace("  devicePower: 24 dBm\n",
                        "  devicePower: 24 dBm\n  packetBits: 0 bit\n"), 13, "radio.packetBits", "must be > 0"),
                Arguments.of("CSI age without mobility", "yaml", YAML.replace("  devicePower: 24 dBm\n",
                        "  devicePower: 24 dBm\n  csiAge: 5 ms\n"), 13, "radio.csiAge", "needs radio.mobility"),
                Arguments.of("speed in a length unit", "yaml", YAML.replace("  devicePower: 24 dBm\n",
                        "  devicePower: 24 dBm\n  mobility: {speed: 3 km, carrier: 2.4 GHz}\n"), 13,
                        "radio.mobility.speed", "unit 'km' is not a speed unit; use one of m/s, km/h"),
                Arguments.of("mobility without carrier", "yaml", YAML.replace("  devicePower: 24 dBm\n",
                        "  devicePower: 24 dBm\n  mobility: {speed: 3 km/h}\n"), 13, "radio.mobility.carrier",
                        "missing required key 'carrier'"),
                Arguments.of("unknown jitter law", "yaml", YAML.replace("devices:\n",
                        "devices:\n  jitter: {law: pareto, mean: 0.1}\n"), 14, "devices.jitter.law",
                        "must be one of [exponential, uniform], got 'pareto'"),
                Arguments.of("dropout over one", "yaml", YAML.replace("devices:\n",
                        "devices:\n  availability: {dropout: 1.5, offTime: 2 s}\n"), 14, "devices.availability.dropout",
                        "must be a probability in [0, 1], got 1.5"),
                Arguments.of("dropout without outage", "yaml", YAML.replace("devices:\n",
                        "devices:\n  availability: {dropout: 0.1}\n"), 14, "devices.availability.offTime",
                        "missing: the on/off model needs 'dropout' and 'offTime'"),
                Arguments.of("availability trace not there", "yaml", YAML.replace("devices:\n",
                        "devices:\n  availability: {trace: /no/such/trace.csv}\n"), 14, "devices.availability.trace",
                        "no such file: /no/such/trace.csv"),
                Arguments.of("negative capacitance", "yaml", YAML.replace("    speed:", "    capacitance: -1e-28\n    speed:"),
                        15, "devices.cpu.capacitance", "must be > 0"),
                Arguments.of("unknown straggler policy", "yaml", YAML.replace("  type: partel\n",
                        "  type: partel\n  straggler: wait-some\n"), 18, "protocol.straggler",
                        "must be 'wait-all', 'deadline' or 'quorum', got 'wait-some'"),
                Arguments.of("deadline factor without a deadline", "yaml", YAML.replace("  type: partel\n",
                        "  type: partel\n  deadlineFactor: 2\n"), 18, "protocol.deadlineFactor",
                        "only the 'deadline' straggler policy has a deadline"),
                Arguments.of("quorum over the workers", "yaml", YAML.replace("  type: partel\n",
                        "  type: partel\n  straggler: quorum\n  quorum: 7\n"), 19, "protocol.quorum",
                        "is 7 but there are only 6 devices"),
                Arguments.of("quorum policy without quorum", "yaml", YAML.replace("  type: partel\n",
                        "  type: partel\n  straggler: quorum\n"), 16, "protocol.quorum", "missing: the 'quorum' policy"),
                Arguments.of("unknown scheduler option", "yaml", YAML + "schedulerOptions:\n  speedUp: fast\n", 24,
                        "schedulerOptions.speedUp", "no scheduler of protocol partel takes it; options: [proportionalTo]"),
                Arguments.of("bad scheduler option", "yaml", YAML + "schedulerOptions:\n  proportionalTo: fastest\n", 24,
                        "schedulerOptions.proportionalTo", "must be 'capability'"),
                // Claims: whatever they name must exist in the study, found before anything runs.
                Arguments.of("claim of a misspelt metric", "yaml", STUDY.replace("    metric: realised_latency_s_mean",
                        "    metric: realised_latency_s"), 37, "claims.c1.metric",
                        "no metric 'realised_latency_s' in this study's points.csv (did you mean 'realised_latency_s_mean'"),
                Arguments.of("claim of an unknown scheduler", "yaml", STUDY.replace("    of: joint-paba", "    of: magic"), 38,
                        "claims.c1.of", "names scheduler 'magic', which the study does not run"),
                Arguments.of("claim at a point not swept", "yaml", STUDY.replace("at: {radio.bandwidth: 10 MHz}",
                        "at: {radio.bandwidth: 70 MHz}"), 40, "claims.c1.at.radio.bandwidth",
                        "no design point has radio.bandwidth = 70 MHz; the sweep's values: [10 MHz, 20 MHz]"),
                Arguments.of("claim at a parameter not swept", "yaml", STUDY.replace("at: {radio.bandwidth: 10 MHz}",
                        "at: {protocol.groups: 3}"), 40, "claims.c1.at.protocol.groups", "is not swept in this study"),
                Arguments.of("claim that selects two points", "yaml", STUDY.replace("    at: {radio.bandwidth: 10 MHz}\n", ""),
                        38, "claims.c1.of", "selects 2 design points"),
                Arguments.of("claim about an unknown figure", "yaml", STUDY.replace("    figure: latency", "    figure: nope"),
                        34, "claims.c1.figure", "no figure 'nope' in this study; its figures: [latency]"),
                Arguments.of("claim with a bad tolerance", "yaml", STUDY.replace("\"±0.05\"", "5%"), 0, "",
                        "must be '±x' (within x of the paper's value)"),
                Arguments.of("claim of an unknown kind", "yaml", STUDY.replace("kind: reduction", "kind: speedup"), 0, "",
                        "must be one of [value, ratio, reduction, difference, argmin, argmax, ordering], got 'speedup'"),
                // Hostile input: each once exited 1 with a stack trace, or ran silently.
                Arguments.of("sweep path '.'", "yaml", YAML + "sweep:\n  grid:\n    \".\": [1, 2]\n", 24, "sweep.grid..",
                        "a parameter's path is keys joined by '.'"),
                // Once accepted and ignored: every point ran the compared scheduler under the swept one's name.
                Arguments.of("swept scheduler", "yaml", YAML + "sweep:\n  zip:\n    scheduler: [a, b]\n", 25,
                        "sweep.zip.scheduler", "schedulers are not swept: list them in sweep.compare"),
                Arguments.of("300-character name", "yaml", YAML.replace("name: tiny-partel", "name: " + "a".repeat(300)), 1,
                        "name", "is 300 characters long; at most 100"),
                Arguments.of("JSON cell null", "json", JSON.replace("\"cell\": {\"radius\": \"0.15 km\"}", "\"cell\": null"),
                        5, "cell", "must not be null"),
                Arguments.of("explicit null", "yaml", YAML.replace("rounds: 3", "rounds: null"), 3, "rounds",
                        "must not be null (leave the key out for its default)"),
                Arguments.of("key without a value", "yaml", YAML.replace("  radius: 0.15 km", "  radius:"), 5,
                        "cell.radius", "'' is not a length"),
                Arguments.of("grid that overflows", "yaml", YAML.replace("{grid: [0.1 GHz, 1.0 GHz, 0.1 GHz]}",
                        "{grid: [0.1 GHz, 90 GHz, 1 kHz]}"), 15, "devices.cpu.speed",
                        "points; at most 1,000,000"),
                Arguments.of("speeds of 1e-300 Hz", "yaml", YAML.replace("{grid: [0.1 GHz, 1.0 GHz, 0.1 GHz]}",
                        "1e-300 Hz"), 15, "devices.cpu.speed",
                        "'1e-300 Hz' is outside the plausible range of a frequency, 1 kHz to 100 GHz"),
                Arguments.of("bandwidth of 1 Hz", "yaml", YAML.replace("10 MHz", "1 Hz"), 7, "radio.bandwidth",
                        "outside the plausible range of a frequency, 1 kHz to 100 GHz"),
                Arguments.of("coherence time of 1e-12 s", "yaml", YAML.replace("  devicePower: 24 dBm\n",
                        "  devicePower: 24 dBm\n  coherenceTime: 1e-12 s\n"), 13, "radio.coherenceTime",
                        "outside the plausible range of a time, 1 us to 10,000,000 s"),
                Arguments.of("1000 dBm", "yaml", YAML.replace("apPower: 46 dBm", "apPower: 1000 dBm"), 11, "radio.apPower",
                        "'1000 dBm' is outside the plausible range of a power, -50 dBm to 60 dBm"),
                Arguments.of("YAML alias", "yaml", YAML.replace("scheduler: baseline", "scheduler: &b baseline")
                        + "sweep:\n  compare: [*b, joint-paba]\n", 24, "sweep.compare.0",
                        "YAML aliases (*b) are not supported"),
                Arguments.of("sweep too large", "yaml", YAML + "sweep:\n  grid:\n    cell.radius: " + values("m", 100)
                        + "\n    radio.apPower: " + values("dBm", 50) + "\n    radio.devicePower: " + values("dBm", 50)
                        + "\n", 23, "sweep", "has 250,000 design points (100 cell.radius x 50 radio.apPower x 50"
                        + " radio.devicePower); at most 100,000 unless --allow-large"),
                // A bare number for a power was once read as watts (23 meant 23 dBm, and passed as 23 W).
                Arguments.of("bare device power", "yaml", YAML.replace("devicePower: 24 dBm", "devicePower: 23"), 12,
                        "radio.devicePower", "23 has no unit; write 23 dBm or 0.2 W"),
                Arguments.of("bare noise density", "yaml", YAML.replace("noiseDensity: -174 dBm/Hz", "noiseDensity: -174"),
                        8, "radio.noiseDensity", "-174 has no unit; write -174 dBm/Hz or 3.98e-21 W/Hz"),
                // SnakeYAML scans a long line in quadratic time (1 MB took 14 s, 50 MB never ended).
                Arguments.of("YAML line of a mebibyte", "yaml", YAML.replace("scheduler: baseline", "scheduler: "
                        + "a".repeat(1 << 20)), 22, "", "line 22 is 1,048,587 characters long; a YAML scenario's lines may"
                        + " have at most 65,536 (write a long list one item a line, or use JSON)"),
                Arguments.of("figure of a misspelt metric", "yaml", STUDY.replace("    y: realised_latency_s_mean",
                        "    y: realised_latency_mean"), 31, "figures.latency.y", "no metric 'realised_latency_mean'"),
                Arguments.of("figure against a parameter not swept", "yaml", STUDY.replace("    x: radio.bandwidth",
                        "    x: protocol.groups"), 30, "figures.latency.x", "'protocol.groups' is not swept"),
                Arguments.of("legend name of a scheduler not compared", "yaml", STUDY.replace("    y: realised_latency_s_mean\n",
                        "    y: realised_latency_s_mean\n    seriesNames: {baseline: baseline, joint: joint PABA}\n"), 32,
                        "figures.latency.seriesNames.joint", "names scheduler 'joint', which the study does not compare"
                        + " (did you mean 'joint-paba'?); it compares [baseline, joint-paba]"),
                Arguments.of("legend name of a value not swept", "yaml", STUDY.replace("    y: realised_latency_s_mean\n",
                        "    y: realised_latency_s_mean\n    series: radio.bandwidth\n    seriesNames:\n      \"10000000\": 10"
                        + " MHz\n      10 MHz: ten\n"), 35, "figures.latency.seriesNames.10 MHz", "names radio.bandwidth ="
                        + " 10 MHz, which the study does not sweep; its values, as the results write them: [10000000,"
                        + " 20000000]"),
                Arguments.of("reference points that are not there", "yaml", STUDY.replace("    y: realised_latency_s_mean\n",
                        "    y: realised_latency_s_mean\n    referenceData: {file: paper/nope.csv}\n"), 32,
                        "figures.latency.referenceData.file", "no reference file"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badScenarios")
    void badScenarioExitsWithCodeTwoAndOneLocatedLine(String kind, String suffix, String content, int line,
                                                      String field, String rule) throws IOException {
        Path file = dir.resolve("bad." + suffix);
        Files.writeString(file, content);
        Path out = dir.resolve("out");
        CliTestSupport.Outcome o = CliTestSupport.run("run", file.toString(), "--out", out.toString(), "-q");
        assertEquals(2, o.code(), o.err());
        String message = o.err().strip();
        assertFalse(message.contains("\n"), "one line expected, got: " + message);
        var m = Pattern.compile("^edgesim: " + Pattern.quote(file.toString()) + ":(\\d+):(\\d+): (.*)$").matcher(message);
        assertTrue(m.matches(), "expected file:line:column, got: " + message);
        if (line > 0) {
            assertEquals(line, Integer.parseInt(m.group(1)), message);
        }
        assertTrue(Integer.parseInt(m.group(2)) >= 1, message);
        if (!field.isEmpty()) {
            assertTrue(m.group(3).startsWith(field + ": "), "field " + field + " expected in: " + message);
        }
        assertTrue(message.contains(rule), "rule '" + rule + "' expected in: " + message);
        assertFalse(Files.exists(out), "nothing may be written for a bad scenario");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count(), "only the scenario file may be in the folder");
        }
    }

    /** Learners so fast that a cycle would hold a billion update events: refused at run time, one line, exit 2. */
    @Test
    void learnersThatWouldNeverStopAreRefusedInOneLine() throws IOException {
        Path file = dir.resolve("fast.yaml");
        Files.writeString(file, YAML.replace("  type: partel\n  groups: 3\n  workersPerGroup: 2\n  modelParameters: 10000\n"
                + "  trainingSamples: 1000\n", "  type: async-mel\n  cycle: 7.5 s\n  samples: 60000\n  modelBits: 8974080\n"
                + "  flopsPerSample: 1\n  learnerBandwidth: 5 MHz\n").replace("devices:\n", "devices:\n  count: 4\n")
                .replace("{grid: [0.1 GHz, 1.0 GHz, 0.1 GHz]}", "100 GHz").replace("scheduler: baseline",
                        "scheduler: ha-async"));
        CliTestSupport.Outcome o = CliTestSupport.run("run", file.toString(), "--out", dir.resolve("out").toString(), "-q");
        assertEquals(2, o.code(), o.err());
        assertFalse(o.err().strip().contains("\n"), o.err());
        assertTrue(o.err().contains("local updates in the 7.5 s cycle") && o.err().contains("at most 1,000,000"), o.err());
    }

    /**
     * A value of 200,000 spaces is refused at once (error formatting is linear), and the line stays
     * short. In JSON: YAML refuses so long a line before reading it (see the case above).
     */
    @Test
    void aHugeValueIsRefusedQuicklyAndShortened() throws IOException {
        Path file = dir.resolve("spaces.json");
        Files.writeString(file, JSON.replace("\"scheduler\": \"baseline\"", "\"scheduler\": \"" + " ".repeat(200_000)
                + "x\""));
        CliTestSupport.Outcome o = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(10), () -> CliTestSupport.run("validate", file.toString()));
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().length() < 1200, o.err().length() + " characters");
        assertTrue(o.err().contains("(200001 characters)"), o.err());
    }

    /** A file over 16 MiB (here a sparse terabyte) is refused by its first bytes: exit 2, one line. */
    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void aScenarioFileOverTheSizeLimitIsRefusedAtOnce(String command) throws IOException {
        Path file = dir.resolve("big.yaml");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(1L << 40);
        }
        CliTestSupport.Outcome o = refusedWithoutHanging(command, file);
        assertEquals("edgesim: " + file + ": is larger than 16 MiB (the limit for scenario files)", o.err().strip());
    }

    /** A device named as the scenario (here /dev/zero behind a .yaml link) is refused, not read forever. */
    @ParameterizedTest
    @ValueSource(strings = {"run", "validate"})
    void aDeviceIsRefusedAtOnce(String command) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero here");
        Path link = Files.createSymbolicLink(dir.resolve("zero.yaml"), Path.of("/dev/zero"));
        CliTestSupport.Outcome o = refusedWithoutHanging(command, link);
        assertEquals("edgesim: " + link + ": is not a regular file (a scenario is read from a file, not a device, pipe or"
                + " folder)", o.err().strip());
    }

    /**
     * FEEL under 100-200 dB of shadowing: a device's rate so low that its upload would outlast any
     * time a scenario may state is infeasible, exit 2 and one line naming the device (it once
     * exited 1 with an upload scheduled at t = -9.2e16 s, or "E1 continued fraction did not converge").
     */
    @ParameterizedTest(name = "shadowing {0} dB")
    @ValueSource(ints = {100, 150, 200})
    void feelUnderHeavyShadowingIsInfeasibleInOneLine(int shadowingDb) throws IOException {
        Path file = dir.resolve("shadowed.yaml");
        Files.writeString(file, YAML.replace("  type: partel\n  groups: 3\n  workersPerGroup: 2\n",
                "  type: feel\n  cyclesPerSample: 1e6\n").replace("cpu:", "count: 4\n  cpu:").replace("rounds: 3", "rounds: 10")
                .replace("scheduler: baseline", "scheduler: feel-full-batch")
                .replace("  devicePower: 24 dBm\n", "  devicePower: 24 dBm\n  shadowing: " + shadowingDb + " dB\n"));
        CliTestSupport.Outcome o = refusedWithoutHanging("run", file);
        String line = o.err().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(Pattern.matches("edgesim: device \\d+ cannot send its \\S+ bits in time: at \\S+ bit/s in its \\S+ s slot"
                + " of every \\S+ s frame the transfer would take \\S+ s, more than 10,000,000 s \\(the longest time a"
                + " scenario may state\\); the round's links are too weak for it \\(radio.shadowing, distances,"
                + " powers\\)", line), line);
    }

    /** Runs {@code command} on {@code file}, expecting exit 2 and nothing written; a hang fails after a minute. */
    private CliTestSupport.Outcome refusedWithoutHanging(String command, Path file) {
        Path out = dir.resolve("out");
        CliTestSupport.Outcome o = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> command.equals("run")
                        ? CliTestSupport.run("run", file.toString(), "--out", out.toString(), "-q")
                        : CliTestSupport.run("validate", file.toString()));
        assertEquals(2, o.code(), o.err());
        assertFalse(Files.exists(out), "nothing may be written for a bad scenario");
        return o;
    }

    /** The environment failing (here: --out below a file) is one line and exit 1, never a stack trace. */
    @Test
    void aFolderThatCannotBeWrittenIsOneLine() throws IOException {
        Path file = dir.resolve("ok.yaml");
        Files.writeString(file, YAML);
        Path blocker = dir.resolve("blocker");
        Files.writeString(blocker, "a file");
        CliTestSupport.Outcome o = CliTestSupport.run("run", file.toString(), "--out", blocker.resolve("sub").toString(),
                "-q");
        assertEquals(1, o.code(), o.err());
        assertTrue(o.err().startsWith("edgesim: cannot read or write files: "), o.err());
        assertFalse(o.err().strip().contains("\n"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
    }

    @ParameterizedTest(name = "validate: {0}")
    @MethodSource("badScenarios")
    void validateReportsTheSameErrors(String kind, String suffix, String content, int line, String field, String rule)
            throws IOException {
        Path file = dir.resolve("bad." + suffix);
        Files.writeString(file, content);
        CliTestSupport.Outcome o = CliTestSupport.run("validate", file.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains(rule), o.err());
    }
}

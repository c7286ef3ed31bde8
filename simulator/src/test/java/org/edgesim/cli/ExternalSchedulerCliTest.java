package org.edgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way an external scheduler can fail stops the run with one line naming the scheduler and
 * the round: exit 2 when it answers something that is not a valid plan, exit 1 when its process
 * cannot start, dies or hangs; nothing is written.
 */
class ExternalSchedulerCliTest {
    @TempDir
    Path dir;

    /** Python bodies: each reads a request and misbehaves in its own way. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON        | 2 | round 1: answered something that is not JSON: 'the plan is coming' | print('the plan is coming', flush=True)",
        "not an object   | 2 | round 1: answered '[1, 2]', not a JSON object (the plan)            | print('[1, 2]', flush=True)",
        "missing field   | 2 | round 1: answered a plan that breaks a rule: missing 'shares'      | print(json.dumps({'blocks': [3334, 3333, 3333]}), flush=True)",
        "blocks too few  | 2 | answered a plan that breaks a rule: block lengths sum to 9999, not to the model size 10000 | print(json.dumps({'blocks': [3333, 3333, 3333], 'shares': [0.1] * 6}), flush=True)",
        "fraction        | 2 | 'blocks'[0] must be a whole number, got 3334.5                     | print(json.dumps({'blocks': [3334.5, 3333, 3332.5], 'shares': [0.1] * 6}), flush=True)",
        "absurd latency  | 2 | round 1: answered a plan that breaks a rule: 'planned_latency_s' must be a time in (0, 1e9] s, got 1.0E308 | print(json.dumps({'blocks': [3334, 3333, 3333], 'shares': [0.1] * 6, 'planned_latency_s': 1e308}), flush=True)",
        "later round bad | 2 | round 2: answered a plan that breaks a rule: worker 0 must upload  | print(json.dumps({'blocks': [3334, 3333, 3333], 'shares': [0.1 if r['round'] == 1 else 0.0] * 6}), flush=True)",
        "crash           | 1 | ended its output at round 1 and exited with code 3; its last error output: boom | sys.stderr.write('boom\\n'); sys.exit(3)",
        "hang            | 1 | did not answer round 1 within 1 s (externalSchedulers.mine.timeout); it was stopped | time.sleep(30)"})
    void aFailingSchedulerStopsTheRunWithOneLine(String kind, int code, String words, String body) throws Exception {
        Path script = dir.resolve("mine.py");
        Files.writeString(script, "import json, sys, time\nfor line in sys.stdin:\n    r = json.loads(line)\n    "
                + body + "\n");
        Path file = dir.resolve("external.yaml");
        Files.writeString(file, TestScenarios.partelYaml().replace("scheduler: baseline", "scheduler: mine")
                + "externalSchedulers:\n  mine:\n    command: [python3, " + script + "]\n    timeout: 1 s\n");
        Path out = dir.resolve("out");
        CliTestSupport.Outcome o = CliTestSupport.run("run", file.toString(), "--out", out.toString(), "-q");
        assertEquals(code, o.code(), o.err());
        String message = o.err().strip();
        assertFalse(message.contains("\n"), "one line expected, got: " + message);
        assertTrue(message.startsWith("edgesim: external scheduler 'mine'"), message);
        assertTrue(message.contains(words.strip()), "expected '" + words.strip() + "' in: " + message);
        assertFalse(Files.exists(out), "nothing may be written");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no such program | [no-such-program-edgesim] | 1 | cannot start [no-such-program-edgesim] for round 1",
        "empty command   | []                        | 2 | externalSchedulers.mine.command: must name a program"})
    void aCommandThatCannotRunIsNamed(String kind, String command, int code, String words) throws Exception {
        Path file = dir.resolve("external.yaml");
        Files.writeString(file, TestScenarios.partelYaml().replace("scheduler: baseline", "scheduler: mine")
                + "externalSchedulers:\n  mine:\n    command: " + command + "\n");
        CliTestSupport.Outcome o = CliTestSupport.run("run", file.toString(), "--out", dir.resolve("out").toString(),
                "-q");
        assertEquals(code, o.code(), o.err());
        assertTrue(o.err().contains(words), o.err());
        assertFalse(o.err().strip().contains("\n"), o.err());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "shadows a built-in | baseline | 'baseline' is already a scheduler of protocol partel (built-in)",
        "bad name           | My_Own   | a scheduler's name must be lower-case letters, digits and '-'"})
    void aBadExternalNameIsRefused(String kind, String name, String words) throws Exception {
        Path file = dir.resolve("external.yaml");
        Files.writeString(file, TestScenarios.partelYaml() + "externalSchedulers:\n  " + name
                + ":\n    command: [python3, x.py]\n");
        CliTestSupport.Outcome o = CliTestSupport.run("validate", file.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains(words), o.err());
    }
}

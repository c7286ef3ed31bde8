package org.edgesim.sched.external;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The process of an external scheduler cannot hang a run, fill the heap or outlive it, whatever it
 * does (needs python3 on the path).
 */
class ExternalProcessTest {
    @TempDir
    Path dir;

    private ExternalProcess process(String body, double timeoutS) throws Exception {
        Path script = dir.resolve("mine.py");
        Files.writeString(script, "import json, os, subprocess, sys, time\n" + body + "\n");
        return new ExternalProcess("mine", "partel", List.of("python3", script.toString()), timeoutS);
    }

    /** A snapshot far larger than a pipe's buffer (64 KiB on Linux), as 900 PARTEL workers make. */
    private static JsonNode bigSnapshot() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("padding", "x".repeat(4 << 20));
        return o;
    }

    @Test
    void aSchedulerThatDoesNotReadItsInputTimesOut() throws Exception {
        try (ExternalProcess p = process("time.sleep(60)", 1)) {
            ExternalSchedulerException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(ExternalSchedulerException.class, () -> p.exchange(1, bigSnapshot(),
                            Function.identity())));
            assertTrue(e.getMessage().contains("'mine' did not read round 1's snapshot within 1 s"), e.getMessage());
            assertFalse(e.badAnswer());
        }
    }

    @Test
    void aLineWithoutEndIsCutAtTheBound() throws Exception {
        try (ExternalProcess p = process("sys.stdin.readline()\nsys.stdout.write('x' * (65 << 20))\nsys.stdout.flush()\n"
                + "time.sleep(60)", 10)) {
            ExternalSchedulerException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(ExternalSchedulerException.class, () -> p.exchange(1,
                            JsonNodeFactory.instance.objectNode(), Function.identity())));
            assertTrue(e.getMessage().contains("round 1: answered a line longer than 64 MiB"), e.getMessage());
            assertTrue(e.badAnswer());
        }
    }

    /**
     * A scheduler that starts a child (a solver, a shell's pipeline) takes it along when it is
     * stopped, whether it hangs, answers badly or is closed at the end of the run.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hangs          | sys.stdin.readline(); time.sleep(60)",
        "answers badly  | sys.stdin.readline(); print('no plan', flush=True); time.sleep(60)",
        "ends normally  | [print('{}', flush=True) for line in sys.stdin]"})
    void itsChildrenEndWithIt(String kind, String body) throws Exception {
        Path pid = dir.resolve("child.pid");
        try (ExternalProcess p = process("child = subprocess.Popen(['sleep', '60'])\n"
                + "open('" + pid + ".tmp', 'w').write(str(child.pid)); os.rename('" + pid + ".tmp', '" + pid + "')\n"
                + body, 2)) {
            try {
                p.exchange(1, JsonNodeFactory.instance.objectNode(), Function.identity());
            } catch (ExternalSchedulerException e) {
                assertFalse(kind.startsWith("ends"), e.getMessage());
            }
        }
        long child = Long.parseLong(Files.readString(pid).strip());
        Optional<ProcessHandle> h = ProcessHandle.of(child);
        if (h.isPresent()) {
            try {
                h.get().onExit().get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                h.get().destroyForcibly();
                throw new AssertionError("the scheduler's child " + child + " outlived it (" + kind + ")");
            }
        }
    }
}

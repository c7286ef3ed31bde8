package org.edgesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.schedulers.BaselineScheduler;
import org.edgesim.scenario.TestScenarios;
import org.edgesim.sched.Scheduler;
import org.edgesim.sched.SchedulerProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A broken plug-in stops edgesim with one line naming its jar or class and what is wrong, never a
 * stack trace: exit 2 for a plug-in that clashes or names an unknown protocol, 1 for one whose
 * code fails; an Error (out of memory, a stack overflow) is one line too.
 */
class PluginFailuresCliTest {
    /** A PARTEL provider whose parts the subclasses change. */
    public abstract static class Base implements SchedulerProvider {
        @Override
        public String name() {
            return "plugged";
        }

        @Override
        public String protocol() {
            return "partel";
        }

        @Override
        public String description() {
            return "a test plug-in";
        }

        @Override
        public Scheduler<?, ?> create() {
            return (PartelScheduler) s -> new BaselineScheduler().plan(s);
        }
    }

    public static final class Fine extends Base {
    }

    /** Another class that takes the same name as {@link Fine}. */
    public static final class Twin extends Base {
    }

    public static final class ThrowingConstructor extends Base {
        public ThrowingConstructor() {
            throw new IllegalStateException("no licence found");
        }
    }

    public static final class CreatesNull extends Base {
        @Override
        public Scheduler<?, ?> create() {
            return null;
        }
    }

    public static final class CreateThrows extends Base {
        @Override
        public Scheduler<?, ?> create() {
            throw new IllegalStateException("boom");
        }
    }

    public static final class CreateRunsOutOfMemory extends Base {
        @Override
        public Scheduler<?, ?> create() {
            throw new OutOfMemoryError("Java heap space");
        }
    }

    public static final class CreateOverflows extends Base {
        @Override
        public Scheduler<?, ?> create() {
            throw new StackOverflowError("deep");
        }
    }

    public static final class NamedBaseline extends Base {
        @Override
        public String name() {
            return "baseline";
        }
    }

    public static final class UpperCaseProtocol extends Base {
        @Override
        public String protocol() {
            return "FEEL";
        }
    }

    @TempDir
    Path dir;

    /** A jar holding only a services file that names {@code classes} (the classes are the tests'). */
    private Path jar(String name, String... classes) throws Exception {
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/" + SchedulerProvider.class.getName()));
            for (String c : classes) {
                out.write((c.contains(".") ? c : PluginFailuresCliTest.class.getName() + "$" + c)
                        .concat("\n").getBytes(StandardCharsets.UTF_8));
            }
            out.closeEntry();
        }
        return jar;
    }

    /** Validates a PARTEL scenario of {@code scheduler} with the plug-in jars {@code jars} on the class path. */
    private CliTestSupport.Outcome validate(String scheduler, Path... jars) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, TestScenarios.partelYaml().replace("scheduler: baseline", "scheduler: " + scheduler));
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader plugins = new URLClassLoader(urls, before)) {
            thread.setContextClassLoader(plugins);
            return CliTestSupport.run("validate", file.toString());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "constructor throws   | ThrowingConstructor         | plugged  | 1 | cannot load scheduler provider org.edgesim.cli.PluginFailuresCliTest$ThrowingConstructor: no licence found",
        "missing class        | com.example.Missing         | plugged  | 1 | names class com.example.Missing, which cannot be loaded",
        "create() is null     | CreatesNull                 | plugged  | 1 | scheduler 'plugged' (org.edgesim.cli.PluginFailuresCliTest$CreatesNull) made no scheduler: create() returned null",
        "create() throws      | CreateThrows                | plugged  | 1 | scheduler 'plugged' (org.edgesim.cli.PluginFailuresCliTest$CreateThrows) made no scheduler: boom",
        "out of memory        | CreateRunsOutOfMemory       | plugged  | 1 | edgesim: out of memory",
        "stack overflow       | CreateOverflows             | plugged  | 1 | edgesim: internal error (please report): java.lang.StackOverflowError: deep",
        "shadows a built-in   | NamedBaseline               | baseline | 2 | scheduler 'baseline' of protocol partel comes twice: built-in and ",
        "two of one name      | Fine Twin                   | plugged  | 2 | scheduler 'plugged' of protocol partel comes twice: ",
        "protocol upper case  | UpperCaseProtocol           | plugged  | 2 | declares protocol 'FEEL'; known: [async-mel, cpsl, fedavg-fdma, feel, partel]"})
    void aBrokenPluginIsOneLine(String kind, String classes, String scheduler, int code, String words) throws Exception {
        String[] names = classes.split(" ");
        Path[] jars = new Path[names.length];
        for (int i = 0; i < names.length; i++) {
            jars[i] = jar("plugin-" + i, names[i]);
        }
        CliTestSupport.Outcome o = validate(scheduler, jars);
        String message = o.err().strip();
        assertEquals(code, o.code(), message);
        assertFalse(message.contains("\n"), "one line expected, got: " + message);
        assertTrue(message.startsWith("edgesim: "), message);
        assertTrue(message.contains(words), "expected '" + words + "' in: " + message);
        if (kind.equals("missing class")) {
            assertTrue(message.contains(jars[0].toString()), "the jar is named: " + message);
        }
    }

    @Test
    void aFinePluginValidates() throws Exception {
        CliTestSupport.Outcome o = validate("plugged", jar("plugin", "Fine"));
        assertEquals(0, o.code(), o.err());
    }
}

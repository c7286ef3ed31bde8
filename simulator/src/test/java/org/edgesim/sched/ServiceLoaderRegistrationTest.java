package org.edgesim.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.schedulers.BaselineScheduler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scheduler in a third-party jar registers itself through a services file. */
class ServiceLoaderRegistrationTest {
    /** What a plug-in jar would ship: a provider with a public no-argument constructor. */
    public static final class PluginProvider implements SchedulerProvider {
        @Override
        public String name() {
            return "plugin-baseline";
        }

        @Override
        public String protocol() {
            return "partel";
        }

        @Override
        public String description() {
            return "a third-party scheduler";
        }

        @Override
        public Scheduler<?, ?> create() {
            return (PartelScheduler) s -> new BaselineScheduler().plan(s);
        }
    }

    @TempDir
    Path jar;

    @Test
    void providersListedInAServicesFileAreRegistered() throws Exception {
        Path services = jar.resolve("META-INF/services/" + SchedulerProvider.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, PluginProvider.class.getName() + "\n");
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            SchedulerRegistry registry = new SchedulerRegistry().registerServiceProviders(plugin, java.util.Set.of("partel"));
            assertEquals("a third-party scheduler", registry.find("partel", "plugin-baseline").orElseThrow().description());
            assertTrue(registry.find("partel", "plugin-baseline").orElseThrow().create() instanceof PartelScheduler);
            // Where it came from, for `edgesim list`: the class's own location (here the test classes).
            String origin = registry.origin(registry.find("partel", "plugin-baseline").orElseThrow());
            assertEquals(Path.of(PluginProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString(), origin);
            SchedulerProvider builtIn = SchedulerProvider.of("x", "partel", "built in", () -> (PartelScheduler) s -> null);
            assertEquals(SchedulerRegistry.BUILT_IN, new SchedulerRegistry().register(builtIn).origin(builtIn));
            assertThrows(PluginException.class, () -> registry.registerServiceProviders(plugin, java.util.Set.of("partel")),
                    "the same name twice for one protocol is refused");
        }
    }
}

package org.edgesim.learning.djl;

import ai.djl.engine.Engine;
import java.nio.file.Path;

/**
 * The one PyTorch engine of the process, configured before its first use: offline (nothing is
 * ever downloaded), its ~430 MB of native libraries unpacked into the project's cache
 * ({@code <edgesim.cache>/djl}, default {@code ./.cache/djl}) rather than the home directory,
 * and a fixed number of intra-op threads ({@code edgesim.learning.threads}, default 1) so that
 * results never depend on the machine's core count and parallel sweeps do not oversubscribe it.
 * Settings given explicitly (system properties or DJL's environment variables) win.
 */
final class DjlRuntime {
    private DjlRuntime() {
    }

    /** Loaded once, on first use (the holder idiom: the JVM runs the initialiser once, thread-safely). */
    private static final class Holder {
        static final Engine ENGINE = load();
    }

    static Engine engine() {
        return Holder.ENGINE;
    }

    private static Engine load() {
        configure();
        return Engine.getEngine("PyTorch");
    }

    private static void configure() {
        setIfAbsent("ai.djl.offline", "true");
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            Path cache = Path.of(System.getProperty("edgesim.cache", ".cache")).resolve("djl").toAbsolutePath();
            System.setProperty("DJL_CACHE_DIR", cache.toString());
            if (System.getenv("ENGINE_CACHE_DIR") == null) {
                setIfAbsent("ENGINE_CACHE_DIR", cache.toString());
            }
        }
        String threads = System.getProperty("edgesim.learning.threads", "1");
        setIfAbsent("ai.djl.pytorch.num_threads", threads);
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

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
        Engine engine = Engine.getEngine("PyTorch");
        return engine;
    }

    /** The process's native standard error (file descriptor 2), silenced for a moment through libc (JNA). */
    static final class NativeStderr {
        private NativeStderr() {
        }

        interface LibC extends com.sun.jna.Library {
            int dup(int fd);

            int dup2(int from, int to);

            int open(String path, int flags);

            int close(int fd);
        }

        /** Runs {@code action} with descriptor 2 on /dev/null; as it is where libc cannot be reached. */
        static void quiet(Runnable action) {
            LibC c;
            try {
                c = com.sun.jna.Native.load("c", LibC.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                action.run();
                return;
            }
            System.err.flush();
            int saved = c.dup(2);
            int nul = c.open("/dev/null", 1); // O_WRONLY
            if (saved < 0 || nul < 0) {
                if (nul >= 0) {
                    c.close(nul);
                }
                action.run();
                return;
            }
            c.dup2(nul, 2);
            c.close(nul);
            try {
                action.run();
            } finally {
                c.dup2(saved, 2);
                c.close(saved);
            }
        }
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

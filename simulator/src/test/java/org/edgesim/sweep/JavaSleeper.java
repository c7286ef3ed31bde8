package org.edgesim.sweep;

import java.io.IOException;
import java.nio.file.Path;

/** A Java process that sleeps: what a live edgesim holding a lock looks like from outside. */
public final class JavaSleeper {
    private JavaSleeper() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(60_000);
    }

    /** Starts one; the caller stops it. */
    public static Process start() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), JavaSleeper.class.getName())
                .start();
    }
}

package org.edgesim.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A Java process that holds a folder's lock and sleeps: a live edgesim writing that folder, seen from outside. */
public final class JavaSleeper {
    private JavaSleeper() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = c.lock()) {
            c.truncate(0); // as FolderLock does: a longer id left in the file would spoil this one
            c.write(java.nio.ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8)), 0);
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    /** Starts one holding {@code lockFile}'s lock, once it holds it; the caller stops it. */
    public static Process holding(Path lockFile) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), JavaSleeper.class.getName(),
                lockFile.toString()).start();
        String line = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8)).readLine();
        if (!"locked".equals(line)) {
            p.destroyForcibly();
            throw new IOException("the lock holder did not start: " + line + " "
                    + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        return p;
    }

}

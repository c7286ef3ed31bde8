package org.edgesim.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One edgesim at a time in a result folder: a lock file holding the writer's process id and start
 * time, created atomically. A lock is taken over when its process is gone, or when its process id
 * now belongs to another program (ids are reused: a process with that id that started at another
 * time, or that is not a Java virtual machine, is not the writer). One held by the writer, still
 * running, is refused, naming it.
 */
final class FolderLock implements AutoCloseable {
    /** The locks this JVM holds (two studies of one JVM never share a folder either). */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Path file;

    private FolderLock(Path file) {
        this.file = file;
    }

    static FolderLock acquire(Path file) throws IOException {
        ProcessHandle me = ProcessHandle.current();
        Path key = file.toAbsolutePath().normalize();
        if (!HELD.add(key)) {
            throw new IllegalStateException("another study of this edgesim (process " + me.pid() + ") is writing "
                    + file.getParent() + "; wait for it to finish");
        }
        try {
            return take(file, me);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static FolderLock take(Path file, ProcessHandle me) throws IOException {
        String mine = me.pid() + " " + me.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(file, mine, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return new FolderLock(file);
            } catch (FileAlreadyExistsException e) {
                Optional<ProcessHandle> holder = holder(file);
                if (holder.isPresent() && holder.get().pid() != me.pid()) {
                    throw new IllegalStateException("another edgesim (process " + holder.get().pid() + ") is writing "
                            + file.getParent() + "; wait for it to finish, or stop it (its lock is " + file.getFileName()
                            + ")");
                }
                Files.deleteIfExists(file); // left by a process that is gone, or by this one
            }
        }
        throw new IllegalStateException("cannot take the lock " + file + "; another edgesim keeps taking it");
    }

    /**
     * The live edgesim that holds the lock {@code file}: its process, if it runs, started when
     * the lock says (when both are known) and is a Java virtual machine (when its command is known).
     */
    static Optional<ProcessHandle> holder(Path file) {
        String[] words;
        try {
            words = Files.readString(file, StandardCharsets.UTF_8).strip().split("\\s+");
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid;
        long started;
        try {
            pid = Long.parseLong(words[0]);
            started = words.length > 1 ? Long.parseLong(words[1]) : -1;
        } catch (NumberFormatException e) {
            return Optional.empty(); // not a lock edgesim wrote whole
        }
        Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (p.isEmpty()) {
            return p;
        }
        ProcessHandle.Info info = p.get().info();
        Optional<Long> start = info.startInstant().map(Instant::toEpochMilli);
        if (started >= 0 && start.isPresent() && Math.abs(start.get() - started) > 1000) {
            return Optional.empty(); // the id was reused by a process that started later
        }
        try {
            long written = Files.getLastModifiedTime(file).toMillis();
            if (start.isPresent() && start.get() > written + 1000) {
                return Optional.empty(); // started after the lock was written: not its writer
            }
        } catch (IOException e) {
            return Optional.empty(); // the lock is gone
        }
        Optional<String> command = info.command().or(() -> info.commandLine().map(c -> c.split("\\s+")[0]));
        if (command.isPresent() && !Path.of(command.get()).getFileName().toString().startsWith("java")) {
            return Optional.empty(); // e.g. init (1): not an edgesim
        }
        return p;
    }

    /** Whether process {@code pid} is gone, so that what it left behind may be removed. */
    static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            HELD.remove(file.toAbsolutePath().normalize());
        }
    }
}

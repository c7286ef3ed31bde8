package org.edgesim.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One sweep at a time in a result folder: a lock file holding the writer's process id, created
 * atomically. A lock left by a process that is gone (killed) is taken over; one held by a live
 * process is refused, naming it.
 */
final class FolderLock implements AutoCloseable {
    private final Path file;

    private FolderLock(Path file) {
        this.file = file;
    }

    static FolderLock acquire(Path file) throws IOException {
        long me = ProcessHandle.current().pid();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(file, Long.toString(me), StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return new FolderLock(file);
            } catch (FileAlreadyExistsException e) {
                long holder = holder(file);
                if (holder > 0 && holder != me && ProcessHandle.of(holder).map(ProcessHandle::isAlive).orElse(false)) {
                    throw new IllegalStateException("another edgesim (process " + holder + ") is writing "
                            + file.getParent() + "; wait for it to finish, or stop it (its lock is " + file.getFileName()
                            + ")");
                }
                Files.deleteIfExists(file); // left by a process that is gone
            }
        }
        throw new IllegalStateException("cannot take the lock " + file + "; another edgesim keeps taking it");
    }

    private static long holder(Path file) {
        try {
            return Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}

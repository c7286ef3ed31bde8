package org.edgesim.sweep;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One edgesim at a time in a result folder: an operating-system lock on the folder's
 * {@code .edgesim.lock} ({@link FileChannel#tryLock()}). The system releases it when its process
 * ends, however it ends, so a killed edgesim never blocks the folder and a process id reused by
 * another program cannot either; a lock held by a running edgesim is refused, naming the process
 * id the file holds. The file stays when the lock is released (deleting a lock file races with a
 * process that opened it just before); two studies of one JVM never share a folder either.
 */
final class FolderLock implements AutoCloseable {
    /** The locks this JVM holds: the system's locks are per process. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    static FolderLock acquire(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        long me = ProcessHandle.current().pid();
        if (!HELD.add(key)) {
            throw new IllegalStateException("another study of this edgesim (process " + me + ") is writing "
                    + file.getParent() + "; wait for it to finish");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IllegalStateException("another edgesim (process " + holder(channel) + ") is writing "
                        + file.getParent() + "; wait for it to finish, or stop it (its lock is " + file.getFileName()
                        + ")");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(me).getBytes(StandardCharsets.UTF_8)), 0);
            return new FolderLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** The process id the lock file names (its holder wrote it), or "unknown". */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(32);
        channel.read(b, 0);
        String text = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
        return text.matches("\\d+") ? text : "unknown";
    }

    /** Whether a process holds the lock of {@code file} (for tests and messages); false if there is none. */
    static boolean held(Path file) throws IOException {
        if (!Files.exists(file)) {
            return false;
        }
        if (HELD.contains(file.toAbsolutePath().normalize())) {
            return true;
        }
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock l = c.tryLock();
            if (l == null) {
                return true;
            }
            l.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(key);
        }
    }
}

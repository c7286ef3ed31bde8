package org.edgesim.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Single files written all or nothing: to a temporary file beside the target (named by process and
 * thread, so two processes writing one folder never share one), forced to the disk, then renamed
 * over the target, and the folder's entry forced too: after a crash a reader finds the old file or
 * the whole new one. {@link #writeUnforced} leaves the forcing to its caller (files that carry their
 * own checksum, forced in groups: a crash before the group's force may leave such a file damaged,
 * which its checksum tells).
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** A file body written to a stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(java.io.Writer out) throws IOException;
    }

    /** Writes {@code body} (UTF-8) to {@code target}; readers see the old file or the whole new one. */
    public static void write(Path target, Body body) throws IOException {
        write(target, body, true);
        forceFolder(target.toAbsolutePath().getParent());
    }

    /**
     * Writes {@code body} (UTF-8) to {@code target} by a rename, so that a running reader sees the
     * old file or the whole new one, without forcing anything to the disk: after a crash the file
     * may be missing or damaged until {@link #force} and {@link #forceFolder} ran on it.
     */
    public static void writeUnforced(Path target, Body body) throws IOException {
        write(target, body, false);
    }

    /** Forces a file's content to the disk (one written by {@link #writeUnforced}); a missing file is skipped. */
    public static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (java.nio.file.NoSuchFileException e) {
            // replaced or deleted since: nothing of it to keep
        }
    }

    private static void write(Path target, Body body, boolean forced) throws IOException {
        // Per-process and per-thread temporary name: parallel writers in one folder never collide.
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId());
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             java.io.Writer w = new java.io.BufferedWriter(java.nio.channels.Channels.newWriter(channel,
                     StandardCharsets.UTF_8))) {
            body.writeTo(w);
            w.flush();
            if (forced) {
                channel.force(true);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Forces a folder's entries (a rename) to the disk, where the platform allows it. */
    public static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some file systems cannot open a folder as a channel; the rename itself stays atomic.
        }
    }

    /** Writes {@code text} to {@code target}, all or nothing. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        write(target, w -> w.append(text));
    }
}

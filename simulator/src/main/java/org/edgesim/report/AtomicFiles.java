package org.edgesim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Single files written all or nothing: to a temporary file beside the target, then renamed over it. */
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
        // Per-thread temporary name: parallel writers of different targets in one folder never collide.
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + Thread.currentThread().getId());
        try (java.io.Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            body.writeTo(w);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code text} to {@code target}, all or nothing. */
    public static void writeString(Path target, CharSequence text) throws IOException {
        write(target, w -> w.append(text));
    }
}

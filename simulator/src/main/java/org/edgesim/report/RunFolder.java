package org.edgesim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A result folder written atomically: files go to a hidden sibling folder, which is renamed onto
 * the target only once everything is written. A run that fails or is killed leaves at most a
 * hidden {@code .NAME.partial-PID} folder, never a half-written result. An existing target is
 * replaced only if it is an earlier run's result folder holding nothing else
 * ({@link ResultFolders#checkRunTarget}); the new folder carries the marker.
 */
public final class RunFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private boolean committed;

    public RunFolder(Path target) throws IOException {
        ResultFolders.checkRunTarget(target);
        this.target = target.toAbsolutePath().normalize();
        Path parent = this.target.getParent();
        Files.createDirectories(parent);
        long pid = ProcessHandle.current().pid();
        removeLitter(parent, this.target.getFileName().toString());
        this.staging = parent.resolve("." + this.target.getFileName() + ".partial-" + pid);
        deleteTree(staging);
        Files.createDirectory(staging);
    }

    /**
     * Removes the staging and replaced folders ({@code .NAME.partial-PID}, {@code .NAME.old-PID})
     * that a killed run into {@code name} left, once their process is gone.
     */
    private static void removeLitter(Path parent, String name) throws IOException {
        java.util.regex.Pattern litter = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote("." + name) + "\\.(partial|old)-(\\d+)");
        try (java.util.stream.Stream<Path> s = Files.list(parent)) {
            for (Path p : s.toList()) {
                java.util.regex.Matcher m = litter.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p) && ProcessHandle.of(Long.parseLong(m.group(2)))
                        .map(h -> !h.isAlive()).orElse(true)) {
                    deleteTree(p);
                }
            }
        }
    }

    /** Where to write a file of the run before {@link #commit()}. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    public Path target() {
        return target;
    }

    /** Moves the staged files onto the target folder. */
    public void commit() throws IOException {
        ResultFolders.checkRunTarget(target);
        AtomicFiles.writeString(file(ResultFolders.MARKER), "edgesim result folder: a single run\n");
        Path old = null;
        if (Files.exists(target)) {
            old = target.resolveSibling("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
            deleteTree(old);
            move(target, old);
        }
        move(staging, target);
        AtomicFiles.forceFolder(target.getParent());
        committed = true;
        if (old != null) {
            deleteTree(old);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Removes the staging folder unless committed. */
    @Override
    public void close() {
        if (!committed) {
            try {
                deleteTree(staging);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}

package org.edgesim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which folders edgesim may write results into. Every result folder carries a marker file,
 * {@value #MARKER}; {@code --out} refuses a folder that exists, is not empty and is not an edgesim
 * result folder (it never deletes what it did not write). A single run's folder is replaced whole
 * on a new run, so it must hold nothing but a run's own files; a study's folder is written in place
 * (its own file names only), so anything else in it is kept.
 */
public final class ResultFolders {
    /** The marker of a result folder. */
    public static final String MARKER = ".edgesim-result";
    /** What a single run's folder holds. */
    static final Set<String> RUN_FILES = Set.of(RunWriter.ROUNDS, RunWriter.DEVICES, RunWriter.MANIFEST,
            RunWriter.LATENCY_PNG, MARKER);

    private ResultFolders() {
    }

    /** Output that would lose or mix files: a bad {@code --out} (exit 2). */
    public static final class UnsafeOutputException extends RuntimeException {
        public UnsafeOutputException(String message) {
            super(message);
        }
    }

    /**
     * Whether {@code folder} is an edgesim result folder: it has edgesim's marker. Files that look
     * like results ({@code study.json}, {@code manifest.json}) do not count: anyone may have them.
     */
    public static boolean isResultFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(MARKER));
    }

    /**
     * Checks that a single run may be written to {@code target}: absent, empty, or an earlier run's
     * folder holding only a run's files.
     */
    public static void checkRunTarget(Path target) {
        List<String> entries = entries(target);
        if (entries.isEmpty()) {
            return;
        }
        if (!isResultFolder(target)) {
            throw new UnsafeOutputException(target + " exists and is not an edgesim result folder (it has no " + MARKER
                    + " and holds e.g. " + entries.get(0) + "); nothing was written: choose another --out, or an"
                    + " empty or new folder");
        }
        for (String e : entries) {
            if (!RUN_FILES.contains(e)) {
                throw new UnsafeOutputException(target + " holds " + e + ", which a run did not write; a run replaces"
                        + " its folder whole, so nothing was written: move it away or choose another --out");
            }
        }
    }

    /** Checks that a study may be written to {@code target}: absent, empty, or a result folder. */
    public static void checkStudyTarget(Path target) {
        List<String> entries = entries(target);
        if (!entries.isEmpty() && !isResultFolder(target)) {
            throw new UnsafeOutputException(target + " exists and is not an edgesim result folder (it has no " + MARKER
                    + " and holds e.g. " + entries.get(0) + "); nothing was written: choose another --out, or an"
                    + " empty or new folder");
        }
    }

    /** Marks {@code folder} as a result folder. */
    public static void mark(Path folder) throws IOException {
        Path marker = folder.resolve(MARKER);
        if (!Files.exists(marker)) {
            AtomicFiles.writeString(marker, "edgesim result folder: edgesim writes and replaces its own files here\n");
        }
    }

    private static List<String> entries(Path target) {
        if (!Files.exists(target)) {
            return List.of();
        }
        if (!Files.isDirectory(target)) {
            throw new UnsafeOutputException(target + " is a file, not a folder; nothing was written: choose another"
                    + " --out");
        }
        try (Stream<Path> s = Files.list(target)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UnsafeOutputException("cannot read " + target + ": " + e.getMessage());
        }
    }
}

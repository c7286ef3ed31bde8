package org.edgesim.learning.djl;

import java.util.function.Supplier;

/**
 * The way batches reached the engine before data became resident: rows gathered in Java and
 * copied into a fresh native array on every call. Only for benchmarks that measure the two ways
 * in one run (the values, and so every result, are the same bits either way).
 */
public final class RowCopies {
    private RowCopies() {
    }

    /** Runs {@code work} on this thread with rows copied on every call. */
    public static <T> T during(Supplier<T> work) {
        Resident.COPYING.set(true);
        try {
            return work.get();
        } finally {
            Resident.COPYING.set(false);
        }
    }
}

package org.edgesim.sweep;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.edgesim.study.Study;

/**
 * Where a sweep's tasks are computed: threads of this JVM ({@link LocalExecutor}) or a cluster
 * (the {@code spark} executor of module {@code edgesim-spark}). An executor only computes; the
 * {@link SweepRunner} saves each result as it arrives, so that results are the same bytes on any
 * executor and an interrupted sweep resumes where it stopped.
 */
public interface SweepExecutor extends AutoCloseable {
    /**
     * Computes every task of {@code tasks} (see {@link SweepWork#compute}) and hands each result to
     * {@code done}, one at a time, in any order; {@code progress} is stepped once per run, as the
     * executor can tell.
     */
    void execute(Study study, List<SweepTask> tasks, SweepProgress progress, Consumer<SweepTask.Result> done)
            throws IOException, InterruptedException;

    /**
     * Whether sweeps given from several threads at once share this executor's threads, first come
     * first served (then {@code reproduce} starts the next study while a study's tail finishes);
     * false: one sweep at a time.
     */
    default boolean sharesThreads() {
        return false;
    }

    /** A line for the sweep's summary, e.g. {@code 2 threads}. */
    String describe();

    @Override
    default void close() {
    }
}

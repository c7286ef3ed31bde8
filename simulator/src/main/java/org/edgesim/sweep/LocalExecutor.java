package org.edgesim.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.edgesim.simulation.Simulation;
import org.edgesim.study.Study;

/**
 * The default executor: a pool of threads in this JVM, all sharing one {@link Simulation}. The pool
 * serves every sweep given to it, first come first served, so that sweeps run from several threads
 * (the studies of {@code reproduce}) share its threads: the next study's tasks start as soon as a
 * thread is free of the previous one's tail. Idle threads end after a few seconds.
 */
public final class LocalExecutor implements SweepExecutor {
    public static final String NAME = "local";
    private final Simulation simulation;
    private final int threads;
    private final ThreadPoolExecutor pool;

    public LocalExecutor(Simulation simulation, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.simulation = simulation;
        this.threads = threads;
        this.pool = new ThreadPoolExecutor(threads, threads, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "edgesim-sweep");
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Study study, List<SweepTask> tasks, SweepProgress progress, Consumer<SweepTask.Result> done)
            throws IOException, InterruptedException {
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (SweepTask task : tasks) {
                futures.add(pool.submit(() -> {
                    SweepTask.Result result = SweepWork.compute(task, study.points().get(task.point()).scenario(),
                            simulation, progress::step);
                    synchronized (done) {
                        done.accept(result);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            // This sweep's tasks only: another sweep's keep running.
            for (Future<?> f : futures) {
                f.cancel(true);
            }
        }
    }

    @Override
    public boolean sharesThreads() {
        return true;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    @Override
    public String describe() {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    /** The provider of {@code --executor local}. */
    public static final class Provider implements SweepExecutorProvider {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public String description() {
            return "threads of this JVM (default)";
        }

        @Override
        public SweepExecutor create(org.edgesim.simulation.Catalog catalog, int threads, String master) {
            if (master != null) {
                throw new IllegalArgumentException("--master is for cluster executors; the local executor runs here");
            }
            return new LocalExecutor(new Simulation(catalog), threads);
        }
    }
}

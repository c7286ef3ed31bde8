package org.edgesim.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.edgesim.engine.Simulation;
import org.edgesim.scenario.Study;

/** The default executor: a pool of threads in this JVM, all sharing one {@link Simulation}. */
public final class LocalExecutor implements SweepExecutor {
    public static final String NAME = "local";
    private final Simulation simulation;
    private final int threads;

    public LocalExecutor(Simulation simulation, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.simulation = simulation;
        this.threads = threads;
    }

    @Override
    public void execute(Study study, List<SweepTask> tasks, SweepProgress progress, Consumer<SweepTask.Result> done)
            throws IOException, InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "edgesim-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
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
            pool.shutdownNow();
        }
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
        public SweepExecutor create(org.edgesim.engine.Catalog catalog, int threads, String master) {
            if (master != null) {
                throw new IllegalArgumentException("--master is for cluster executors; the local executor runs here");
            }
            return new LocalExecutor(new Simulation(catalog), threads);
        }
    }
}

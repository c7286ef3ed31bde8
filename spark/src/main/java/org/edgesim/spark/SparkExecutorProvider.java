package org.edgesim.spark;

import org.edgesim.simulation.Catalog;
import org.edgesim.sweep.SweepExecutor;
import org.edgesim.sweep.SweepExecutorProvider;

/** {@code --executor spark [--master URL]}, found by {@link java.util.ServiceLoader}. */
public final class SparkExecutorProvider implements SweepExecutorProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public String description() {
        return "Apache Spark: --master local[N] on this machine, or the cluster spark-submit names";
    }

    /** {@code threads} is ignored: Spark's master says how many tasks run at once. */
    @Override
    public SweepExecutor create(Catalog catalog, int threads, String master) {
        return new SparkExecutor(master);
    }
}

package org.edgesim.cli;

import org.edgesim.simulation.Catalog;
import org.edgesim.sweep.SweepExecutor;
import org.edgesim.sweep.SweepExecutors;
import picocli.CommandLine.Option;

/** {@code --executor} and {@code --master}, shared by the commands that run sweeps. */
final class ExecutorOptions {
    @Option(names = "--executor", paramLabel = "NAME", defaultValue = "local",
            description = "sweep: where the runs are computed: local (threads of this JVM, the default) or spark"
                    + " (module spark/, see the README); results do not depend on it")
    String executor;

    @Option(names = "--master", paramLabel = "URL",
            description = "sweep with --executor spark: the Spark master, e.g. 'local[2]' (default: spark-submit's)")
    String master;

    /**
     * The executor asked for.
     *
     * @throws IllegalArgumentException if it is not on the class path or does not take the options
     */
    SweepExecutor create(Catalog catalog, int threads) {
        return SweepExecutors.find(executor).create(catalog, threads, master);
    }
}

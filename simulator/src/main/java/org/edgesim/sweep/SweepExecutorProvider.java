package org.edgesim.sweep;

import org.edgesim.simulation.Catalog;

/**
 * Makes a {@link SweepExecutor} by name ({@code --executor NAME}); executors beyond {@code local}
 * are found with {@link java.util.ServiceLoader} when their module is on the class path.
 */
public interface SweepExecutorProvider {
    String name();

    /** One line for help texts. */
    String description();

    /**
     * @param threads parallel runs on this machine ({@code --threads})
     * @param master  where a cluster executor runs ({@code --master}), or null
     */
    SweepExecutor create(Catalog catalog, int threads, String master);
}

package org.edgesim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The sweep executors on the class path: {@code local}, and those {@link ServiceLoader} finds. */
public final class SweepExecutors {
    private SweepExecutors() {
    }

    public static List<SweepExecutorProvider> all() {
        List<SweepExecutorProvider> out = new ArrayList<>(List.of(new LocalExecutor.Provider()));
        for (SweepExecutorProvider p : ServiceLoader.load(SweepExecutorProvider.class, SweepExecutors.class.getClassLoader())) {
            out.add(p);
        }
        return out;
    }

    /**
     * The provider named {@code name}.
     *
     * @throws IllegalArgumentException naming the known ones, and how to get Spark's
     */
    public static SweepExecutorProvider find(String name) {
        List<SweepExecutorProvider> all = all();
        for (SweepExecutorProvider p : all) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no sweep executor '" + name + "' on the class path; known: "
                + all.stream().map(SweepExecutorProvider::name).toList()
                + (name.equals("spark") ? " (Spark's is in module spark/: run ./edgesim-spark, or spark-submit;"
                + " see the README)" : ""));
    }
}

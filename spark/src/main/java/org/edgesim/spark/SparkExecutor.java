package org.edgesim.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.study.Study;
import org.edgesim.sweep.SweepExecutor;
import org.edgesim.sweep.SweepProgress;
import org.edgesim.sweep.SweepTask;
import org.edgesim.sweep.SweepWork;

/**
 * Computes a sweep's tasks on Apache Spark. Each task travels with its design point's resolved
 * scenario (as JSON, in SI units); every partition builds one {@link Simulation} on the standard
 * catalog (built-in schedulers and those registered with {@link java.util.ServiceLoader}) and
 * computes its tasks exactly as the local executor would, so the results are the same bytes. The
 * driver receives the results wave by wave and the sweep runner saves them as they come, so an
 * interrupted sweep loses at most the wave in flight.
 */
public final class SparkExecutor implements SweepExecutor {
    /** Tasks per wave, per unit of parallelism: enough to balance, few enough to save often. */
    private static final int WAVE_PER_SLOT = 4;
    private final SparkConf conf;
    /** Started with the first study (which says whether DJL travels); null before. */
    private JavaSparkContext context;
    private String description;
    /** Whether the DJL jars have been shipped (a study trains). */
    private boolean learningShipped;
    /** The application's jars to ship to a cluster's executors; empty in local mode. */
    private final List<String> application;

    /** A task and the scenario of its design point, in JSON. */
    record Shipped(SweepTask task, String scenario) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * @param master the Spark master (e.g. {@code local[2]}); null: the one {@code spark-submit} sets
     */
    public SparkExecutor(String master) {
        this.conf = new SparkConf().setAppName("edgesim").set("spark.ui.enabled", "false");
        if (master != null) {
            conf.setMaster(master);
        }
        if (conf.get("spark.master", "").startsWith("local")) {
            // One machine: no network needed, and scratch files beside the project's other caches.
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
            String cache = System.getProperty("edgesim.cache");
            if (cache != null) {
                conf.setIfMissing("spark.local.dir", cache + "/spark");
            }
        }
        // Plug-in schedulers (the launcher's -Dedgesim.plugins) travel to the executors with the job.
        String plugins = System.getProperty("edgesim.plugins", "");
        java.util.List<String> jars = java.util.Arrays.stream(plugins.split(java.io.File.pathSeparator))
                .filter(p -> p.endsWith(".jar")).toList();
        if (!jars.isEmpty()) {
            String already = conf.get("spark.jars", "");
            conf.set("spark.jars", (already.isEmpty() ? "" : already + ",") + String.join(",", jars));
        }
        // On a cluster the executors need edgesim's own jars (the launcher lists them in -Dedgesim.jars):
        // Spark's come from the cluster; DJL and its 100 MB of natives only once a study trains.
        boolean local = conf.get("spark.master", "local").startsWith("local");
        this.application = local ? List.of() : java.util.Arrays.stream(System.getProperty("edgesim.jars", "")
                .split(java.io.File.pathSeparator)).filter(p -> p.endsWith(".jar")).toList();
        this.description = "Spark " + conf.get("spark.master", "(spark-submit's master)");
    }

    /** Whether a jar is DJL's (the learning engine and its natives). */
    static boolean learningJar(String path) {
        String name = java.nio.file.Path.of(path).getFileName().toString();
        return name.startsWith("api-0") || name.startsWith("pytorch-") || name.contains("djl");
    }

    /** The context, started at the first study; the DJL jars added when a study first trains. */
    private JavaSparkContext context(Study study) {
        boolean trains = study.base().learning() != null;
        if (context == null) {
            List<String> jars = application.stream().filter(j -> trains || !learningJar(j)).toList();
            if (!jars.isEmpty()) {
                String already = conf.get("spark.jars", "");
                conf.set("spark.jars", (already.isEmpty() ? "" : already + ",") + String.join(",", jars));
            }
            context = new JavaSparkContext(conf);
            context.setLogLevel("WARN");
            learningShipped = trains;
            description = "Spark " + context.master() + " (" + context.defaultParallelism() + " slots)";
        } else if (trains && !learningShipped) {
            application.stream().filter(SparkExecutor::learningJar).forEach(context::addJar);
            learningShipped = true;
        }
        return context;
    }

    @Override
    public void execute(Study study, List<SweepTask> tasks, SweepProgress progress, Consumer<SweepTask.Result> done) {
        ObjectMapper mapper = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        List<Shipped> shipped = new ArrayList<>(tasks.size());
        for (SweepTask t : tasks) {
            try {
                shipped.add(new Shipped(t, mapper.writeValueAsString(study.points().get(t.point()).scenario())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write the scenario of point " + t.point() + ": " + e, e);
            }
        }
        JavaSparkContext context = context(study);
        int slots = Math.max(1, context.defaultParallelism());
        int wave = WAVE_PER_SLOT * slots;
        for (int from = 0; from < shipped.size(); from += wave) {
            List<Shipped> part = shipped.subList(from, Math.min(shipped.size(), from + wave));
            List<SweepTask.Result> results = context.parallelize(new ArrayList<>(part), Math.min(part.size(), slots))
                    .mapPartitions(SparkExecutor::compute).collect();
            for (SweepTask.Result r : results) {
                done.accept(r);
                for (int i = 0; i < r.task().runs(); i++) {
                    progress.step();
                }
            }
        }
    }

    /** On an executor: one simulation for the partition, then its tasks. */
    private static Iterator<SweepTask.Result> compute(Iterator<Shipped> tasks) throws java.io.IOException {
        Simulation simulation = new Simulation(Catalog.standard());
        ObjectMapper mapper = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        List<SweepTask.Result> out = new ArrayList<>();
        while (tasks.hasNext()) {
            Shipped s = tasks.next();
            // edgesim's own JSON: powers in plain watts, read back as such.
            Scenario scenario = ScenarioLoader.resolved(mapper, mapper.readTree(s.scenario()));
            out.add(SweepWork.compute(s.task(), scenario, simulation, () -> { }));
        }
        return out.iterator();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}

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
import org.edgesim.engine.Catalog;
import org.edgesim.engine.Simulation;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.scenario.Study;
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
    private final JavaSparkContext context;
    private final String description;

    /** A task and the scenario of its design point, in JSON. */
    record Shipped(SweepTask task, String scenario) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * @param master the Spark master (e.g. {@code local[2]}); null: the one {@code spark-submit} sets
     */
    public SparkExecutor(String master) {
        SparkConf conf = new SparkConf().setAppName("edgesim").set("spark.ui.enabled", "false");
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
        this.context = new JavaSparkContext(conf);
        this.context.setLogLevel("WARN");
        this.description = "Spark " + context.master() + " (" + context.defaultParallelism() + " slots)";
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
    private static Iterator<SweepTask.Result> compute(Iterator<Shipped> tasks) throws JsonProcessingException {
        Simulation simulation = new Simulation(Catalog.standard());
        ObjectMapper mapper = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        List<SweepTask.Result> out = new ArrayList<>();
        while (tasks.hasNext()) {
            Shipped s = tasks.next();
            Scenario scenario = mapper.readValue(s.scenario(), Scenario.class);
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
        context.close();
    }
}

package org.edgesim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.edgesim.env.Environment;
import org.edgesim.env.Layout;
import org.edgesim.env.Reward;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.sched.Apportion;
import org.edgesim.simulation.Catalog;

/**
 * Steps per second of the step environment ({@code edgesim serve}) on PARTEL's default set-up
 * (K = N = 15, clock only), in process: a client that answers each snapshot with the baseline's plan
 * (blocks by computation capability, equal shares), read from the JSON laid out in columns, as an
 * outside client would.
 * The pipe and the client's own language are not in it; {@code examples/python/} measures those.
 */
public final class EnvBenchmark {
    /** Steps and the seconds they took, and the share of them the client's planning took. */
    public record Result(int steps, double seconds, double planning) {
        public double stepsPerSecond() {
            return steps / seconds;
        }
    }

    private EnvBenchmark() {
    }

    /** {@code episodes} episodes of the scenario file {@code file}, after {@code warm} unmeasured ones. */
    public static Result measure(Path file, int warm, int episodes) throws ScenarioException {
        Scenario s = Catalog.standard().loader().loadForRun(file);
        int steps = 0;
        long planning = 0;
        long start = 0;
        try (Environment env = new Environment(Catalog.standard(), s, Reward.DEFAULT, Layout.COLUMNS, "bench")) {
            for (int e = 0; e < warm + episodes; e++) {
                if (e == warm) {
                    start = System.nanoTime();
                    steps = 0;
                    planning = 0;
                }
                JsonNode obs = env.reset((long) e).get("observation");
                while (obs != null && !obs.isNull()) {
                    long t = System.nanoTime();
                    JsonNode plan = baseline(obs);
                    planning += System.nanoTime() - t;
                    ObjectNode reply = env.step(plan);
                    if (reply.has("error")) {
                        throw new IllegalStateException(reply.get("error").asText());
                    }
                    obs = reply.get("observation");
                    steps++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(steps, seconds, planning / 1e9 / seconds);
    }

    /** The baseline's plan from a PARTEL snapshot's JSON, laid out in columns. */
    private static JsonNode baseline(JsonNode s) {
        double[] capability = new double[s.get("groups").asInt()];
        JsonNode workers = s.get("workers");
        JsonNode group = workers.get("group");
        JsonNode speed = workers.get("speed_hz");
        for (int k = 0; k < group.size(); k++) {
            capability[group.get(k).asInt()] += speed.get(k).asDouble();
        }
        long[] blocks = Apportion.largestRemainder(capability, s.get("model_parameters").asLong(), 1);
        ObjectNode plan = JsonNodeFactory.instance.objectNode();
        ArrayNode b = plan.putArray("blocks");
        for (long v : blocks) {
            b.add(v);
        }
        ArrayNode shares = plan.putArray("shares");
        for (int k = 0; k < group.size(); k++) {
            shares.add(1.0 / group.size());
        }
        return plan;
    }

    public static String format(Result r, double target) {
        return String.format(java.util.Locale.ROOT, "step environment, PARTEL K = N = 15, clock only, in process: %d steps"
                + " in %.2f s = %.0f steps/s (the client's planning %.0f%% of it); target >= %.0f steps/s: %s",
                r.steps(), r.seconds(), r.stepsPerSecond(), 100 * r.planning(), target,
                r.stepsPerSecond() >= target ? "met" : "NOT met");
    }
}

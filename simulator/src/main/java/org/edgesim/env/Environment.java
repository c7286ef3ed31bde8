package org.edgesim.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.edgesim.protocol.RoundEngine;
import org.edgesim.protocol.RunResult;
import org.edgesim.round.CommonRow;
import org.edgesim.scenario.EnvironmentSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.table.Column;
import org.edgesim.table.Table;

/**
 * A step environment over one scenario: {@link #reset} starts an episode (a run of the scenario
 * with the seed given) and returns the first round's snapshot, what a scheduler sees; each
 * {@link #step} hands in that round's plan, checked as any plan is, runs the round on the event
 * kernel and returns the next snapshot, the round's reward and its common columns. A plan refused
 * leaves the round waiting for another. Episodes are deterministic: the same seed and the same plans
 * give the same bytes. One cell only: with several, every cell's scheduler asks for its own plan.
 */
public final class Environment implements AutoCloseable {
    private final Catalog catalog;
    private final Scenario scenario;
    private final Reward reward;
    private final Layout layout;
    private final String name;
    private Episode episode;
    private boolean under;
    /** The test accuracy after the last round (0 before the first): what the next round's gain is measured from. */
    private double accuracy;
    /** Resets so far: a reset without a seed takes the file's seed plus this, a fresh drop each time. */
    private long resets;

    /**
     * An environment named {@code name} over {@code scenario}, its own simulation (nothing shared with
     * others): observations laid out as the external scheduler's snapshots, rewarded as the scenario says.
     */
    public Environment(Catalog catalog, Scenario scenario, String name) {
        this(catalog, scenario, Reward.of(scenario.environment()), Layout.ROWS, name);
    }

    /** An environment named {@code name} over {@code scenario}, with its own reward and observations' layout. */
    public Environment(Catalog catalog, Scenario scenario, Reward reward, Layout layout, String name) {
        if (scenario.cells() != null) {
            throw new IllegalArgumentException("a step environment runs one cell: with a cells section every cell's"
                    + " scheduler asks for its own plan; remove the section");
        }
        if (scenario.protocol().type().equals("async-mel") && !reward.accuracy()) {
            throw new IllegalArgumentException("async-mel's cycles have a fixed length T: a latency reward would not"
                    + " depend on the plan (its plans shape staleness and the models returned): use reward "
                    + EnvironmentSpec.ACCURACY_GAIN + " with a learning section");
        }
        if (reward.accuracy() && (scenario.learning() == null || scenario.learning().evaluated().every() != 1)) {
            throw new IllegalArgumentException("reward " + reward.name() + " needs the model trained and evaluated"
                    + " every round: a learning section with evaluation.every 1");
        }
        if (reward.energy() && !RoundEngine.energyLaw(scenario).modelled()) {
            throw new IllegalArgumentException("reward " + reward.name() + " needs an energy model: the"
                    + " devices' CPU capacitance or GPU power");
        }
        this.catalog = catalog;
        this.scenario = scenario;
        this.reward = reward;
        this.layout = layout;
        this.name = name;
    }

    /**
     * Starts an episode with master seed {@code seed} (null: the file's seed plus the resets so far, a
     * fresh drop each time); {@code {observation, info}}. Each episode has its own simulation: caches
     * kept per seed would otherwise grow with every episode.
     */
    public ObjectNode reset(Long seed) {
        stop();
        long chosen = seed != null ? seed : scenario.seed() + resets;
        resets++;
        episode = new Episode(new Simulation(catalog), scenario.withSeed(chosen), name);
        accuracy = 0;
        Episode.Event e = episode.next();
        if (e instanceof Episode.Ask a) {
            under = true;
            ObjectNode reply = JsonNodeFactory.instance.objectNode();
            reply.set("observation", layout.apply(a.snapshot()));
            reply.putObject("info").put("round", a.round());
            return reply;
        }
        throw failure(e);
    }

    /**
     * Hands in the plan of the round asked; {@code {observation, reward, terminated, truncated, info}}
     * (observation null once the episode is over), or {@code {error}} when the plan is refused.
     */
    public ObjectNode step(JsonNode plan) {
        if (!under) {
            throw new IllegalStateException(episode == null ? "no episode yet: reset first"
                    : "the episode is over: reset to start another");
        }
        episode.give(plan);
        List<CommonRow> ended = List.of();
        int round = 0;
        double evaluated = Double.NaN;
        double gain = Double.NaN;
        while (true) {
            Episode.Event e = episode.next();
            if (e instanceof Episode.Refused r) {
                ObjectNode reply = JsonNodeFactory.instance.objectNode();
                reply.put("error", "plan refused: " + r.why());
                return reply;
            } else if (e instanceof Episode.Ended en) {
                ended = en.cells();
                round = en.round();
                evaluated = en.accuracy();
                if (reward.accuracy() && Double.isNaN(evaluated)) {
                    stop();
                    throw new EpisodeOver(new IllegalStateException("reward " + reward.name() + ": round " + round
                            + " ended without an accuracy: protocol " + scenario.protocol().type() + " does not"
                            + " evaluate its model as each round ends (it trains once the clock has run)"));
                }
                gain = evaluated - accuracy;
                if (!Double.isNaN(evaluated)) {
                    accuracy = evaluated;
                }
            } else if (e instanceof Episode.Ask a) {
                return reply(a.snapshot(), ended, round, evaluated, gain, false, false, null);
            } else if (e instanceof Episode.Done d) {
                under = false;
                // Cut short by the time limit, or over by the protocol's own end (all rounds, or its last).
                boolean cut = scenario.timeLimit() != null && round < scenario.rounds() && ended.stream()
                        .anyMatch(r -> r.end() >= scenario.timeLimit());
                return reply(null, ended, round, evaluated, gain, !cut, cut, d.result());
            } else {
                under = false;
                throw new EpisodeOver(failure(e));
            }
        }
    }

    private ObjectNode reply(JsonNode observation, List<CommonRow> cells, int round, double evaluated, double gain,
                             boolean terminated, boolean truncated, RunResult result) {
        ObjectNode reply = JsonNodeFactory.instance.objectNode();
        reply.set("observation", layout.apply(observation));
        reply.put("reward", reward.of(cells, gain));
        reply.put("terminated", terminated);
        reply.put("truncated", truncated);
        ObjectNode info = reply.putObject("info");
        info.put("round", round);
        if (!cells.isEmpty()) {
            CommonRow r = cells.get(0);
            number(info, "start_s", r.start());
            number(info, "end_s", r.end());
            number(info, "planned_latency_s", r.planned());
            number(info, "realised_latency_s", r.realised());
            number(info, "energy_J", r.energy());
            info.put("aggregated", r.aggregated());
            info.put("outages", r.outages());
        }
        if (!Double.isNaN(evaluated)) {
            info.put("test_accuracy", evaluated);
        }
        if (result != null) {
            info.set("rounds", rows(result.rounds()));
        }
        return reply;
    }

    /** {@code value} under {@code key}, null when it is not a number (no energy model: NaN). */
    private static void number(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, value);
        } else {
            o.putNull(key);
        }
    }

    /** A table's rows as objects by header (NaN as null): the run's own columns, accuracy included. */
    private static <T> ArrayNode rows(Table<T> table) {
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (T row : table.rows()) {
            ObjectNode o = rows.addObject();
            for (Column<T> c : table.columns()) {
                Object v = c.value().apply(row);
                if (v instanceof Number n && !Double.isFinite(n.doubleValue())) {
                    o.putNull(c.header());
                } else if (v instanceof Integer i) {
                    o.put(c.header(), i);
                } else if (v instanceof Long l) {
                    o.put(c.header(), l);
                } else if (v instanceof Number n) {
                    o.put(c.header(), n.doubleValue());
                } else if (v instanceof Boolean b) {
                    o.put(c.header(), b);
                } else {
                    o.put(c.header(), String.valueOf(v));
                }
            }
        }
        return rows;
    }

    /** The episode ended in failure: a new one needs a reset. */
    public static final class EpisodeOver extends RuntimeException {
        EpisodeOver(RuntimeException cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }

    private static RuntimeException failure(Episode.Event e) {
        if (e instanceof Episode.Failed f) {
            return f.error();
        }
        return new IllegalStateException("the run ended before asking for a plan");
    }

    private void stop() {
        if (episode != null) {
            episode.stop();
            episode = null;
        }
        under = false;
    }

    @Override
    public void close() {
        stop();
    }
}

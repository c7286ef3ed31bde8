package org.edgesim.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.RunResult;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.sched.SchedulerProvider;
import org.edgesim.sched.external.PlanExchange;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.table.Column;

/**
 * Per protocol, from a shipped scenario of it: the columns of {@code rounds.csv} and
 * {@code devices.csv} ({@code columns.md}), what a scheduler reads each round
 * ({@code snapshots.md}: the snapshot as it is sent), and the schedulers with their options
 * ({@code schedulers.md}). Columns and snapshots come from the protocol's own code: its round
 * columns as declared, its devices' from a one-round run without training, its snapshot from the
 * first one the run asks a plan for.
 */
final class ProtocolPages {
    /**
     * The shipped scenarios each protocol's pages are made from: one that trains (its round columns,
     * the learning ones included) and one that runs the clock only (the rest, and its devices and
     * snapshot, from a one-round run).
     */
    record Made(String trained, String clock) {
    }

    static final Map<String, Made> SCENARIOS = Map.of(
            "partel", new Made("scenarios/partel-fig4.yaml", "scenarios/partel-baseline.yaml"),
            "feel", new Made("scenarios/feel-fig3.yaml", "scenarios/feel-fig2.yaml"),
            "async-mel", new Made("scenarios/async-fig3.yaml", "scenarios/async-fig2.yaml"),
            "cpsl", new Made("scenarios/cpsl-fig6.yaml", "scenarios/cpsl-fig5-round.yaml"));

    private final Catalog catalog;
    private final Map<String, Scenario> scenarios = new TreeMap<>();
    private final Map<String, Scenario> clocks = new TreeMap<>();
    private final Map<String, RunResult> runs = new TreeMap<>();
    private final Map<String, JsonNode> snapshots = new TreeMap<>();

    ProtocolPages(Catalog catalog, Path root) throws ScenarioException {
        this.catalog = catalog;
        for (Protocol<?> p : catalog.protocols()) {
            Made made = SCENARIOS.get(p.name());
            if (made == null) {
                continue; // not a shipped protocol (a plug-in's, a test's)
            }
            scenarios.put(p.name(), catalog.loader().load(root.resolve(made.trained())).single());
            Scenario clock = catalog.loader().load(root.resolve(made.clock())).single().withRounds(1);
            if (clock.learning() != null) {
                throw new IllegalStateException(made.clock() + " trains: its devices' run would take long");
            }
            clocks.put(p.name(), clock);
            Simulation simulation = new Simulation(catalog);
            runs.put(p.name(), simulation.run(clock));
            snapshots.put(p.name(), firstSnapshot(simulation, clock));
        }
    }

    /** Stops a run once it has asked for its first plan. */
    private static final class Asked extends RuntimeException {
        Asked() {
            super("asked", null, false, false);
        }
    }

    private static JsonNode firstSnapshot(Simulation simulation, Scenario s) {
        JsonNode[] seen = new JsonNode[1];
        PlanExchange exchange = new PlanExchange() {
            @Override
            public <P> P exchange(int round, JsonNode snapshot, java.util.function.Function<JsonNode, P> decode) {
                seen[0] = snapshot;
                throw new Asked();
            }
        };
        try {
            simulation.run(s, exchange, (round, rounds) -> { });
        } catch (RuntimeException e) {
            if (seen[0] == null) {
                throw e;
            }
        }
        return seen[0];
    }

    String columns() {
        StringBuilder b = new StringBuilder("# CSV columns\n\n").append(Reference.GENERATED);
        b.append("A run writes `rounds.csv` (a row per round; with several cells, per round and cell) and"
                + " `devices.csv` (a row per device and round). A header is the column's name and its unit"
                + " (`realised_latency_s`: seconds; `_per_` reads `/`). The common columns come first, then the"
                + " protocol's own. Sections add columns: `cells` adds the cell's (`cell`, `members`, `handovers`,"
                + " `interference_up_W_per_Hz`, ...), a TR 38.901 path loss adds each link's state to `devices.csv`,"
                + " a `learning` section the accuracy and loss columns (marked *trained* below). Empty cells are"
                + " values not computed (a round not evaluated); `NaN` a value without a model (energy without an"
                + " energy model). A column's range, where it has one, ends its meaning (an accuracy's is 0 to 1)"
                + ": a sweep's `summary.csv` and `trace.csv` clip their 95% intervals to it. Sweeps write"
                + " `points.csv`, `summary.csv` and `paired.csv`: see the [sweeps guide](../guide/sweeps.md).\n");
        for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
            Protocol<?> p = catalog.protocol(e.getKey()).orElseThrow();
            Scenario s = e.getValue();
            List<String> trainedOnly = new ArrayList<>();
            List<? extends Column<?>> trained = p.roundColumns(s);
            List<String> plain = p.roundColumns(clocks.get(p.name())).stream().map(Column::header).toList();
            for (Column<?> c : trained) {
                if (!plain.contains(c.header())) {
                    trainedOnly.add(c.header());
                }
            }
            Made made = SCENARIOS.get(p.name());
            b.append("\n## ").append(p.name()).append("\n\n### rounds.csv\n\nFrom ").append(link(made.trained()))
                    .append(" (*trained*: not in ").append(link(made.clock())).append(", which runs the clock only).\n\n");
            table(b, trained, trainedOnly);
            b.append("\n### devices.csv\n\nFrom ").append(link(made.clock())).append(".\n\n");
            table(b, runs.get(p.name()).devices().columns(), List.of());
        }
        return b.toString();
    }

    private static String link(String file) {
        return "[" + file + "](../../" + file + ")";
    }

    private static void table(StringBuilder b, List<? extends Column<?>> columns, List<String> trainedOnly) {
        b.append("| column | unit | meaning |\n|---|---|---|\n");
        for (Column<?> c : columns) {
            b.append("| `").append(c.header()).append("` | ").append(c.unit()).append(" | ")
                    .append(Javadoc.plain(c.description())).append(trainedOnly.contains(c.header()) ? " *(trained)*" : "")
                    .append(values(c.range())).append(" |\n");
        }
    }

    /** A bounded column's values, as the summaries clip intervals to them: "; range: 0 to 1". */
    private static String values(org.edgesim.table.Range r) {
        if (!r.bounded()) {
            return "";
        }
        if (Double.isInfinite(r.max())) {
            return "; range: at least " + number(r.min());
        }
        return Double.isInfinite(r.min()) ? "; range: at most " + number(r.max())
                : "; range: " + number(r.min()) + " to " + number(r.max());
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    String snapshots() {
        StringBuilder b = new StringBuilder("# What a scheduler reads\n\n").append(Reference.GENERATED);
        b.append("Each round a scheduler gets a snapshot of what it may know, and answers with a plan. An external"
                + " scheduler (Python, any language) and the step environment receive it as the JSON below; a Java"
                + " scheduler reads the same values from the protocol's snapshot record, whose accessors are the keys"
                + " in camel case without the unit (`speed_hz` is `speedHz()`). A key ends with its unit: `_s`"
                + " seconds, `_hz` hertz, `_w` watts, `_j` joules, `_bits` bits, `_per_` reads `/`; a key without a"
                + " unit is a count, an index or a ratio. Example values are from the first round of the scenario"
                + " named; a list shows its first element and its length.\n");
        for (Map.Entry<String, JsonNode> e : snapshots.entrySet()) {
            b.append("\n## ").append(e.getKey()).append("\n\nFrom ").append(link(SCENARIOS.get(e.getKey()).clock()))
                    .append(".\n\n")
                    .append("| key | type | example |\n|---|---|---|\n");
            keys(b, e.getValue(), "");
        }
        return b.toString();
    }

    private static void keys(StringBuilder b, JsonNode node, String prefix) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String key = prefix + f.getKey();
            JsonNode v = f.getValue();
            if (v.isObject()) {
                b.append("| `").append(key).append("` | object | |\n");
                keys(b, v, key + ".");
            } else if (v.isArray() && !v.isEmpty() && v.get(0).isObject()) {
                b.append("| `").append(key).append("` | list of ").append(v.size()).append(" objects | |\n");
                keys(b, v.get(0), key + "[].");
            } else if (v.isArray()) {
                b.append("| `").append(key).append("` | list of ").append(v.size()).append(v.isEmpty() ? "" : " "
                        + type(v.get(0)) + "s").append(" | ").append(v.isEmpty() ? "" : "`" + v.get(0) + "`, ...")
                        .append(" |\n");
            } else {
                b.append("| `").append(key).append("` | ").append(type(v)).append(" | `").append(v).append("` |\n");
            }
        }
    }

    private static String type(JsonNode v) {
        return v.isIntegralNumber() ? "integer" : v.isNumber() ? "number" : v.isBoolean() ? "boolean"
                : v.isTextual() ? "string" : v.isArray() ? "list" : v.isNull() ? "null" : "object";
    }

    String schedulers() {
        StringBuilder b = new StringBuilder("# Schedulers\n\n").append(Reference.GENERATED);
        b.append("The schedulers built in, by protocol: a scenario names one with `scheduler:` and sets its options"
                + " with `schedulerOptions:`. `edgesim list` prints the same, plug-ins included. What each decides is"
                + " explained on the protocol's page in [docs/models](../models/).\n");
        for (Protocol<?> p : catalog.protocols()) {
            if (!SCENARIOS.containsKey(p.name())) {
                continue;
            }
            b.append("\n## ").append(p.name()).append("\n\n").append(Javadoc.plain(p.description())).append("\n\n")
                    .append("| scheduler | what it does | options |\n|---|---|---|\n");
            for (SchedulerProvider s : catalog.schedulers().all()) {
                if (s.protocol().equals(p.name())) {
                    List<String> options = new ArrayList<>();
                    new TreeMap<>(s.options()).forEach((k, v) -> options.add("`" + k + "`: " + Javadoc.plain(v)));
                    b.append("| `").append(s.name()).append("` | ").append(Javadoc.plain(s.description())).append(" | ")
                            .append(String.join("<br>", options)).append(" |\n");
                }
            }
        }
        return b.toString();
    }
}

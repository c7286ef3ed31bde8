package org.edgesim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.edgesim.protocol.RunResult;
import org.edgesim.report.plot.LatencyChart;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.table.Column;
import org.edgesim.table.Table;

/**
 * Writes one run's folder: {@code rounds.csv}, {@code devices.csv}, {@code manifest.json} and
 * {@code latency.png} (drawn from the CSV), all or nothing.
 */
public final class RunWriter {
    public static final String ROUNDS = "rounds.csv";
    public static final String DEVICES = "devices.csv";
    public static final String MANIFEST = "manifest.json";
    public static final String LATENCY_PNG = "latency.png";
    public static final String EVENTS = "events.csv";

    private RunWriter() {
    }

    /**
     * @param source   the scenario file the run came from (or a description of it)
     * @param wallTime how long the simulation took
     */
    public static Path write(Path target, Scenario scenario, String source, RunResult result, Duration wallTime)
            throws IOException {
        return write(target, scenario, source, result, wallTime, null);
    }

    /**
     * As {@link #write(Path, Scenario, String, RunResult, Duration)}, with the run's events
     * ({@code --events}; null: none): {@code events.csv} and {@code timeline.png/.svg/.pdf}.
     */
    public static Path write(Path target, Scenario scenario, String source, RunResult result, Duration wallTime,
                             EventTrace events) throws IOException {
        return write(target, scenario, source, result, wallTime, events, CodeIdentity.of(List.of(), List.of()));
    }

    /** As above, naming the code that ran ({@code code}: plug-in jars and scheduler scripts included) in the manifest. */
    public static Path write(Path target, Scenario scenario, String source, RunResult result, Duration wallTime,
                             EventTrace events, CodeIdentity code) throws IOException {
        try (RunFolder folder = new RunFolder(target)) {
            CsvTables.write(result.rounds(), folder.file(ROUNDS));
            if (events != null) {
                // The timeline marks each round's straggler by rounds.csv's critical_device: written first.
                CsvTables.write(events.table(), folder.file(EVENTS));
                org.edgesim.report.plot.TimelineChart.draw(folder.file(EVENTS), folder.file(ROUNDS), scenario.name()
                        + " (" + scenario.scheduler() + "): the first rounds", folder.file(EVENTS).getParent());
            }
            CsvTables.write(result.devices(), folder.file(DEVICES));
            writeManifest(folder.file(MANIFEST), scenario, source, result, wallTime, events, code);
            LatencyChart.draw(folder.file(ROUNDS), scenario.name() + " (" + scenario.scheduler() + ", seed "
                    + scenario.seed() + ")", folder.file(LATENCY_PNG));
            folder.commit();
            return folder.target();
        }
    }

    private static void writeManifest(Path file, Scenario scenario, String source, RunResult result, Duration wall,
                                      EventTrace events, CodeIdentity code) throws IOException {
        ObjectMapper mapper = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        ObjectNode m = mapper.createObjectNode();
        m.put("edgesim", BuildInfo.version());
        m.put("scenarioFile", source);
        m.put("seed", scenario.seed());
        m.put("protocol", scenario.protocol().type());
        m.put("scheduler", scenario.scheduler());
        m.put("rounds", scenario.rounds());
        m.set("provenance", mapper.valueToTree(new java.util.TreeMap<>(result.provenance())));
        m.put("wallTimeSeconds", wall.toNanos() / 1e9);
        m.put("java", System.getProperty("java.version"));
        m.set("code", code.toJson(mapper));
        m.set("dependencies", mapper.valueToTree(BuildInfo.dependencies()));
        m.set("scenario", mapper.valueToTree(scenario));
        ObjectNode files = m.putObject("files");
        files.set(ROUNDS, columns(mapper, result.rounds()));
        files.set(DEVICES, columns(mapper, result.devices()));
        files.putObject(LATENCY_PNG).put("drawnFrom", ROUNDS);
        if (events != null) {
            files.set(EVENTS, columns(mapper, events.table()));
            files.putObject("timeline.png").put("drawnFrom", EVENTS);
        }
        mapper.writeValue(file.toFile(), m);
    }

    private static <T> ArrayNode columns(ObjectMapper mapper, Table<T> table) {
        ArrayNode cols = mapper.createArrayNode();
        for (Column<T> c : table.columns()) {
            cols.addObject().put("column", c.header()).put("unit", c.unit()).put("description", c.description());
        }
        return cols;
    }
}

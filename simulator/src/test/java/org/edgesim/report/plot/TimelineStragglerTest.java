package org.edgesim.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.report.EventTrace;
import org.edgesim.report.RunWriter;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.scenario.TestScenarios;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The timeline marks the round's real straggler: {@code rounds.csv}'s {@code critical_device}
 * where the protocol writes one, else the device whose update reached the server last; and it
 * keeps the server and the straggler among its rows however many devices there are.
 */
class TimelineStragglerTest {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path dir;

    /** Every protocol and condition: the golden runs' checked-in events.csv and rounds.csv. */
    static List<Path> runs() throws IOException {
        try (Stream<Path> s = Files.list(GOLDEN)) {
            return s.filter(p -> Files.exists(p.resolve("events.csv"))).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void theMarkedStragglerIsTheRoundsCriticalDevice(Path run) throws Exception {
        Path events = run.resolve("events.csv");
        Path rounds = run.resolve("rounds.csv");
        Map<Integer, String> expected = expectedStragglers(events, rounds);
        assertFalse(expected.isEmpty(), run + ": no round with a straggler to check");
        assertEquals(expected, marked(TimelineChart.chart(events, rounds, "t")), run.toString());
    }

    @Test
    void aLargeRoundKeepsTheServerTheStragglerAndTheExtremesAndSaysHowManyItLeftOut() throws Exception {
        // 150 workers: the first 40 to report are the fastest, which is what the timeline used to draw.
        String yaml = TestScenarios.partelYaml().replace("groups: 3", "groups: 5").replace("workersPerGroup: 2",
                "workersPerGroup: 30");
        Scenario s = Catalog.standard().loader().parse("t.yaml", yaml, ScenarioLoader.Format.YAML);
        EventTrace trace = new EventTrace();
        RunResult r = new Simulation(Catalog.standard()).run(s, 0, RunContext.RoundListener.NONE, trace);
        Path out = RunWriter.write(dir.resolve("run"), s, "t.yaml", r, Duration.ZERO, trace);
        Path events = out.resolve(RunWriter.EVENTS);
        Path rounds = out.resolve(RunWriter.ROUNDS);
        Map<Integer, String> critical = expectedStragglers(events, rounds);
        assertEquals(TimelineChart.ROUNDS, critical.size());
        JFreeChart chart = TimelineChart.chart(events, rounds, "t");
        assertEquals(critical, marked(chart));
        List<String> rows = List.of(((SymbolAxis) chart.getXYPlot().getRangeAxis()).getSymbols());
        assertEquals(TimelineChart.ENTITIES, rows.size());
        assertTrue(rows.containsAll(List.of("access point", "edge server")), "the server side: " + rows);
        // The slowest and the fastest worker of the first rounds (by when its upload arrived) both have a row.
        Map<String, Double> arrival = arrivals(events);
        String slowest = arrival.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        String fastest = arrival.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertTrue(rows.contains(slowest) && rows.contains(fastest), slowest + ", " + fastest + " in " + rows);
        int devices = (int) rows.stream().filter(n -> n.startsWith("worker")).count();
        String caption = chart.getSubtitles().stream().filter(t -> t instanceof TextTitle).map(t -> ((TextTitle) t)
                .getText()).filter(t -> t.contains("left out")).findFirst().orElseThrow();
        assertTrue(caption.startsWith((150 - devices) + " of 150 devices left out"), caption);
    }

    /** Round to the entity each " straggler" mark stands on. */
    private static Map<Integer, String> marked(JFreeChart chart) {
        List<String> rows = List.of(((SymbolAxis) chart.getXYPlot().getRangeAxis()).getSymbols());
        List<String> marks = new ArrayList<>();
        List<Double> at = new ArrayList<>();
        for (XYAnnotation a : chart.getXYPlot().getAnnotations()) {
            if (a instanceof XYTextAnnotation t && t.getText().contains("straggler")) {
                marks.add(rows.get((int) Math.round(t.getY())));
                at.add(t.getX());
            }
        }
        // Marks in time order are rounds 1, 2, ...
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(at::get));
        Map<Integer, String> out = new LinkedHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            out.put(i + 1, marks.get(order.get(i)));
        }
        return out;
    }

    /**
     * Round to its straggler, read independently of the chart: {@code critical_device} where
     * rounds.csv has the column (the device of that number), else the device whose last delivery of
     * its update (upload, return of a model) came last.
     */
    private static Map<Integer, String> expectedStragglers(Path events, Path rounds) throws IOException {
        Map<Integer, String> out = new LinkedHashMap<>();
        Set<String> devices = new LinkedHashSet<>();
        Map<Integer, String> lastDelivery = new LinkedHashMap<>();
        Map<Integer, Double> lastTime = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(events); CSVParser p = CSVParser.parse(r, CSV)) {
            for (CSVRecord row : p) {
                String e = row.get("entity");
                int round = Integer.parseInt(row.get("round"));
                if (e.matches("(device|worker|learner) \\d+")) {
                    devices.add(e);
                    double t = Double.parseDouble(row.get("time_s"));
                    if (Set.of("upload-done", "returned", "model-uploaded").contains(row.get("event"))
                            && t > lastTime.getOrDefault(round, Double.NEGATIVE_INFINITY)) {
                        lastTime.put(round, t);
                        lastDelivery.put(round, e);
                    }
                }
            }
        }
        try (Reader r = Files.newBufferedReader(rounds); CSVParser p = CSVParser.parse(r, CSV)) {
            boolean named = p.getHeaderMap().containsKey("critical_device");
            for (CSVRecord row : p) {
                int round = Integer.parseInt(row.get("round"));
                if (round > TimelineChart.ROUNDS) {
                    continue;
                }
                if (named) {
                    String number = row.get("critical_device");
                    devices.stream().filter(d -> d.endsWith(" " + number)).findFirst().ifPresent(d -> out.put(round, d));
                } else if (lastDelivery.containsKey(round)) {
                    out.put(round, lastDelivery.get(round));
                }
            }
        }
        return out;
    }

    /** Each worker's latest upload, relative to its round's start, over the first rounds. */
    private static Map<String, Double> arrivals(Path events) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        Map<Integer, Double> start = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(events); CSVParser p = CSVParser.parse(r, CSV)) {
            for (CSVRecord row : p) {
                int round = Integer.parseInt(row.get("round"));
                double t = Double.parseDouble(row.get("time_s"));
                if (round > TimelineChart.ROUNDS) {
                    continue;
                }
                start.putIfAbsent(round, t);
                if (row.get("event").equals("upload-done")) {
                    out.merge(row.get("entity"), t - start.get(round), Math::max);
                }
            }
        }
        return out;
    }
}

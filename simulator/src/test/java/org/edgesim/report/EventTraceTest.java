package org.edgesim.report;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events of a run, as {@code run --events} writes them. */
class EventTraceTest {
    @TempDir
    Path dir;

    @Test
    void aPartelRoundsLastEventIsItsEnd() throws Exception {
        Scenario s = Catalog.standard().loader().parse("t.yaml", TestScenarios.partelYaml(), ScenarioLoader.Format.YAML);
        EventTrace trace = new EventTrace();
        RunResult r = new Simulation(Catalog.standard()).run(s, 0, RunContext.RoundListener.NONE, trace);
        double[] end = column(r.rounds(), "end_s");
        double[] start = column(r.rounds(), "start_s");
        List<EventTrace.Row> rows = trace.rows();
        for (int round = 1; round <= end.length; round++) {
            int k = round;
            List<EventTrace.Row> mine = rows.stream().filter(e -> e.round() == k).toList();
            assertEquals("round-start", mine.get(0).event(), "round " + round + " opens with its start");
            assertEquals(start[round - 1], mine.get(0).time(), 1e-12);
            EventTrace.Row last = mine.get(mine.size() - 1);
            assertEquals(end[round - 1], last.time(), 1e-12, "round " + round + " closes at its end: " + last);
            assertEquals("server-update-done", last.event());
            for (EventTrace.Row e : mine) {
                assertTrue(e.since() >= start[round - 1] - 1e-12 && e.since() <= e.time(), e.toString());
            }
        }
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).time() >= rows.get(i - 1).time(), "in firing order");
        }
        // A worker's upload follows its computation: its activity began when the computation ended.
        EventTrace.Row upload = rows.stream().filter(e -> e.event().equals("upload-done")).findFirst().orElseThrow();
        EventTrace.Row computed = rows.stream().filter(e -> e.round() == upload.round()
                && e.entity().equals(upload.entity()) && e.event().equals("compute-done")).findFirst().orElseThrow();
        assertEquals(computed.time(), upload.since());
        // Transfers carry their bits: the broadcast is the whole model, A_p N_p.
        var spec = (org.edgesim.protocol.partel.PartelSpec) s.protocol();
        EventTrace.Row broadcast = rows.stream().filter(e -> e.event().equals("broadcast-done")).findFirst().orElseThrow();
        assertEquals(spec.bitsPerParameter() * spec.modelParameters(), broadcast.amount());
        assertEquals("bit", broadcast.unit());
        assertTrue(rows.stream().filter(e -> e.event().equals("upload-done")).allMatch(e -> e.amount() > 0));
        assertTrue(Double.isNaN(computed.amount()) && computed.unit().isEmpty());

        Path out = RunWriter.write(dir.resolve("run"), s, "t.yaml", r, Duration.ZERO, trace);
        List<String> lines = Files.readAllLines(out.resolve(RunWriter.EVENTS));
        assertEquals("round,time_s,entity,event,since_s,duration_s,amount,amount_unit", lines.get(0));
        assertEquals(rows.size() + 1, lines.size());
        for (String f : List.of("timeline.png", "timeline.svg", "timeline.pdf")) {
            assertTrue(Files.size(out.resolve(f)) > 2000, f);
        }
        assertTrue(Files.readString(out.resolve(RunWriter.MANIFEST)).contains("\"events.csv\""));
    }
}

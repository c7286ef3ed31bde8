package org.edgesim.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.scenario.InvalidField;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A figure with a second metric ({@code y2}): e.g. the planned latency dotted beside the realised one. */
class SecondMetricFigureTest {
    @TempDir
    Path dir;

    private static FigureSpec figure(String y2, String y2Name, String from) {
        return new FigureSpec("both", null, "radio.csiError", null, null, "realised_latency_s_mean", null, null, null,
                null, null, null, null, from, null, null, null, y2, y2Name, null);
    }

    @Test
    void theSecondMetricsLinesFollowTheFirstInTheSameOrder() throws Exception {
        String csv = "point,radio.csiError,scheduler,metric,n,mean,sd,ci95_low,ci95_high\n"
                + "0,0,baseline,planned_latency_s_mean,2,2.0,0,2.0,2.0\n"
                + "0,0,baseline,realised_latency_s_mean,2,2.0,0,2.0,2.0\n"
                + "0,0,joint-paba,planned_latency_s_mean,2,1.0,0,1.0,1.0\n"
                + "0,0,joint-paba,realised_latency_s_mean,2,1.0,0,1.0,1.0\n"
                + "1,3,baseline,planned_latency_s_mean,2,2.0,0,2.0,2.0\n"
                + "1,3,baseline,realised_latency_s_mean,2,2.5,0.1,2.4,2.6\n"
                + "1,3,joint-paba,planned_latency_s_mean,2,0.9,0,0.9,0.9\n"
                + "1,3,joint-paba,realised_latency_s_mean,2,1.6,0.1,1.5,1.7\n";
        Path summary = Files.writeString(dir.resolve("summary.csv"), csv);
        FigureSpec f = figure("planned_latency_s_mean", "planned", null);
        Map<String, YIntervalSeries> lines = StudyFigure.read(summary, f).get("");
        assertEquals(List.of("baseline", "joint-paba", "baseline, planned", "joint-paba, planned"),
                List.copyOf(lines.keySet()));
        assertEquals(1.6, lines.get("joint-paba").getYValue(1));
        assertEquals(0.9, lines.get("joint-paba, planned").getYValue(1));
        assertEquals(2.5, lines.get("baseline").getYValue(1));
        List<Path> written = StudyFigure.draw(summary, f, dir);
        assertTrue(Files.size(written.get(0)) > 5_000, "a PNG");
        assertEquals("joint-paba, planned_latency_s_mean", figure("planned_latency_s_mean", null, null)
                .y2SeriesName("joint-paba"), "the legend names the metric by default");

        IOException missing = assertThrows(IOException.class, () -> StudyFigure.read(summary,
                figure("energy_J_mean", null, null)));
        assertTrue(missing.getMessage().contains("plots metric 'energy_J_mean'"), missing.getMessage());
    }

    @Test
    void onlySummaryFiguresHaveASecondMetric() {
        InvalidField points = assertThrows(InvalidField.class, () -> figure("planned_latency_s_mean", null, "points"));
        assertEquals("y2", points.field());
        InvalidField name = assertThrows(InvalidField.class, () -> figure(null, "planned", null));
        assertEquals("y2Name", name.field());
    }
}

package org.edgesim.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.edgesim.scenario.FigureSpec;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A figure 'from: trace' over rounds some of which were not evaluated (NaN): the line joins the evaluated ones. */
class TraceFigureTest {
    @TempDir
    Path dir;

    @Test
    void roundsNotEvaluatedAreLeftOutSoTheLineJoinsTheOthers() throws Exception {
        String header = "point,protocol.scheme,scheduler,round,metric,n,mean,sd,ci95_low,ci95_high\n";
        StringBuilder csv = new StringBuilder(header);
        double[] accuracy = {Double.NaN, 0.5, Double.NaN, 0.7};
        for (int round = 1; round <= 4; round++) {
            csv.append("0,cpsl,cpsl-gibbs,").append(round).append(",end_s,2,").append(10 * round).append(",0,")
                    .append(10 * round).append(',').append(10 * round).append('\n');
            double a = accuracy[round - 1];
            csv.append("0,cpsl,cpsl-gibbs,").append(round).append(",test_accuracy,2,").append(a).append(",0.1,")
                    .append(a - 0.1).append(',').append(a + 0.1).append('\n');
        }
        Path trace = Files.writeString(dir.resolve("trace.csv"), csv);
        FigureSpec f = new FigureSpec("acc", null, "end_s", null, null, "test_accuracy", null, null, "protocol.scheme",
                null, null, null, null, "trace", null, null, null, null, null, null);
        Map<String, YIntervalSeries> series = StudyFigure.readTrace(trace, f, Map.of()).get("");
        assertEquals(1, series.size(), series.keySet().toString());
        YIntervalSeries s = series.values().iterator().next();
        assertEquals(2, s.getItemCount(), "rounds 1 and 3 were not evaluated");
        assertEquals(20.0, s.getX(0).doubleValue());
        assertEquals(0.5, s.getYValue(0));
        assertEquals(40.0, s.getX(1).doubleValue());
        assertEquals(0.7, s.getYValue(1), 1e-12);
    }
}

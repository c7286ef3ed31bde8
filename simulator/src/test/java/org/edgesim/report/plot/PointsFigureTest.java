package org.edgesim.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.edgesim.scenario.FigureSpec;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A figure 'from: points': the median and the 5th-95th percentile band of a metric over the replications. */
class PointsFigureTest {
    @TempDir
    Path dir;

    @Test
    void medianAndPercentileBandPerPointAndSeries() throws Exception {
        StringBuilder csv = new StringBuilder("point,radio.csiError,scheduler,replication,latency_gap_s_mean\n");
        double[] gaps = {5, 1, 4, 2, 3}; // sorted 1..5: median 3; with 5 values the 5th and 95th are the extremes
        for (int r = 0; r < gaps.length; r++) {
            csv.append("0,2,joint-paba,").append(r).append(',').append(gaps[r]).append('\n');
            csv.append("0,2,baseline,").append(r).append(',').append(10 * gaps[r]).append('\n');
        }
        csv.append("1,4,joint-paba,0,NaN\n1,4,joint-paba,1,7\n");
        Path points = Files.writeString(dir.resolve("points.csv"), csv);
        FigureSpec f = new FigureSpec("gap", null, "radio.csiError", null, null, "latency_gap_s_mean", null, null, null,
                null, null, null, null, "points", null, null, null, null, null, null);
        Map<String, Map<String, YIntervalSeries>> panels = StudyFigure.readPoints(points, f, Map.of());
        YIntervalSeries joint = panels.get("").get("joint-paba");
        assertEquals(2, joint.getItemCount());
        assertEquals(3.0, joint.getYValue(0));
        assertEquals(1.0, joint.getYLowValue(0));
        assertEquals(5.0, joint.getYHighValue(0));
        assertEquals(7.0, joint.getYValue(1), "a NaN run is left out");
        assertEquals(30.0, panels.get("").get("baseline").getYValue(0));
        List<Path> written = StudyFigure.draw(points, f, dir);
        assertTrue(Files.size(written.get(0)) > 5_000, "a PNG");
    }
}

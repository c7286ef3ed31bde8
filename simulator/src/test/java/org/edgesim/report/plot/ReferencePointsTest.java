package org.edgesim.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.scenario.ReferenceData;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A figure's reference points (e.g. the paper's numbers) drawn beside the results, hollow, in their series' colours. */
class ReferencePointsTest {
    @TempDir
    Path dir;

    private static final String SUMMARY = """
            point,radio.bandwidth,scheduler,metric,n,mean,sd,ci95_low,ci95_high
            0,10000000,baseline,latency,3,2,0.1,1.9,2.1
            1,20000000,baseline,latency,3,1,0.1,0.9,1.1
            0,10000000,joint-paba,latency,3,1.5,0.1,1.4,1.6
            1,20000000,joint-paba,latency,3,0.7,0.1,0.6,0.8
            """;

    private Path reference() throws IOException {
        return Files.writeString(dir.resolve("paper.csv"), """
                # the paper's Fig. 5a, Sec. VII: numbers as stated
                series,x,y,low,high
                joint-paba,10000000,1.2,1.1,1.3
                joint-paba,20000000,0.6,0.5,0.7
                """);
    }

    private static FigureSpec figure() throws IOException {
        return new ObjectMapper().readValue("""
                {"name": "f", "x": "radio.bandwidth", "xScale": 1e-6, "y": "latency",
                 "referenceData": {"file": "paper.csv"}}
                """, FigureSpec.class);
    }

    @Test
    void referencePointsAreHollowMarkersInTheirSeriesColourWithTheirIntervals() throws Exception {
        Path summary = Files.writeString(dir.resolve("summary.csv"), SUMMARY);
        FigureSpec f = figure();
        List<ReferenceData.Point> points = ReferenceData.read(reference());
        Map<String, YIntervalSeries> series = StudyFigure.read(summary, f, Map.of()).get("");
        JFreeChart chart = StudyFigure.chart(f, "", series, Map.of(), Layout.SCREEN, null,
                ReferenceMarks.series(f, "", points, Map.of()));
        XYPlot plot = chart.getXYPlot();
        XYDataset refs = plot.getDataset(1);
        assertNotNull(refs, "a second dataset holds the reference points");
        assertEquals("joint-paba (paper)", refs.getSeriesKey(0));
        assertEquals(10.0, refs.getXValue(0, 0), 1e-12, "scaled as the figure scales its x");
        assertEquals(1.2, refs.getYValue(0, 0));
        XYItemRenderer r = plot.getRenderer(1);
        assertEquals(plot.getRenderer(0).getSeriesPaint(1), r.getSeriesPaint(0), "joint-paba's colour");
        assertFalse(((XYErrorRenderer) r).getDefaultShapesFilled(), "hollow markers");
        assertTrue(((XYErrorRenderer) r).getDrawYError(), "the stated interval as a bar");
        assertFalse(((XYErrorRenderer) r).getDefaultLinesVisible(), "points, not a line");
        List<Path> files = StudyFigure.draw(summary, f, dir, Map.of(), reference());
        assertEquals(3, files.size());
    }

    @Test
    void aReferenceFileWithoutYOrWithAWordForANumberIsRefusedSayingWhere() throws Exception {
        Path noY = Files.writeString(dir.resolve("a.csv"), "x,value\n1,2\n");
        assertTrue(assertThrows(IOException.class, () -> ReferenceData.read(noY)).getMessage().contains("needs column 'y'"));
        Path word = Files.writeString(dir.resolve("b.csv"), "# c\nx,y\n1,2\n3,lots\n");
        assertTrue(assertThrows(IOException.class, () -> ReferenceData.read(word)).getMessage().contains("'lots'"));
    }
}

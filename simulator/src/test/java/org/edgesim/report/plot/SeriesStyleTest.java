package org.edgesim.report.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Paint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.edgesim.simulation.Catalog;
import org.edgesim.scenario.FigureSpec;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scheduler is drawn alike in every figure; a figure's series never share a style. */
class SeriesStyleTest {
    @TempDir
    Path dir;

    private static FigureSpec figure(Map<String, String> names) {
        return new FigureSpec("f", null, "round", null, null, "y", null, null, null, null, null, null, false, null,
                names, null, null, null, null, null);
    }

    private static Map<String, YIntervalSeries> series(String... names) {
        Map<String, YIntervalSeries> out = new LinkedHashMap<>();
        for (String n : names) {
            YIntervalSeries s = new YIntervalSeries(n, true, false);
            for (int r = 1; r <= 5; r++) {
                s.add(r, r * n.length(), r, r);
            }
            out.put(n, s);
        }
        return out;
    }

    private static Paint paint(JFreeChart chart, int series) {
        return ((XYPlot) chart.getPlot()).getRenderer().getSeriesPaint(series);
    }

    @Test
    void aSchedulerHasTheSameColourInTwoFigures() {
        // The proposed FEEL scheme is the first line of one figure and the third of another, once under a legend name.
        JFreeChart a = StudyFigure.chart(figure(null), "", series("feel-proposed", "feel-online-equal-slots"));
        JFreeChart b = StudyFigure.chart(figure(Map.of("feel-proposed", "proposed")), "",
                series("feel-fedavg", "feel-individual", "proposed"));
        assertEquals(paint(a, 0), paint(b, 2));
        assertEquals(SeriesStyle.of(3).colour(), paint(a, 0), "every paper's proposed scheme: style 3");
        assertNotEquals(paint(b, 0), paint(b, 1));
    }

    @Test
    void everyCataloguedSchedulerHasAStyleAndOnePapersAreAllDifferent() {
        var registry = Catalog.standard().schedulers();
        for (String protocol : List.of("partel", "feel", "async-mel", "cpsl")) {
            Set<Integer> seen = new HashSet<>();
            for (String name : registry.names(protocol)) {
                Integer style = SeriesStyle.BUILT_IN.get(name);
                assertTrue(style != null, name + " has no style in SeriesStyle.BUILT_IN");
                assertTrue(seen.add(style), protocol + ": " + name + " shares style " + style);
            }
        }
    }

    @Test
    void otherSeriesTakeTheFreeStyles() {
        int[] styles = SeriesStyle.assign(List.of("joint-paba", "my-plugin", "baseline", "other"));
        assertArrayEquals(new int[] {3, 1, 0, 2}, styles, "built-ins keep theirs; the rest fill 1 and 2");
    }

    @Test
    void wholeNumberAxesTickAtWholeNumbersAndPanelsReadPlainly() {
        JFreeChart chart = StudyFigure.chart(figure(null), "", series("baseline"));
        NumberAxis x = (NumberAxis) ((XYPlot) chart.getPlot()).getDomainAxis();
        assertEquals(NumberAxis.createIntegerTickUnits().getClass(), x.getStandardTickUnits().getClass());
        assertTrue(x.getStandardTickUnits().getCeilingTickUnit(0.4).getSize() >= 1, "no tick at 1.5 rounds");
        assertEquals("Gibbs δ = 1e-4", StudyFigure.panelLabel("protocol.gibbsDelta = 1.0E-4"));
        assertEquals("cycle = 7.5", StudyFigure.panelLabel("protocol.cycle = 7.5"));
        assertEquals("partition = iid", StudyFigure.panelLabel("protocol.partition = iid"));
    }

    @Test
    void thePdfIsTheSameBytesEveryTime() throws Exception {
        JFreeChart chart = StudyFigure.chart(figure(null), "", series("baseline", "joint-paba"));
        Path one = Files.createDirectories(dir.resolve("one"));
        Path two = Files.createDirectories(dir.resolve("two"));
        ChartFiles.write(chart, one, "f", 400, 300);
        Thread.sleep(1100);
        ChartFiles.write(chart, two, "f", 400, 300);
        byte[] a = Files.readAllBytes(one.resolve("f.pdf"));
        assertTrue(new String(a, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("%PDF"));
        assertArrayEquals(a, Files.readAllBytes(two.resolve("f.pdf")));
        assertArrayEquals(Files.readAllBytes(one.resolve("f.svg")), Files.readAllBytes(two.resolve("f.svg")));
    }
}

package org.edgesim.report.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.scenario.ParameterUnits;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.YIntervalSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No text of a figure is clipped or drawn over another: every figure (and panel) of every shipped
 * scenario, in its quick study, in every layout, drawn from synthetic results of the study's own
 * points, schedulers and names and its reference points, with the text boxes measured in the
 * chart's own layout (titles, axis labels, tick labels, legend entries). Scenarios are read without their data checks, so
 * figures of data not installed here are checked too.
 */
class FigureTextLayoutTest {
    private static final Path SCENARIOS = Path.of("..", "scenarios");
    /** Ink boxes may touch; they overlap when they share more than this, in points or pixels. */
    private static final double SLACK = 0.5;

    static Stream<Arguments> scenariosAndLayouts() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(SCENARIOS)) {
            files = s.filter(p -> p.toString().endsWith(".yaml") && !calibration(p)).sorted().toList();
        }
        return FigureSpec.LAYOUTS.stream().flatMap(l -> files.stream().map(f -> Arguments.of(SCENARIOS.relativize(f)
                .toString(), l)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scenariosAndLayouts")
    void noTextOverlapsAnotherOrLeavesTheCanvas(String file, String layoutName) throws Exception {
        Study study = new StudyLoader(new ScenarioLoader()).load(SCENARIOS.resolve(file), true);
        if (study.base().figures() == null) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (FigureSpec spec : study.base().figures()) {
            if (spec.speedupTable()) {
                continue;
            }
            FigureSpec f = spec.withLayout(layoutName);
            Map<String, String> units = new LinkedHashMap<>();
            for (String path : new String[] {f.x(), f.panel(), f.series()}) {
                if (path != null) {
                    units.put(path, ParameterUnits.of(study.base(), path));
                }
            }
            List<org.edgesim.scenario.ReferenceData.Point> points = f.referenceData() == null ? List.of()
                    : org.edgesim.scenario.ReferenceData.read(f.referenceData().besides(study.source()));
            for (var panel : synthetic(study, f, units).entrySet()) {
                Layout layout = Layout.of(layoutName);
                JFreeChart chart = StudyFigure.chart(f, panel.getKey(), panel.getValue(), units, layout,
                        f.fromPaired() ? study.reference() : null,
                        ReferenceMarks.series(f, panel.getKey(), points, units));
                Dimension size = ChartFiles.canvas(chart, layout.width(), layout.height());
                problems.addAll(problems(f.name() + panel.getKey(), TextBoxes.of(chart, size.width, size.height), size));
            }
        }
        assertTrue(problems.isEmpty(), file + " in layout " + layoutName + ":\n" + String.join("\n", problems));
    }

    @Test
    void theCheckSeesAnOverlapAndAClippedText() throws Exception {
        FigureSpec f = new com.fasterxml.jackson.databind.ObjectMapper().readValue("""
                {"name": "f", "x": "radio.bandwidth", "y": "latency",
                 "yLabel": "a y-axis label far too long for a plot one column wide and 2.5 inches tall", "layout": "column"}
                """, FigureSpec.class);
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        YIntervalSeries s = new YIntervalSeries("baseline", true, false);
        s.add(1, 2, 1.9, 2.1);
        s.add(2, 1, 0.9, 1.1);
        series.put("baseline", s);
        JFreeChart chart = StudyFigure.chart(f, "", series, Map.of(), Layout.COLUMN, null);
        Dimension size = new Dimension(Layout.COLUMN.width(), Layout.COLUMN.height());
        List<String> found = problems("f", TextBoxes.of(chart, size.width, size.height), size);
        assertFalse(found.isEmpty(), "the long y label runs off the canvas");
        List<TextBoxes.Box> two = List.of(new TextBoxes.Box("a", new Rectangle2D.Double(0, 0, 10, 10)),
                new TextBoxes.Box("b", new Rectangle2D.Double(5, 5, 10, 10)));
        assertEquals(1, problems("g", two, new Dimension(100, 100)).size());
    }

    /** Pairs of text boxes that overlap, and boxes that leave the {@code size} canvas. */
    static List<String> problems(String figure, List<TextBoxes.Box> boxes, Dimension size) {
        List<String> out = new ArrayList<>();
        Rectangle2D canvas = new Rectangle2D.Double(-SLACK, -SLACK, size.width + 2 * SLACK, size.height + 2 * SLACK);
        for (int i = 0; i < boxes.size(); i++) {
            TextBoxes.Box a = boxes.get(i);
            if (!canvas.contains(a.bounds())) {
                out.add(figure + ": " + a + " leaves the " + size.width + " x " + size.height + " canvas");
            }
            for (int j = i + 1; j < boxes.size(); j++) {
                TextBoxes.Box b = boxes.get(j);
                Rectangle2D both = a.bounds().createIntersection(b.bounds());
                if (both.getWidth() > SLACK && both.getHeight() > SLACK) {
                    out.add(figure + ": " + a + " overlaps " + b);
                }
            }
        }
        return out;
    }

    /**
     * Panel to legend name to points, as the study's results would give them: its panels' and
     * series' values, its x values (quick sweep), and made-up y values with intervals.
     */
    private static Map<String, Map<String, YIntervalSeries>> synthetic(Study study, FigureSpec f,
                                                                        Map<String, String> units) {
        List<String> panels = f.panel() == null ? List.of("") : values(study, f.panel()).stream()
                .map(v -> f.panel() + " = " + v).toList();
        List<String> keys = f.seriesOrDefault().equals("scheduler") ? new ArrayList<>(study.schedulers())
                : values(study, f.series());
        if (f.fromPaired()) {
            keys.remove(study.reference());
        }
        List<Double> xs = new ArrayList<>();
        if (f.fromTrace()) {
            for (int r = 1; r <= Math.max(2, study.base().rounds()); r++) {
                xs.add(f.x().equals("round") ? r : 2.5 * r);
            }
        } else {
            int k = study.parameters().indexOf(f.x());
            Set<Double> seen = new LinkedHashSet<>();
            study.points().forEach(p -> seen.add(p.values().get(k)));
            xs.addAll(seen);
        }
        Map<String, Map<String, YIntervalSeries>> out = new LinkedHashMap<>();
        for (String panel : panels) {
            Map<String, YIntervalSeries> lines = new LinkedHashMap<>();
            List<String> names = new ArrayList<>();
            keys.forEach(key -> names.add(StudyFigure.legend(f, key, units)));
            if (f.y2() != null) {
                keys.forEach(key -> names.add(StudyFigure.legend(f, key, units) + ", " + f.y2Legend()));
            }
            for (int s = 0; s < names.size(); s++) {
                YIntervalSeries line = new YIntervalSeries(names.get(s), true, false);
                for (int i = 0; i < xs.size(); i++) {
                    double y = f.yFactor() * (3.21 + 7.65 / (i + 1)) * (1 + 0.13 * s);
                    line.add(xs.get(i) * f.xFactor(), y, 0.95 * y, 1.05 * y);
                }
                lines.put(names.get(s), line);
            }
            out.put(panel, lines);
        }
        return out;
    }

    /** The values of swept parameter {@code path}, as the results write them, in the study's order. */
    private static List<String> values(Study study, String path) {
        int k = study.parameters().indexOf(path);
        Set<String> seen = new LinkedHashSet<>();
        for (Study.Point p : study.points()) {
            seen.add(p.key(k));
        }
        return new ArrayList<>(seen);
    }

    /** A channel calibration file draws its own CDF figures (CalibrationStudy), not a study's. */
    private static boolean calibration(Path p) {
        try {
            return org.edgesim.scenario.CalibrationSpec.isCalibration(Files.readString(p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

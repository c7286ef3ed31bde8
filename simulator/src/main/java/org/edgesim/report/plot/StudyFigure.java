package org.edgesim.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.scenario.ParameterNames;
import org.edgesim.scenario.ReferenceData;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A study's figure in paper style, drawn from {@code summary.csv}, {@code trace.csv} or
 * {@code points.csv} alone (so any result can be re-plotted without re-running): the mean of one
 * metric against a swept parameter, of one round column against another round by round (e.g.
 * accuracy against cumulative latency), or the median of a metric over the replications; one line
 * with markers per series, 95% confidence intervals (or the 5th-95th percentile band) as error
 * bars, PNG, SVG and PDF.
 */
public final class StudyFigure {
    public static final int WIDTH = Layout.SCREEN.width();
    public static final int HEIGHT = Layout.SCREEN.height();

    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private StudyFigure() {
    }

    /**
     * Draws {@code figure} from {@code csv} ({@code summary.csv}, or {@code trace.csv} for a figure
     * {@code from: trace}) into {@code folder}; returns the files written.
     */
    public static List<Path> draw(Path csv, FigureSpec figure, Path folder) throws IOException {
        return draw(csv, figure, folder, Map.of());
    }

    /**
     * As {@link #draw(Path, FigureSpec, Path)}; {@code units} gives the unit of a swept parameter
     * (path to {@code "s"}, {@code "Hz"}) for panel titles and default axis labels.
     */
    public static List<Path> draw(Path csv, FigureSpec figure, Path folder, Map<String, String> units)
            throws IOException {
        return draw(csv, figure, folder, units, null);
    }

    /**
     * As {@link #draw(Path, FigureSpec, Path, Map)}, with the figure's reference points from
     * {@code referenceCsv} ({@link ReferenceData}; null: none) beside the results.
     */
    public static List<Path> draw(Path csv, FigureSpec figure, Path folder, Map<String, String> units,
                                  Path referenceCsv) throws IOException {
        List<ReferenceData.Point> points = referenceCsv == null ? List.of() : ReferenceData.read(referenceCsv);
        Map<String, Map<String, YIntervalSeries>> panels = panels(csv, figure, units);
        List<Path> written = new ArrayList<>();
        Layout layout = Layout.of(figure.layout());
        String reference = figure.fromPaired() ? reference(csv) : null;
        for (var panel : panels.entrySet()) {
            String base = stem(figure, panel.getKey());
            JFreeChart chart = chart(figure, panel.getKey(), panel.getValue(), units, layout, reference,
                    ReferenceMarks.series(figure, panel.getKey(), points, units));
            written.addAll(ChartFiles.write(chart, folder, base, layout));
        }
        return written;
    }

    /** The figure's panels from {@code csv}; a damaged file is an IOException naming it and the line. */
    private static Map<String, Map<String, YIntervalSeries>> panels(Path csv, FigureSpec figure,
                                                                    Map<String, String> units) throws IOException {
        try {
            return figure.fromTrace() ? readTrace(csv, figure, units) : figure.fromPoints()
                    ? readPoints(csv, figure, units) : read(csv, figure, units);
        } catch (CsvRows.DamagedCsvException e) {
            throw new IOException(e.getMessage(), e);
        } catch (java.io.UncheckedIOException e) {
            // commons-csv's words for a broken record begin "(line N)" or "(startline N)".
            String why = e.getCause().getMessage() == null ? "cannot be read" : e.getCause().getMessage();
            throw new IOException(csv + ": damaged" + why.replaceFirst("^\\((?:start)?line (\\d+)\\)\\s*", " at line $1: ")
                    .replaceFirst("^(?! at line)", ": "), e);
        }
    }

    /** The file name, without extension, of {@code figure}'s panel {@code panel} ("" when it has none). */
    private static String stem(FigureSpec figure, String panel) {
        return FigureSpec.fileStem(figure.name(), panel);
    }

    /**
     * Whether a file named {@code stem} (without extension) is {@code figure}'s: its name, or with
     * a {@code panel}, one of its panels ({@code <name>-<panel>_<value>}), and not another figure's
     * whose name merely begins the same ({@code <name>-gap}).
     */
    public static boolean drawnBy(FigureSpec figure, String stem) {
        return stem.equals(figure.name())
                || figure.panel() != null && stem.startsWith(stem(figure, figure.panel() + " = "));
    }

    /**
     * Panel value to series name to points, from {@code points.csv}: per value of {@code x}, the
     * median of metric {@code y} over the replications, with the 5th and 95th percentiles as the
     * interval (Apache Commons Math's default estimator); NaN values (a run without one) are left out.
     */
    static Map<String, Map<String, YIntervalSeries>> readPoints(Path pointsCsv, FigureSpec f, Map<String, String> units)
            throws IOException {
        Map<String, Map<String, Map<Double, List<Double>>>> values = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(pointsCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(r, WITH_HEADER)) {
            List<String> header = parser.getHeaderNames();
            for (String column : new String[] {f.x(), f.seriesOrDefault(), f.y()}) {
                if (!header.contains(column)) {
                    throw new IOException(pointsCsv + ": figure " + f.name() + " needs column '" + column + "'");
                }
            }
            if (f.panel() != null && !header.contains(f.panel())) {
                throw new IOException(pointsCsv + ": figure " + f.name() + " needs column '" + f.panel() + "'");
            }
            for (CSVRecord row : parser) {
                double v = CsvRows.number(pointsCsv, row, f.y());
                if (Double.isNaN(v)) {
                    continue;
                }
                String panel = f.panel() == null ? "" : f.panel() + " = " + CsvRows.text(pointsCsv, row, f.panel());
                values.computeIfAbsent(panel, k -> new LinkedHashMap<>())
                        .computeIfAbsent(legend(f, CsvRows.text(pointsCsv, row, f.seriesOrDefault()), units),
                                k -> new LinkedHashMap<>())
                        .computeIfAbsent(CsvRows.number(pointsCsv, row, f.x()) * f.xFactor(), k -> new ArrayList<>())
                        .add(v * f.yFactor());
            }
        }
        Map<String, Map<String, YIntervalSeries>> panels = new LinkedHashMap<>();
        Percentile p = new Percentile();
        for (var panel : values.entrySet()) {
            for (var series : panel.getValue().entrySet()) {
                YIntervalSeries s = panels.computeIfAbsent(panel.getKey(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(series.getKey(), k -> new YIntervalSeries(k, true, false));
                for (var at : series.getValue().entrySet()) {
                    p.setData(at.getValue().stream().mapToDouble(Double::doubleValue).toArray());
                    s.add(at.getKey(), p.evaluate(50), p.evaluate(5), p.evaluate(95));
                }
            }
        }
        if (panels.isEmpty()) {
            throw new IOException(pointsCsv + ": figure " + f.name() + " has no value of '" + f.y() + "' to plot");
        }
        return panels;
    }

    /** Panel value to series name to points. */
    static Map<String, Map<String, YIntervalSeries>> read(Path summaryCsv, FigureSpec f) throws IOException {
        return read(summaryCsv, f, Map.of());
    }

    /** As {@link #read(Path, FigureSpec)}, swept series values in legends with their {@code units}. */
    static Map<String, Map<String, YIntervalSeries>> read(Path summaryCsv, FigureSpec f, Map<String, String> units)
            throws IOException {
        Map<String, Map<String, YIntervalSeries>> panels = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(summaryCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(r, WITH_HEADER)) {
            List<String> header = parser.getHeaderNames();
            for (String column : new String[] {f.x(), f.seriesOrDefault()}) {
                if (!header.contains(column)) {
                    throw new IOException(summaryCsv + ": figure " + f.name() + " needs column '" + column
                            + "'; the study has " + header.subList(0, header.indexOf("metric")));
                }
            }
            if (f.panel() != null && !header.contains(f.panel())) {
                throw new IOException(summaryCsv + ": figure " + f.name() + " needs column '" + f.panel() + "'");
            }
            boolean found = false;
            boolean found2 = false;
            // The y2 lines wait, so that they follow all the y lines in the same order (and colours).
            Map<String, Map<String, YIntervalSeries>> second = new LinkedHashMap<>();
            for (CSVRecord row : parser) {
                String metric = CsvRows.text(summaryCsv, row, "metric");
                boolean first = metric.equals(f.y());
                if (!first && !metric.equals(f.y2())) {
                    continue;
                }
                found |= first;
                found2 |= !first;
                String panel = f.panel() == null ? "" : f.panel() + " = " + CsvRows.text(summaryCsv, row, f.panel());
                String value = CsvRows.text(summaryCsv, row, f.seriesOrDefault());
                String name = legend(f, value, units) + (first ? "" : ", " + f.y2Legend());
                YIntervalSeries s = (first ? panels : second).computeIfAbsent(panel, k -> new LinkedHashMap<>())
                        .computeIfAbsent(name, k -> new YIntervalSeries(k, true, false));
                double x = CsvRows.number(summaryCsv, row, f.x()) * f.xFactor();
                double k = f.yFactor();
                s.add(x, CsvRows.number(summaryCsv, row, f.fromPaired() ? "mean_difference" : "mean") * k,
                        CsvRows.number(summaryCsv, row, "ci95_low") * k,
                        CsvRows.number(summaryCsv, row, "ci95_high") * k);
            }
            if (!found || (f.y2() != null && !found2)) {
                throw new IOException(summaryCsv + ": figure " + f.name() + " plots metric '" + (found ? f.y2() : f.y())
                        + "', which the study does not have");
            }
            for (var panel : second.entrySet()) {
                Map<String, YIntervalSeries> lines = panels.get(panel.getKey());
                if (lines == null || lines.size() != panel.getValue().size()) {
                    throw new IOException(summaryCsv + ": figure " + f.name() + ": metrics '" + f.y() + "' and '"
                            + f.y2() + "' have different series");
                }
                lines.putAll(panel.getValue());
            }
        }
        return panels;
    }

    /**
     * Panel value to series name to points, from {@code trace.csv}: per point, scheduler and round,
     * the mean of round column {@code x} and the mean and interval of round column {@code y}.
     */
    static Map<String, Map<String, YIntervalSeries>> readTrace(Path traceCsv, FigureSpec f,
                                                                       Map<String, String> units) throws IOException {
        Map<String, Map<String, YIntervalSeries>> panels = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(traceCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(r, WITH_HEADER)) {
            List<String> header = parser.getHeaderNames();
            List<String> keys = header.subList(0, header.indexOf("metric"));
            for (String column : f.panel() == null ? List.of(f.seriesOrDefault()) : List.of(f.seriesOrDefault(), f.panel())) {
                if (!keys.contains(column)) {
                    throw new IOException(traceCsv + ": figure " + f.name() + " needs column '" + column
                            + "'; the trace has " + keys);
                }
            }
            // Per (point, scheduler, round): the x mean, once seen; the y row waits for it if it comes first.
            Map<String, Double> xs = new java.util.HashMap<>();
            Map<String, CSVRecord> ys = new LinkedHashMap<>();
            java.util.Set<String> metrics = new java.util.LinkedHashSet<>();
            for (CSVRecord row : parser) {
                String metric = CsvRows.text(traceCsv, row, "metric");
                metrics.add(metric);
                String key = CsvRows.text(traceCsv, row, "point") + "/" + CsvRows.text(traceCsv, row, "scheduler") + "/"
                        + CsvRows.text(traceCsv, row, "round");
                if (metric.equals(f.x())) {
                    xs.put(key, CsvRows.number(traceCsv, row, "mean"));
                }
                if (metric.equals(f.y())) {
                    ys.put(key, row);
                }
            }
            boolean byRound = f.x().equals("round");
            for (String m : byRound ? new String[] {f.y()} : new String[] {f.x(), f.y()}) {
                if (!metrics.contains(m)) {
                    throw new IOException(traceCsv + ": figure " + f.name() + " plots round column '" + m
                            + "', which the trace does not have; it has " + metrics);
                }
            }
            for (var e : ys.entrySet()) {
                CSVRecord row = e.getValue();
                if (Double.isNaN(CsvRows.number(traceCsv, row, "mean"))) {
                    continue; // a round not evaluated (learning.evaluation.every): the line joins its neighbours
                }
                String panel = f.panel() == null ? "" : f.panel() + " = " + CsvRows.text(traceCsv, row, f.panel());
                YIntervalSeries s = panels.computeIfAbsent(panel, k -> new LinkedHashMap<>())
                        .computeIfAbsent(legend(f, CsvRows.text(traceCsv, row, f.seriesOrDefault()), units),
                                k -> new YIntervalSeries(k, true, false));
                double k = f.yFactor();
                double x = byRound ? CsvRows.number(traceCsv, row, "round") : xs.get(e.getKey());
                s.add(x * f.xFactor(), CsvRows.number(traceCsv, row, "mean") * k,
                        CsvRows.number(traceCsv, row, "ci95_low") * k, CsvRows.number(traceCsv, row, "ci95_high") * k);
            }
        }
        return panels;
    }

    static JFreeChart chart(FigureSpec f, String panel, Map<String, YIntervalSeries> series) {
        return chart(f, panel, series, Map.of(), Layout.SCREEN, null);
    }

    /** The reference scheduler of a {@code paired.csv}. */
    private static String reference(Path pairedCsv) throws IOException {
        try (Reader r = Files.newBufferedReader(pairedCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(r, WITH_HEADER)) {
            for (CSVRecord row : parser) {
                return CsvRows.text(pairedCsv, row, "reference");
            }
        }
        throw new IOException(pairedCsv + " holds no paired difference");
    }

    static JFreeChart chart(FigureSpec f, String panel, Map<String, YIntervalSeries> series, Map<String, String> units,
                            Layout layout, String reference) {
        return chart(f, panel, series, units, layout, reference, Map.of());
    }

    /** The figure's chart; {@code references}: series value to its reference points ({@link ReferenceMarks#series}). */
    static JFreeChart chart(FigureSpec f, String panel, Map<String, YIntervalSeries> series, Map<String, String> units,
                            Layout layout, String reference, Map<String, YIntervalSeries> references) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        series.values().forEach(data::addSeries);
        Font label = layout.label();
        Font ticks = layout.ticks();
        String xUnit = units.getOrDefault(f.x(), "");
        String xLabel = f.xLabel() != null ? f.xLabel()
                : ParameterNames.of(f.x()) + (xUnit.isEmpty() || f.xScale() != null ? "" : " (" + xUnit + ")");
        String yLabel = f.yLabel() != null ? f.yLabel() : f.y();
        if (f.fromPaired()) {
            yLabel += ", minus " + (reference == null ? "the reference's" : f.seriesName(reference) + "'s");
        }
        ValueAxis x = axis(xLabel, Boolean.TRUE.equals(f.logX()));
        ValueAxis y = axis(yLabel, Boolean.TRUE.equals(f.logY()));
        for (ValueAxis a : new ValueAxis[] {x, y}) {
            a.setLabelFont(label);
            a.setTickLabelFont(ticks);
        }
        // A log axis over two decades or more ticks at decades; a shorter one at round numbers (RoundLogAxis).
        for (ValueAxis a : new ValueAxis[] {x, y}) {
            if (a instanceof LogAxis log && span(series.values(), a == x) >= 100) {
                log.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
        }
        // An axis of whole numbers (rounds, cycles, devices) ticks at whole numbers only.
        if (x instanceof NumberAxis nx && allWhole(series.values(), true)) {
            nx.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        if (y instanceof NumberAxis ny && allWhole(series.values(), false)) {
            ny.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        XYErrorRenderer renderer = new XYErrorRenderer();
        renderer.setDrawXError(false);
        renderer.setDrawYError(f.drawErrorBars());
        renderer.setDefaultLinesVisible(true);
        // Markers on every point, unless a line has so many (a long trace) that they would hide it.
        int most = series.values().stream().mapToInt(YIntervalSeries::getItemCount).max().orElse(0);
        renderer.setDefaultShapesVisible(most <= 40);
        renderer.setErrorStroke(new BasicStroke(1.2f));
        renderer.setCapLength(6);
        // With a y2 metric the second half of the lines are the first half's y2, dotted in their colours.
        int lines = f.y2() == null ? series.size() : series.size() / 2;
        // A scheduler keeps its colour, marker and dash in every figure (SeriesStyle); distinct markers and dashes
        // keep a curve lying on another (two schedulers reaching the same optimum) visible, in greyscale too.
        List<String> names = new ArrayList<>(series.keySet());
        int[] styles = SeriesStyle.assign(names.subList(0, lines).stream().map(n -> rawKey(f, n)).toList());
        for (int i = 0; i < series.size(); i++) {
            SeriesStyle style = SeriesStyle.of(styles[i % lines]);
            renderer.setSeriesPaint(i, style.colour());
            renderer.setSeriesShape(i, layout.marker() == 1 ? style.marker()
                    : java.awt.geom.AffineTransform.getScaleInstance(layout.marker(), layout.marker())
                    .createTransformedShape(style.marker()));
            if (i >= lines) {
                // The y2 line of series i - lines: finely dotted in its colour, unlike any series' dash.
                renderer.setSeriesStroke(i, new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {0.5f, 3f}, 0f));
                renderer.setSeriesShapesVisible(i, false);
                continue;
            }
            renderer.setSeriesStroke(i, style.stroke(layout.stroke()));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        if (!references.isEmpty()) {
            List<String> keys = names.subList(0, lines).stream().map(n -> rawKey(f, n)).toList();
            plot.setDataset(1, ReferenceMarks.data(references));
            plot.setRenderer(1, ReferenceMarks.renderer(references, keys, styles, layout));
            plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD); // points over lines
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xcccccc));
        plot.setRangeGridlinePaint(new Color(0xcccccc));
        String title = (f.title() == null ? f.name() : f.title()) + (panel.isEmpty() ? "" : " ("
                + panelLabel(panel, units.getOrDefault(f.panel(), "")) + ")");
        // "Fig. 5a" and "Table II" never break across lines of a wrapped title.
        title = title.replaceAll("\\b(Figs?\\.|Table) ", "$1\u00a0");
        JFreeChart chart = new JFreeChart(title, layout.title(), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(ticks);
        // A long legend stands in one column at the right, where it does not wrap mid-entry; a column-width
        // figure keeps it below, in its small type.
        legend.setPosition(lines > 4 && layout == Layout.SCREEN ? RectangleEdge.RIGHT : RectangleEdge.BOTTOM);
        return chart;
    }

    /** The ratio of the largest positive x (or y) value to the smallest; 1 without two. */
    private static double span(java.util.Collection<YIntervalSeries> series, boolean xs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (YIntervalSeries s : series) {
            for (int i = 0; i < s.getItemCount(); i++) {
                double v = xs ? s.getX(i).doubleValue() : s.getYValue(i);
                if (v > 0) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi > 0 ? hi / lo : 1;
    }

    /** Three significant digits, no exponent between 0.001 and a million, no trailing zeros. */
    static final class Compact extends java.text.NumberFormat {
        @Override
        public StringBuffer format(double v, StringBuffer to, java.text.FieldPosition pos) {
            String text;
            double m = Math.abs(v);
            if (v == 0) {
                text = "0";
            } else if (m >= 1e-3 && m < 1e6) {
                text = new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
            } else {
                text = String.format(java.util.Locale.ROOT, "%.2e", v).replaceAll("\\.?0+e", "e").replace("e+0", "e")
                        .replace("e-0", "e-").replace("e+", "e");
            }
            return to.append(text);
        }

        @Override
        public StringBuffer format(long v, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) v, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException("for labels only");
        }
    }

    /** Whether every x (or y) value of the series is a whole number. */
    private static boolean allWhole(java.util.Collection<YIntervalSeries> series, boolean xs) {
        boolean any = false;
        for (YIntervalSeries s : series) {
            for (int i = 0; i < s.getItemCount(); i++) {
                double v = xs ? s.getX(i).doubleValue() : s.getYValue(i);
                if (Double.isNaN(v)) {
                    continue;
                }
                if (v != Math.rint(v)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * A panel's label for a title: the parameter's name ({@link ParameterNames}) and its value in
     * three significant digits ({@code protocol.gibbsDelta = 1.0E-4} reads {@code Gibbs δ = 1e-4}).
     */
    static String panelLabel(String panel) {
        return panelLabel(panel, "");
    }

    /** As {@link #panelLabel(String)}, the value followed by its {@code unit} ({@code cycle = 7.5 s}). */
    static String panelLabel(String panel, String unit) {
        int eq = panel.indexOf(" = ");
        if (eq < 0) {
            return panel;
        }
        String path = panel.substring(0, eq);
        String value = panel.substring(eq + 3);
        String key = ParameterNames.of(path);
        try {
            value = new Compact().format(Double.parseDouble(value)) + (unit.isEmpty() ? "" : " " + unit);
        } catch (NumberFormatException e) {
            // a word: as it is
        }
        return key + " = " + value;
    }

    /**
     * The legend name of series value {@code value}: its {@code seriesNames} entry; a scheduler's
     * own name; a swept value as {@code cluster size = 3} or {@code cycle = 7.5 s}.
     */
    static String legend(FigureSpec f, String value, Map<String, String> units) {
        if (f.seriesNames() != null && f.seriesNames().containsKey(value)) {
            return f.seriesNames().get(value);
        }
        String series = f.seriesOrDefault();
        return series.equals("scheduler") ? value : panelLabel(series + " = " + value, units.getOrDefault(series, ""));
    }

    /** The scheduler or value a legend name stands for. */
    static String rawKey(FigureSpec f, String legend) {
        if (f.seriesNames() != null) {
            for (var e : f.seriesNames().entrySet()) {
                if (e.getValue().equals(legend)) {
                    return e.getKey();
                }
            }
        }
        return legend;
    }

    private static ValueAxis axis(String label, boolean log) {
        if (log) {
            LogAxis a = new RoundLogAxis(label);
            a.setSmallestValue(1e-12);
            // Labels as plain numbers with three significant digits (0.01, 0.0251, 100), not 10^-0.6; the tick
            // spacing: decades over two decades or more (chart()), round numbers under (RoundLogAxis).
            a.setNumberFormatOverride(new Compact());
            return a;
        }
        NumberAxis a = new NumberAxis(label);
        a.setAutoRangeIncludesZero(false);
        return a;
    }
}

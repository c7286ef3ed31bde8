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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * One row per entity (device, worker, learner, server), a bar per activity of {@code events.csv}
 * coloured by the event that ends it (compute, upload, download, outage), the rounds' ends as
 * solid lines and deadlines as dashed red ones, and each round's straggler (the device whose
 * last activity ends last) marked. The first rounds only ({@link #ROUNDS}), and at most
 * {@link #ENTITIES} rows, so that the bars stay readable.
 */
public final class TimelineChart {
    public static final int ROUNDS = 3;
    public static final int ENTITIES = 40;
    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    /** Events that open a round or stop the kernel: no activity ends with them. */
    private static final Set<String> MARKS = Set.of("round-start", "cycle-start", "stop", "deadline");

    private TimelineChart() {
    }

    private record Activity(int round, String entity, String event, double since, double time) {
    }

    /** Draws {@code timeline.png}, {@code .svg} and {@code .pdf} into {@code folder} from {@code eventsCsv}. */
    public static List<Path> draw(Path eventsCsv, String title, Path folder) throws IOException {
        List<Activity> bars = new ArrayList<>();
        List<Double> deadlines = new ArrayList<>();
        Map<Integer, Double> ends = new LinkedHashMap<>();
        Set<String> entities = new LinkedHashSet<>();
        try (Reader r = Files.newBufferedReader(eventsCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(r, WITH_HEADER)) {
            for (CSVRecord row : parser) {
                int round = Integer.parseInt(row.get("round"));
                if (round < 1 || round > ROUNDS) {
                    continue;
                }
                double time = Double.parseDouble(row.get("time_s"));
                String event = row.get("event");
                ends.merge(round, time, Math::max);
                if (event.equals("deadline")) {
                    deadlines.add(time);
                }
                if (MARKS.contains(event)) {
                    continue;
                }
                String entity = row.get("entity");
                if (!entities.contains(entity) && entities.size() >= ENTITIES) {
                    continue;
                }
                entities.add(entity);
                bars.add(new Activity(round, entity, event, Double.parseDouble(row.get("since_s")), time));
            }
        }
        // The server and access point first, then devices by number.
        List<String> names = new ArrayList<>(entities);
        names.sort(java.util.Comparator.comparing((String n) -> isDevice(n) ? 1 : 0).thenComparing(n -> n.replaceAll("\\d+$", ""))
                .thenComparingInt(TimelineChart::number));
        Map<String, XYIntervalSeries> byEvent = new LinkedHashMap<>();
        for (Activity a : bars) {
            double y = names.indexOf(a.entity());
            byEvent.computeIfAbsent(label(a.event()), XYIntervalSeries::new).add(a.time(), a.since(), a.time(), y,
                    y - 0.35, y + 0.35);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        byEvent.values().forEach(data::addSeries);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(Color.WHITE);
        List<String> kinds = new ArrayList<>(byEvent.keySet());
        for (int i = 0; i < kinds.size(); i++) {
            renderer.setSeriesPaint(i, SeriesStyle.of(i).colour());
        }
        NumberAxis x = new NumberAxis("simulated time (s)");
        SymbolAxis y = new SymbolAxis(null, names.toArray(new String[0]));
        y.setInverted(true);
        Font ticks = FigureFonts.of(Font.PLAIN, names.size() > 20 ? 9 : 12);
        y.setTickLabelFont(ticks);
        x.setTickLabelFont(FigureFonts.of(Font.PLAIN, 12));
        x.setLabelFont(FigureFonts.of(Font.PLAIN, 14));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinesVisible(false);
        for (double end : ends.values()) {
            ValueMarker m = new ValueMarker(end, Color.BLACK, new BasicStroke(1.5f));
            plot.addDomainMarker(m, Layer.FOREGROUND);
        }
        for (double d : deadlines) {
            plot.addDomainMarker(new ValueMarker(d, new Color(0xD55E00), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)), Layer.FOREGROUND);
        }
        // Each round's straggler: the device whose update the server got last (its last upload; without
        // uploads, its last computation), marked at the start of that bar.
        for (int round : ends.keySet()) {
            Activity last = null;
            for (String kind : new String[] {"upload", "compute"}) {
                for (Activity a : bars) {
                    if (a.round() == round && isDevice(a.entity()) && label(a.event()).equals(kind)
                            && (last == null || a.time() > last.time())) {
                        last = a;
                    }
                }
                if (last != null) {
                    break;
                }
            }
            if (last != null) {
                XYTextAnnotation t = new XYTextAnnotation(" straggler", last.since(), names.indexOf(last.entity()));
                t.setTextAnchor(TextAnchor.CENTER_LEFT);
                t.setFont(FigureFonts.of(Font.BOLD, 11));
                plot.addAnnotation(t);
            }
        }
        JFreeChart chart = new JFreeChart(title, FigureFonts.of(Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(FigureFonts.of(Font.PLAIN, 12));
        int height = Math.max(360, 120 + 22 * names.size());
        return ChartFiles.write(chart, folder, "timeline", 1000, height);
    }

    /** What a bar ending with {@code event} shows. */
    static String label(String event) {
        return switch (event) {
            case "compute-done", "device-off" -> "compute";
            case "upload-done" -> "upload";
            case "download-done", "broadcast-done", "received" -> "download";
            case "update-done", "server-update-done", "server-step" -> "update";
            case "device-on" -> "away (outage)";
            case "fading-block" -> "transfer (a fading block ends)";
            default -> event;
        };
    }

    /** The number an entity's name ends with ({@code device 12}: 12), or -1. */
    private static int number(String entity) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)$").matcher(entity);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static boolean isDevice(String entity) {
        return entity.startsWith("device") || entity.startsWith("worker") || entity.startsWith("learner");
    }
}

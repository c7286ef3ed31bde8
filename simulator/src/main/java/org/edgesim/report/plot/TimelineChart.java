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
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * One row per entity (device, worker, learner, server), a bar per activity of {@code events.csv}
 * coloured by the event that ends it (compute, upload, download, outage), the rounds' ends as
 * solid lines and deadlines as dashed red ones, and each round's straggler marked: the
 * {@code critical_device} of {@code rounds.csv} where the protocol names it (PARTEL), else the
 * device whose update reached the server last. The first rounds only ({@link #ROUNDS}), and at
 * most {@link #ENTITIES} rows, chosen for meaning: every server-side entity, each round's
 * straggler, then the slowest and the fastest devices in turn; a caption says how many were left
 * out.
 */
public final class TimelineChart {
    public static final int ROUNDS = 3;
    public static final int ENTITIES = 40;
    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    /** Events that open a round or stop the kernel: no activity ends with them. */
    private static final Set<String> MARKS = Set.of("round-start", "cycle-start", "stop", "deadline");
    /** Events that end a device's delivery of its update to the server (PARTEL, FEEL; async MEL; CPSL). */
    private static final Set<String> DELIVERIES = Set.of("upload-done", "returned", "model-uploaded");

    private TimelineChart() {
    }

    private record Activity(int round, String entity, String event, double since, double time) {
    }

    /** What {@code events.csv} holds of the first rounds: the activities, each round's start and end, the deadlines. */
    private record Trace(List<Activity> bars, Map<Integer, Double> starts, Map<Integer, Double> ends,
                         List<Double> deadlines) {
    }

    /**
     * The rows drawn and why.
     *
     * @param names      entity per row, top to bottom: server-side entities, then devices by number
     * @param stragglers each round's straggler (absent: the round has none, e.g. every device dropped out)
     * @param devices    how many devices the trace holds
     * @param leftOut    how many of them have no row
     */
    record Rows(List<String> names, Map<Integer, String> stragglers, int devices, int leftOut) {
    }

    /**
     * Draws {@code timeline.png}, {@code .svg} and {@code .pdf} into {@code folder} from
     * {@code eventsCsv} and the run's {@code roundsCsv} (for its {@code critical_device}).
     */
    public static List<Path> draw(Path eventsCsv, Path roundsCsv, String title, Path folder) throws IOException {
        JFreeChart chart = chart(eventsCsv, roundsCsv, title);
        int rows = ((SymbolAxis) chart.getXYPlot().getRangeAxis()).getSymbols().length;
        return ChartFiles.write(chart, folder, "timeline", 1000, Math.max(380, 150 + 22 * rows));
    }

    /** The timeline of {@code eventsCsv} as {@link #draw} writes it. */
    static JFreeChart chart(Path eventsCsv, Path roundsCsv, String title) throws IOException {
        Trace trace = read(eventsCsv);
        return chart(trace, rows(trace, critical(roundsCsv), ENTITIES), title);
    }

    /** The rows a timeline of {@code eventsCsv} shows, at most {@code limit}. */
    static Rows rows(Path eventsCsv, Path roundsCsv, int limit) throws IOException {
        return rows(read(eventsCsv), critical(roundsCsv), limit);
    }

    private static Rows rows(Trace trace, Map<Integer, Integer> critical, int limit) {
        Map<Integer, String> stragglers = new LinkedHashMap<>();
        for (int round : trace.ends().keySet()) {
            String s = critical.containsKey(round) ? deviceNumbered(trace, critical.get(round)) : lastToDeliver(trace, round);
            if (s != null) {
                stragglers.put(round, s);
            }
        }
        Set<String> servers = new LinkedHashSet<>();
        Map<String, Double> lateness = new LinkedHashMap<>();
        for (Activity a : trace.bars()) {
            if (!isDevice(a.entity())) {
                servers.add(a.entity());
                continue;
            }
            lateness.merge(a.entity(), arrival(trace, a.entity(), a.round()) - trace.starts().getOrDefault(a.round(), 0.0),
                    Math::max);
        }
        // Slowest first, then by name, so that ties are drawn the same way every time.
        List<String> bySpeed = new ArrayList<>(lateness.keySet());
        bySpeed.sort(java.util.Comparator.comparing((String d) -> -lateness.get(d)).thenComparing(TimelineChart::byName));
        Set<String> chosen = new LinkedHashSet<>(servers);
        chosen.addAll(stragglers.values());
        for (int slow = 0, fast = bySpeed.size() - 1; slow <= fast && chosen.size() < limit; ) {
            chosen.add(bySpeed.get(slow++));
            if (chosen.size() < limit && slow <= fast) {
                chosen.add(bySpeed.get(fast--));
            }
        }
        List<String> names = new ArrayList<>(chosen);
        names.sort(TimelineChart::byName);
        int shown = (int) names.stream().filter(TimelineChart::isDevice).count();
        return new Rows(names, stragglers, lateness.size(), lateness.size() - shown);
    }

    private static Trace read(Path eventsCsv) throws IOException {
        List<Activity> bars = new ArrayList<>();
        List<Double> deadlines = new ArrayList<>();
        Map<Integer, Double> starts = new LinkedHashMap<>();
        Map<Integer, Double> ends = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(eventsCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(r, WITH_HEADER)) {
            for (CSVRecord row : parser) {
                int round = Integer.parseInt(row.get("round"));
                if (round < 1 || round > ROUNDS) {
                    continue;
                }
                double time = Double.parseDouble(row.get("time_s"));
                String event = row.get("event");
                starts.putIfAbsent(round, time);
                ends.merge(round, time, Math::max);
                if (event.equals("deadline")) {
                    deadlines.add(time);
                }
                if (!MARKS.contains(event)) {
                    bars.add(new Activity(round, row.get("entity"), event, Double.parseDouble(row.get("since_s")), time));
                }
            }
        }
        return new Trace(bars, starts, ends, deadlines);
    }

    /** Round to {@code critical_device}, from {@code roundsCsv}; empty when the protocol does not name one. */
    private static Map<Integer, Integer> critical(Path roundsCsv) throws IOException {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        if (roundsCsv == null || !Files.exists(roundsCsv)) {
            return out;
        }
        try (Reader r = Files.newBufferedReader(roundsCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(r, WITH_HEADER)) {
            if (!parser.getHeaderMap().containsKey("critical_device")) {
                return out;
            }
            for (CSVRecord row : parser) {
                out.put(Integer.parseInt(row.get("round")), Integer.parseInt(row.get("critical_device")));
            }
        }
        return out;
    }

    /** The device of the trace whose name ends with {@code number}; null for -1 (none). */
    private static String deviceNumbered(Trace trace, int number) {
        return trace.bars().stream().map(Activity::entity).filter(e -> isDevice(e) && number(e) == number).findFirst()
                .orElse(null);
    }

    /** The device whose update reached the server last in {@code round} (without deliveries: whose last activity ended last). */
    private static String lastToDeliver(Trace trace, int round) {
        Activity last = last(trace, round, a -> DELIVERIES.contains(a.event()));
        last = last != null ? last : last(trace, round, a -> true);
        return last == null ? null : last.entity();
    }

    private static Activity last(Trace trace, int round, java.util.function.Predicate<Activity> which) {
        Activity last = null;
        for (Activity a : trace.bars()) {
            if (a.round() == round && isDevice(a.entity()) && which.test(a) && (last == null || a.time() > last.time())) {
                last = a;
            }
        }
        return last;
    }

    /** When {@code device}'s update reached the server in {@code round}: its last delivery, else its last event. */
    private static double arrival(Trace trace, String device, int round) {
        double delivered = Double.NEGATIVE_INFINITY;
        double any = Double.NEGATIVE_INFINITY;
        for (Activity a : trace.bars()) {
            if (a.round() == round && a.entity().equals(device)) {
                any = Math.max(any, a.time());
                if (DELIVERIES.contains(a.event())) {
                    delivered = Math.max(delivered, a.time());
                }
            }
        }
        return delivered > Double.NEGATIVE_INFINITY ? delivered : any;
    }

    /** The server-side entities first, then devices by kind and number. */
    private static int byName(String a, String b) {
        return java.util.Comparator.comparing((String n) -> isDevice(n) ? 1 : 0).thenComparing(n -> n.replaceAll("\\d+$", ""))
                .thenComparingInt(TimelineChart::number).thenComparing(n -> n).compare(a, b);
    }

    private static JFreeChart chart(Trace trace, Rows rows, String title) {
        List<String> names = rows.names();
        Map<String, XYIntervalSeries> byEvent = new LinkedHashMap<>();
        for (Activity a : trace.bars()) {
            double y = names.indexOf(a.entity());
            if (y < 0) {
                continue;
            }
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
        for (double end : trace.ends().values()) {
            ValueMarker m = new ValueMarker(end, Color.BLACK, new BasicStroke(1.5f));
            plot.addDomainMarker(m, Layer.FOREGROUND);
        }
        for (double d : trace.deadlines()) {
            plot.addDomainMarker(new ValueMarker(d, new Color(0xD55E00), new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)), Layer.FOREGROUND);
        }
        // Each round's straggler, marked at the start of its delivery (without one, its last activity).
        for (var e : rows.stragglers().entrySet()) {
            int round = e.getKey();
            String device = e.getValue();
            Activity bar = last(trace, round, a -> a.entity().equals(device) && DELIVERIES.contains(a.event()));
            bar = bar != null ? bar : last(trace, round, a -> a.entity().equals(device));
            if (bar != null) {
                XYTextAnnotation t = new XYTextAnnotation(" straggler", bar.since(), names.indexOf(device));
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
        TextTitle caption = new TextTitle(caption(rows), FigureFonts.of(Font.PLAIN, 11));
        caption.setPosition(RectangleEdge.BOTTOM);
        chart.addSubtitle(caption);
        return chart;
    }

    /** What the rows are and how many devices were left out. */
    static String caption(Rows rows) {
        String kept = "rows: the server side, each round's straggler, then the slowest and fastest devices";
        return rows.leftOut() == 0 ? "All " + rows.devices() + " devices shown; " + kept
                : rows.leftOut() + " of " + rows.devices() + " devices left out; " + kept;
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

package org.edgesim.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.edgesim.scenario.FigureSpec;

/**
 * A table of training speed from a study's {@code rounds.csv} (one row per run and round): per
 * design point and scheduler, the mean final accuracy, the time to a target accuracy and the
 * speedup relative to a reference scheduler at the same point. A run's time to target is the
 * time column ({@code x}) of its first round whose accuracy column ({@code y}) reaches the target
 * (a fixed accuracy, or the reference scheduler's final one in the same replication);
 * the mean is over the replications that reach it; speedup = reference's mean time / the
 * scheduler's. Beside it, per replication where both reach the target, the ratio of the
 * reference's time to the scheduler's, and the median of those ratios. Written as
 * {@code <name>.csv} and {@code <name>.md} (with the definition).
 */
public final class SpeedupTable {
    private static final CSVFormat WITH_HEADER = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final CSVFormat OUT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private SpeedupTable() {
    }

    /** One run's outcome. */
    private record Run(String replication, double finalAccuracy, double timeToTarget) {
    }

    /** One row of the table; {@code ratios}: per replication where both reach, the reference's time over this one's. */
    record Row(List<String> point, String scheduler, int runs, double finalAccuracy, int reached, double time,
               double speedup, double[] ratios) {
        /** The median of the per-replication ratios; NaN without any. */
        double medianSpeedup() {
            if (ratios.length == 0) {
                return Double.NaN;
            }
            double[] r = ratios.clone();
            java.util.Arrays.sort(r);
            int m = r.length / 2;
            return r.length % 2 == 1 ? r[m] : 0.5 * (r[m - 1] + r[m]);
        }

        String ratiosText() {
            StringBuilder b = new StringBuilder();
            for (double v : ratios) {
                b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3g", v));
            }
            return b.toString();
        }
    }

    /** Writes the table of {@code figure} from {@code roundsCsv} into {@code folder}; returns the two files. */
    public static List<Path> write(Path roundsCsv, FigureSpec figure, Path folder) throws IOException {
        List<String> pointColumns = new ArrayList<>();
        List<Row> rows = rows(roundsCsv, figure, pointColumns);
        Path csv = folder.resolve(figure.name() + ".csv");
        Path md = folder.resolve(figure.name() + ".md");
        StringBuilder out = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(out, OUT)) {
            List<String> header = new ArrayList<>(pointColumns);
            header.addAll(List.of("scheduler", "runs", "final_" + figure.y() + "_mean", "reached_target",
                    "time_to_target_mean", "speedup_vs_" + figure.reference(), "speedup_median",
                    "speedup_per_replication"));
            p.printRecord(header);
            for (Row r : rows) {
                List<String> cells = new ArrayList<>(r.point());
                cells.addAll(List.of(r.scheduler(), Integer.toString(r.runs()), number(r.finalAccuracy()),
                        Integer.toString(r.reached()), number(r.time()), number(r.speedup()),
                        number(r.medianSpeedup()), r.ratiosText()));
                p.printRecord(cells);
            }
        }
        AtomicFiles.writeString(csv, out);
        AtomicFiles.writeString(md, markdown(figure, pointColumns, rows));
        return List.of(csv, md);
    }

    static List<Row> rows(Path roundsCsv, FigureSpec figure, List<String> pointColumns) throws IOException {
        Map<List<String>, Map<String, List<Run>>> byPoint = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(roundsCsv, StandardCharsets.UTF_8); CSVParser parser = WITH_HEADER.parse(in)) {
            List<String> header = parser.getHeaderNames();
            for (String column : List.of("scheduler", "replication", figure.x(), figure.y())) {
                if (!header.contains(column)) {
                    throw new IOException(roundsCsv + " has no column '" + column + "' for table " + figure.name()
                            + "; it has " + header);
                }
            }
            // The point's columns: every column before the scheduler but its index.
            for (String h : header.subList(0, header.indexOf("scheduler"))) {
                if (!h.equals("point")) {
                    pointColumns.add(h);
                }
            }
            // Every run's (x, y) rows, in file order.
            Map<String, List<double[]>> traces = new LinkedHashMap<>();
            Map<String, List<String>> points = new HashMap<>();
            Map<String, String[]> ids = new HashMap<>();
            for (CSVRecord r : parser) {
                String key = r.get("point") + "/" + r.get("scheduler") + "/" + r.get("replication");
                if (!traces.containsKey(key)) {
                    List<String> p = new ArrayList<>();
                    for (String c : pointColumns) {
                        p.add(r.get(c));
                    }
                    points.put(key, p);
                    ids.put(key, new String[] {r.get("point"), r.get("scheduler"), r.get("replication")});
                    traces.put(key, new ArrayList<>());
                }
                traces.get(key).add(new double[] {Double.parseDouble(r.get(figure.x())),
                    Double.parseDouble(r.get(figure.y()))});
            }
            for (var e : traces.entrySet()) {
                String[] id = ids.get(e.getKey());
                double target = figure.target() != null ? figure.target()
                        : last(traces.get(id[0] + "/" + figure.reference() + "/" + id[2]));
                double reachedAt = Double.NaN;
                for (double[] row : e.getValue()) {
                    if (row[1] >= target) {
                        reachedAt = row[0];
                        break;
                    }
                }
                add(byPoint, points.get(e.getKey()), id[1], new Run(id[2], last(e.getValue()), reachedAt));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (var e : byPoint.entrySet()) {
            List<Run> reference = e.getValue().get(figure.reference());
            if (reference == null) {
                throw new IOException("table " + figure.name() + ": reference scheduler '" + figure.reference()
                        + "' was not run at point " + e.getKey() + "; add it to the sweep's 'compare'");
            }
            double referenceTime = meanTime(reference);
            for (var s : e.getValue().entrySet()) {
                double time = meanTime(s.getValue());
                double accuracy = s.getValue().stream().mapToDouble(Run::finalAccuracy).average().orElse(Double.NaN);
                int reached = (int) s.getValue().stream().filter(r -> !Double.isNaN(r.timeToTarget())).count();
                Map<String, Double> referenceBy = new HashMap<>();
                for (Run r : reference) {
                    referenceBy.put(r.replication(), r.timeToTarget());
                }
                double[] ratios = s.getValue().stream().filter(r -> referenceBy.containsKey(r.replication()))
                        .mapToDouble(r -> referenceBy.get(r.replication()) / r.timeToTarget())
                        .filter(v -> !Double.isNaN(v)).toArray();
                rows.add(new Row(e.getKey(), s.getKey(), s.getValue().size(), accuracy, reached, time,
                        referenceTime / time, ratios));
            }
        }
        return rows;
    }

    /** The final y of a run's rows; NaN for a run that is not there. */
    private static double last(List<double[]> rows) {
        return rows == null || rows.isEmpty() ? Double.NaN : rows.get(rows.size() - 1)[1];
    }

    private static void add(Map<List<String>, Map<String, List<Run>>> byPoint, List<String> point, String scheduler,
                            Run run) {
        byPoint.computeIfAbsent(point, k -> new LinkedHashMap<>()).computeIfAbsent(scheduler, k -> new ArrayList<>())
                .add(run);
    }

    /** Mean time to target over the runs that reach it; NaN if none does. */
    private static double meanTime(List<Run> runs) {
        return runs.stream().mapToDouble(Run::timeToTarget).filter(t -> !Double.isNaN(t)).average().orElse(Double.NaN);
    }

    private static String markdown(FigureSpec f, List<String> pointColumns, List<Row> rows) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(f.title() == null ? f.name() : f.title()).append("**\n\n");
        String target = f.target() != null ? number(f.target()) : "the final `" + f.y() + "` of `" + f.reference()
                + "` in the same replication";
        md.append(String.format(Locale.ROOT, "Time to target: `%s` of the first round whose `%s` reaches %s, averaged"
                + " over the replications that reach it (reached/runs). Speedup: the time to target of `%s` divided by"
                + " the scheme's, at the same point; n/a when either never reaches the target. Median (of how many) and per"
                + " replication: the same ratio in each replication where both reach the target, in replication"
                + " order; the others are left out, so a median of few is conditional on those replications.%n%n", f.x(), f.y(),
                target, f.reference()));
        List<String> header = new ArrayList<>(pointColumns);
        header.addAll(List.of("scheme", "final " + f.y(), "reached", "time to target", "speedup", "median",
                "per replication"));
        md.append("| ").append(String.join(" | ", header)).append(" |\n");
        md.append("|").append("---|".repeat(header.size())).append('\n');
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(r.point());
            cells.add(f.seriesName(r.scheduler()));
            cells.add(String.format(Locale.ROOT, "%.3f", r.finalAccuracy()));
            cells.add(r.reached() + "/" + r.runs());
            cells.add(Double.isNaN(r.time()) ? "not reached" : String.format(Locale.ROOT, "%.4g", r.time()));
            cells.add(Double.isNaN(r.speedup()) ? "n/a" : String.format(Locale.ROOT, "%.2fx", r.speedup()));
            // Over the replications where both reach the target only: how many, so that it is not read as all.
            cells.add(Double.isNaN(r.medianSpeedup()) ? "n/a" : String.format(Locale.ROOT, "%.2fx (of %d)",
                    r.medianSpeedup(), r.ratios().length));
            cells.add(r.ratios().length == 0 ? "" : r.ratiosText());
            md.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
        return md.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }
}

package org.edgesim.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.edgesim.scenario.ClaimSpec;

/**
 * What a claim measures, run by run: per (design point, scheduler), one value per replication,
 * read from {@code points.csv} or, for a trace reading, along each run's rows of
 * {@code rounds.csv}.
 */
final class RunValues {
    private final Map<String, double[]> values = new HashMap<>();
    /** For a time-to-target reading, per run that never reached it: the x of its last round (else NaN). */
    private final Map<String, double[]> censored = new HashMap<>();
    private final int replications;

    private RunValues(int replications) {
        this.replications = replications;
    }

    /** The values of {@code claim}'s measurement in the study folder {@code folder}. */
    static RunValues read(Path folder, ClaimSpec claim, int replications) throws IOException {
        RunValues out = new RunValues(replications);
        if (!claim.fromTrace()) {
            Path file = folder.resolve("points.csv");
            forEachRecord(file, claim.metric(), (r, metric) -> out.put(r, Double.parseDouble(r.get(metric))));
            return out;
        }
        Path file = folder.resolve("rounds.csv");
        String x = claim.trace().get("x").asText();
        JsonNode at = claim.trace().get("at");
        JsonNode reaches = claim.trace().get("reaches");
        Map<String, List<double[]>> runs = new HashMap<>();
        Map<String, CSVRecord> first = new HashMap<>();
        forEachRecord(file, claim.metric(), (r, metric) -> {
            String key = key(r.get("point"), r.get("scheduler"), r.get("replication"));
            first.putIfAbsent(key, r);
            runs.computeIfAbsent(key, k -> new ArrayList<>()).add(new double[] {Double.parseDouble(r.get(x)),
                Double.parseDouble(r.get(metric))});
        });
        String finalOf = claim.reachesFinalOf();
        Double below = claim.reachesBelowLowestFinal();
        // reaches: lowest-final: per point and replication, the lowest final value of any scheduler.
        Map<String, Double> lowest = new HashMap<>();
        if (below != null) {
            for (var e : runs.entrySet()) {
                CSVRecord r = first.get(e.getKey());
                double f = finalValue(e.getValue());
                if (!Double.isNaN(f)) {
                    lowest.merge(r.get("point") + "\u0000" + r.get("replication"), f, Math::min);
                }
            }
        }
        int w = claim.smoothing();
        for (var e : runs.entrySet()) {
            List<double[]> rows = e.getValue();
            double v;
            boolean targetKnown = at == null;
            if (at != null) {
                v = metricAt(rows, at.asDouble());
            } else if (below != null) {
                CSVRecord r = first.get(e.getKey());
                Double low = lowest.get(r.get("point") + "\u0000" + r.get("replication"));
                targetKnown = low != null;
                v = targetKnown ? firstReaching(rows, low - below, w) : Double.NaN;
            } else if (finalOf == null) {
                v = firstReaching(rows, reaches.asDouble(), w);
            } else {
                CSVRecord r = first.get(e.getKey());
                List<double[]> reference = runs.get(key(r.get("point"), finalOf, r.get("replication")));
                targetKnown = reference != null && !reference.isEmpty() && !Double.isNaN(finalValue(reference));
                v = targetKnown ? firstReaching(rows, finalValue(reference), w) : Double.NaN;
            }
            out.put(first.get(e.getKey()), v);
            if (targetKnown && Double.isNaN(v)) {
                double by = notReachedBy(rows, w);
                if (!Double.isNaN(by)) {
                    out.put(out.censored, first.get(e.getKey()), by);
                }
            }
        }
        return out;
    }

    /**
     * The metric of the last round whose {@code x} is at most {@code when} (the model as it stood
     * then); NaN when the run does not span {@code when}: before its first round ended, or after
     * its last (what the model would be then is unknown).
     */
    static double metricAt(List<double[]> rows, double when) {
        if (rows.isEmpty() || rows.get(rows.size() - 1)[0] < when) {
            return Double.NaN;
        }
        double v = Double.NaN;
        for (double[] r : rows) {
            if (r[0] > when) {
                break;
            }
            v = Double.isNaN(r[1]) ? v : r[1]; // a round not evaluated keeps the last evaluation
        }
        return v;
    }

    /** The {@code x} of the first round whose metric reached {@code target}; NaN if none did. */
    static double firstReaching(List<double[]> rows, double target) {
        return firstReaching(rows, target, 1);
    }

    /**
     * The {@code x} of the first evaluated round (metric not NaN) whose centred mean, over it and
     * the {@code (w - 1) / 2} evaluated rounds on each side ({@code w} odd), reached
     * {@code target}; a round without a full window on both sides does not count; NaN if none did.
     * Centred, so that smoothing shifts no crossing along a steady trend (a trailing mean would lag
     * by half its window).
     */
    static double firstReaching(List<double[]> rows, double target, int w) {
        List<double[]> evaluated = rows.stream().filter(r -> !Double.isNaN(r[1])).toList();
        int h = (w - 1) / 2;
        double sum = 0;
        for (int i = 0; i < Math.min(w, evaluated.size()); i++) {
            sum += evaluated.get(i)[1];
        }
        for (int c = h; c + h < evaluated.size(); c++) {
            if (c > h) {
                sum += evaluated.get(c + h)[1] - evaluated.get(c - h - 1)[1];
            }
            // Compared with a small slack: a sum of w values can miss an exact target by rounding.
            if (sum / w >= target - 1e-12 * Math.abs(target)) {
                return evaluated.get(c)[0];
            }
        }
        return Double.NaN;
    }

    /**
     * For a run that never reached its target, the latest {@code x} by which it certainly had not:
     * a longer run could first reach it at the first evaluated round whose centred window of
     * {@code w} was not yet whole (index {@code size - (w - 1) / 2}, at least {@code (w - 1) / 2},
     * at most the last), or, unsmoothed, only after its last round; NaN for a run without
     * evaluated rounds.
     */
    static double notReachedBy(List<double[]> rows, int w) {
        List<double[]> evaluated = rows.stream().filter(r -> !Double.isNaN(r[1])).toList();
        if (evaluated.isEmpty()) {
            return Double.NaN;
        }
        int h = (w - 1) / 2;
        // A window is centred at index h or later; the first one not yet whole is at size - h.
        return h == 0 ? rows.get(rows.size() - 1)[0]
                : evaluated.get(Math.min(evaluated.size() - 1, Math.max(h, evaluated.size() - h)))[0];
    }

    /** The metric of the last evaluated round (NaN rounds skipped). */
    static double finalValue(List<double[]> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!Double.isNaN(rows.get(i)[1])) {
                return rows.get(i)[1];
            }
        }
        return Double.NaN;
    }

    /** The values of {@code scheduler} at {@code point}, by replication. */
    double[] of(int point, String scheduler) {
        double[] v = values.get(point + "\u0000" + scheduler);
        if (v == null) {
            throw new IllegalStateException("the results hold no runs of " + scheduler + " at point " + point);
        }
        return v;
    }

    /**
     * For a time-to-target reading, the runs of {@code scheduler} at {@code point} that never
     * reached it: the x of each one's last round, a time by which it had not reached it (NaN for
     * the runs that reached it, and for other readings).
     */
    double[] censoredAt(int point, String scheduler) {
        double[] v = censored.get(point + "\u0000" + scheduler);
        if (v == null) {
            double[] none = new double[replications];
            java.util.Arrays.fill(none, Double.NaN);
            return none;
        }
        return v;
    }

    private void put(CSVRecord r, double value) {
        put(values, r, value);
    }

    private void put(Map<String, double[]> into, CSVRecord r, double value) {
        int rep = Integer.parseInt(r.get("replication"));
        if (rep < 0 || rep >= replications) {
            throw new IllegalStateException("replication " + rep + " is outside the study's " + replications);
        }
        double[] v = into.computeIfAbsent(r.get("point") + "\u0000" + r.get("scheduler"), k -> {
            double[] a = new double[replications];
            java.util.Arrays.fill(a, Double.NaN);
            return a;
        });
        v[rep] = value;
    }

    private static String key(String point, String scheduler, String replication) {
        return point + "\u0000" + scheduler + "\u0000" + replication;
    }

    @FunctionalInterface
    private interface RecordAction {
        void accept(CSVRecord record, String metric) throws IOException;
    }

    private static void forEachRecord(Path file, String metric, RecordAction action) throws IOException {
        if (!Files.exists(file)) {
            throw new IOException("no " + file.getFileName() + " in " + file.getParent());
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            if (!parser.getHeaderMap().containsKey(metric)) {
                throw new IOException(file + " has no column '" + metric + "'");
            }
            for (CSVRecord r : parser) {
                action.accept(r, metric);
            }
        }
    }
}

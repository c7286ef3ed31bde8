package org.edgesim.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgesim.protocol.RunResult;
import org.edgesim.table.Column;
import org.edgesim.table.Table;

/**
 * The scalars a run contributes to a sweep, from its rounds table: for every numeric column but
 * the round index, its mean over the rounds ({@code <column>_mean}, e.g. the expected one-round
 * latency {@code realised_latency_s_mean}) and its value in the last round ({@code <column>_final},
 * e.g. the final test accuracy); and, for studies that keep traces, the same columns round by round.
 * With several cells (a {@code cell} column: one row per cell and round) a round's value is the
 * mean over its cells' rows, except {@code end_s}, which is when the round was over in every cell:
 * the latest cell's end plus the cloud's step.
 */
final class Metrics {
    private static final java.util.Set<String> SKIPPED = org.edgesim.study.RoundMetrics.INDEX_COLUMNS;

    private Metrics() {
    }

    static Map<String, Double> of(RunResult result) {
        Rounds rounds = perRound(result);
        Map<String, Double> out = new LinkedHashMap<>();
        if (rounds.rows().isEmpty()) {
            return out;
        }
        for (int i = 0; i < rounds.columns().size(); i++) {
            double sum = 0;
            double last = 0;
            for (double[] row : rounds.rows()) {
                last = row[i];
                sum += last;
            }
            out.put(rounds.columns().get(i) + "_mean", sum / rounds.rows().size());
            out.put(rounds.columns().get(i) + "_final", last);
        }
        return out;
    }

    /** A run's numeric round columns (the same as {@link #of}'s, without suffixes), one array per round. */
    record Rounds(List<String> columns, List<double[]> rows) {
    }

    static Rounds perRound(RunResult result) {
        return perRound(result.rounds());
    }

    private static <T> Rounds perRound(Table<T> rounds) {
        List<Column<T>> numeric = new java.util.ArrayList<>();
        Column<T> round = null;
        boolean cells = false;
        if (!rounds.rows().isEmpty()) {
            for (Column<T> c : rounds.columns()) {
                round = c.name().equals("round") ? c : round;
                cells |= c.name().equals("cell");
                if (!SKIPPED.contains(c.name()) && c.value().apply(rounds.rows().get(0)) instanceof Number) {
                    numeric.add(c);
                }
            }
        }
        List<String> headers = numeric.stream().map(Column::header).toList();
        List<double[]> rows = new java.util.ArrayList<>();
        for (T row : rounds.rows()) {
            double[] v = new double[numeric.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((Number) numeric.get(i).value().apply(row)).doubleValue();
            }
            rows.add(v);
        }
        if (cells) {
            rows = byRound(rounds, round, headers, rows);
        }
        return new Rounds(headers, rows);
    }

    /** Several cells: one row per round, the mean over its cells' rows; {@code end_s} the latest end plus the cloud's step. */
    private static <T> List<double[]> byRound(Table<T> table, Column<T> round, List<String> headers,
                                              List<double[]> rows) {
        int end = headers.indexOf("end_s");
        int cloud = headers.indexOf("cloud_s");
        List<double[]> out = new java.util.ArrayList<>();
        int from = 0;
        while (from < rows.size()) {
            Object r = round.value().apply(table.rows().get(from));
            int to = from;
            while (to < rows.size() && round.value().apply(table.rows().get(to)).equals(r)) {
                to++;
            }
            double[] mean = new double[headers.size()];
            double latest = Double.NEGATIVE_INFINITY;
            for (int k = from; k < to; k++) {
                for (int i = 0; i < mean.length; i++) {
                    mean[i] += rows.get(k)[i] / (to - from);
                }
                latest = end < 0 ? latest : Math.max(latest, rows.get(k)[end]);
            }
            if (end >= 0 && cloud >= 0) {
                mean[end] = latest + rows.get(from)[cloud];
            }
            out.add(mean);
            from = to;
        }
        return out;
    }
}

package org.edgesim.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgesim.protocol.RunResult;
import org.edgesim.report.Column;
import org.edgesim.report.Table;

/**
 * The scalars a run contributes to a sweep, from its rounds table: for every numeric column but
 * the round index, its mean over the rounds ({@code <column>_mean}, e.g. the expected one-round
 * latency {@code realised_latency_s_mean}) and its value in the last round ({@code <column>_final},
 * e.g. the final test accuracy); and, for studies that keep traces, the same columns round by round.
 */
final class Metrics {
    private static final java.util.Set<String> SKIPPED = org.edgesim.scenario.RoundMetrics.INDEX_COLUMNS;

    private Metrics() {
    }

    static Map<String, Double> of(RunResult result) {
        return of(result.rounds());
    }

    /** A run's numeric round columns (the same as {@link #of}'s, without suffixes), one array per round. */
    record Rounds(List<String> columns, List<double[]> rows) {
    }

    static Rounds perRound(RunResult result) {
        return perRound(result.rounds());
    }

    private static <T> Rounds perRound(Table<T> rounds) {
        List<Column<T>> numeric = new java.util.ArrayList<>();
        if (!rounds.rows().isEmpty()) {
            for (Column<T> c : rounds.columns()) {
                if (!SKIPPED.contains(c.name()) && c.value().apply(rounds.rows().get(0)) instanceof Number) {
                    numeric.add(c);
                }
            }
        }
        List<double[]> rows = new java.util.ArrayList<>();
        for (T row : rounds.rows()) {
            double[] v = new double[numeric.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = ((Number) numeric.get(i).value().apply(row)).doubleValue();
            }
            rows.add(v);
        }
        return new Rounds(numeric.stream().map(Column::header).toList(), rows);
    }

    private static <T> Map<String, Double> of(Table<T> rounds) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (rounds.rows().isEmpty()) {
            return out;
        }
        for (Column<T> c : rounds.columns()) {
            if (SKIPPED.contains(c.name()) || !(c.value().apply(rounds.rows().get(0)) instanceof Number)) {
                continue;
            }
            double sum = 0;
            double last = 0;
            for (T row : rounds.rows()) {
                last = ((Number) c.value().apply(row)).doubleValue();
                sum += last;
            }
            out.put(c.header() + "_mean", sum / rounds.rows().size());
            out.put(c.header() + "_final", last);
        }
        return out;
    }
}

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
 * e.g. the final test accuracy).
 */
final class Metrics {
    private static final List<String> SKIPPED = List.of("round", "critical_device", "device");

    private Metrics() {
    }

    static Map<String, Double> of(RunResult result) {
        return of(result.rounds());
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

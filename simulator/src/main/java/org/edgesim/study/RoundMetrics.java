package org.edgesim.study;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * What a study's figures and claims may name, from the numeric round columns its runs write:
 * each column but the indices is a round column of {@code rounds.csv} and gives two metrics of
 * {@code points.csv}, {@code <column>_mean} (over the rounds) and {@code <column>_final}.
 */
public final class RoundMetrics {
    /** Round columns that index rows rather than measure: no metric of their own. */
    public static final Set<String> INDEX_COLUMNS = Set.of("round", "critical_device", "device", "cell");

    private RoundMetrics() {
    }

    /** The metrics of {@code points.csv}, sorted by column. */
    static List<String> metrics(Collection<String> roundColumns) {
        List<String> out = new ArrayList<>();
        roundColumns.stream().filter(h -> !INDEX_COLUMNS.contains(h)).sorted()
                .forEach(h -> out.addAll(List.of(h + "_mean", h + "_final")));
        return out;
    }

    /** The columns a per-round reading may take: {@code round}, then the measured ones, sorted. */
    static List<String> traceColumns(Collection<String> roundColumns) {
        List<String> out = new ArrayList<>(List.of("round"));
        roundColumns.stream().filter(h -> !INDEX_COLUMNS.contains(h)).sorted().forEach(out::add);
        return out;
    }
}

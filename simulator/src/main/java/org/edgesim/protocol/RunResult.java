package org.edgesim.protocol;

import org.edgesim.table.Table;

/**
 * The tables of a run: one row per round ({@code rounds.csv}) and one per device per round
 * ({@code devices.csv}). The rounds table has at least the columns {@code round},
 * {@code planned_latency_s} and {@code realised_latency_s}. {@code provenance} says, for the
 * manifest, what drove the clock and what was trained on which data (keys {@code clock},
 * {@code trained}).
 */
public record RunResult(Table<?> rounds, Table<?> devices, java.util.Map<String, String> provenance) {
    public RunResult {
        provenance = java.util.Map.copyOf(provenance);
    }
}

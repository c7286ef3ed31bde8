package org.edgesim.protocol;

import org.edgesim.report.Table;

/**
 * The tables of a run: one row per round ({@code rounds.csv}) and one per device per round
 * ({@code devices.csv}). The rounds table has at least the columns {@code round},
 * {@code planned_latency_s} and {@code realised_latency_s}.
 */
public record RunResult(Table<?> rounds, Table<?> devices) {
}

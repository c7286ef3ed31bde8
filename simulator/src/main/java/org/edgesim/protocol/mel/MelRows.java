package org.edgesim.protocol.mel;

import java.util.List;
import org.edgesim.protocol.CommonColumns;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.table.Col;
import org.edgesim.table.Column;

/**
 * Async MEL's own columns, after the common ones ({@link CommonColumns}); a global cycle maps onto
 * them as a round: planned latency the latest planned return, realised latency the latest return
 * (late ones included), end the aggregation at {@code start + T}.
 */
final class MelRows {
    private MelRows() {
    }

    /** A cycle's own columns. */
    record Cycle(@Col(value = "max over learner pairs of |tau_k - tau_l|", min = 0) long maxStaleness,
                 @Col(value = "mean over the K(K-1)/2 pairs of |tau_k - tau_l|", min = 0) double avgStaleness,
                 @Col(value = "mean over the K learners of the time each waits between returning its model and the deadline"
                         + " (a late learner counts 0)", unit = "s", min = 0)
                 double meanIdle,
                 @Col(value = "learners whose model arrived after the deadline (left out)", min = 0) int lateLearners,
                 @Col(value = "sum of the learners' local updates", min = 0) long totalUpdates,
                 @Col(value = "mean cross-entropy of the aggregated model on the held-out test set",
                         learning = true, min = 0)
                 double validationLoss,
                 @Col(value = "accuracy of the aggregated model on the held-out test set",
                         learning = true, min = 0, max = 1)
                 double validationAccuracy) {
    }

    /** A learner's own columns in a cycle. */
    record Learner(@Col(value = "distance to the orchestrator", unit = "m") double distance,
                   @Col(value = "CPU clock this cycle", unit = "Hz") double speed,
                   @Col(value = "link rate R_k (ergodic under the scenario's fading law)", unit = "bit/s") double rate,
                   @Col("samples d_k") long samples,
                   @Col("local updates tau_k") long updates,
                   @Col(value = "planned return t_k, from the cycle's start", unit = "s") double plannedFinish,
                   @Col(value = "return time the events gave, from the cycle's start (after T: late, left out)",
                           unit = "s") double realisedFinish,
                   @Col(value = "T minus the realised return (NaN when late)", unit = "s") double idle) {
    }

    /** The cycle columns a run of {@code s} writes. */
    static List<Column<CommonRow.Row<Cycle>>> roundColumns(org.edgesim.scenario.Scenario s) {
        return CommonColumns.rounds(s, Cycle.class);
    }

    static List<Column<DeviceCommon.Row<Learner>>> deviceColumns(org.edgesim.scenario.Scenario s) {
        return CommonColumns.devices(s, Learner.class);
    }
}

package org.edgesim.protocol.mel;

import java.util.List;
import org.edgesim.protocol.CommonColumns;
import org.edgesim.report.Column;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;

/**
 * Async MEL's own columns, after the common ones ({@link CommonColumns}); a global cycle maps onto
 * them as a round: planned latency the latest planned return, realised latency the latest return
 * (late ones included), end the aggregation at {@code start + T}.
 */
final class MelRows {
    private MelRows() {
    }

    /** A cycle's own columns. */
    record Cycle(long maxStaleness, double averageStaleness, double meanIdle, int late, long updates,
                 double validationLoss, double validationAccuracy) {
    }

    /** A learner's own columns in a cycle. */
    record Learner(double distance, double speed, double rate, long samples, long updates, double plannedFinish,
                   double realisedFinish, double idle) {
    }

    static final List<Column<Cycle>> CYCLE = List.of(
            Column.of("max_staleness", "", "max over learner pairs of |tau_k - tau_l|", Cycle::maxStaleness),
            Column.of("avg_staleness", "", "mean over the K(K-1)/2 pairs of |tau_k - tau_l|", Cycle::averageStaleness),
            Column.of("mean_idle", "s", "mean time a learner waits between returning its model and the deadline",
                    Cycle::meanIdle),
            Column.of("late_learners", "", "learners whose model arrived after the deadline (left out)", Cycle::late),
            Column.of("total_updates", "", "sum of the learners' local updates", Cycle::updates));

    static final List<Column<Cycle>> LEARNING = List.of(
            Column.of("validation_loss", "", "mean cross-entropy of the aggregated model on the held-out test set",
                    Cycle::validationLoss),
            Column.of("validation_accuracy", "", "accuracy of the aggregated model on the held-out test set",
                    Cycle::validationAccuracy));

    static final List<Column<Learner>> LEARNER = List.of(
            Column.of("distance", "m", "distance to the orchestrator", Learner::distance),
            Column.of("speed", "Hz", "CPU clock this cycle", Learner::speed),
            Column.of("rate", "bit/s", "link rate R_k (ergodic under Rayleigh fading)", Learner::rate),
            Column.of("samples", "", "samples d_k", Learner::samples),
            Column.of("updates", "", "local updates tau_k", Learner::updates),
            Column.of("planned_finish", "s", "planned return t_k, from the cycle's start", Learner::plannedFinish),
            Column.of("realised_finish", "s", "return time the events gave, from the cycle's start (after T: late,"
                    + " left out)", Learner::realisedFinish),
            Column.of("idle", "s", "T minus the realised return (NaN when late)", Learner::idle));

    /** The cycle columns a run of {@code s} writes. */
    static List<Column<CommonRow.Row<Cycle>>> roundColumns(org.edgesim.scenario.Scenario s) {
        return CommonColumns.rounds(CYCLE, LEARNING, s.learning() != null);
    }

    static List<Column<DeviceCommon.Row<Learner>>> deviceColumns() {
        return CommonColumns.devices(LEARNER);
    }
}

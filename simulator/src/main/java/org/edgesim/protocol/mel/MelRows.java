package org.edgesim.protocol.mel;

import java.util.List;
import java.util.stream.Stream;
import org.edgesim.report.Column;

/** The rows async MEL writes, and their columns. */
final class MelRows {
    private MelRows() {
    }

    record CycleRow(int round, String scheduler, double start, double end, long maxStaleness, double averageStaleness,
                    double meanIdle, double plannedFinish, double realisedFinish, int late, int outages, long updates,
                    double validationLoss, double validationAccuracy, double energy) {
    }

    record DeviceRow(int round, int learner, double distance, double speed, double rate, long samples, long updates,
                     double plannedFinish, double realisedFinish, double idle, double outage, double computeEnergy,
                     double radioEnergy) {
    }

    private static final List<Column<CycleRow>> ENERGY = List.of(Column.of("energy", "J", "learners' energy this cycle:"
            + " computation kappa_e f^2 per cycle plus transmission of the model, P t", CycleRow::energy));

    private static final List<Column<DeviceRow>> DEVICE_ENERGY = List.of(
            Column.of("compute_energy", "J", "kappa_e f^2 per cycle of the tau_k local updates over d_k samples",
                    DeviceRow::computeEnergy),
            Column.of("radio_energy", "J", "transmit power times the model's upload time", DeviceRow::radioEnergy));

    private static final List<Column<CycleRow>> AVAILABILITY = List.of(Column.of("outages", "",
            "learners that were away during the cycle", CycleRow::outages));

    private static final List<Column<DeviceRow>> DEVICE_AVAILABILITY = List.of(Column.of("outage", "s",
            "how long the learner was away during its local updates (0: not)", DeviceRow::outage));

    /**
     * The cycle columns: with the learning ones, the outage one when devices.availability is given,
     * and the energy one when devices.cpu.capacitance is.
     */
    /** The cycle columns a run of {@code s} writes. */
    static List<Column<CycleRow>> roundColumns(org.edgesim.scenario.Scenario s) {
        return roundColumns(s.learning() != null, s.devices().availability() != null,
                s.devices().cpu().capacitance() != null);
    }

    static List<Column<CycleRow>> roundColumns(boolean learning, boolean availability, boolean energy) {
        return Stream.of(learning ? LEARNING_ROUND_COLUMNS : ROUND_COLUMNS,
                availability ? AVAILABILITY : List.<Column<CycleRow>>of(), energy ? ENERGY : List.<Column<CycleRow>>of())
                .flatMap(List::stream).toList();
    }

    static List<Column<DeviceRow>> deviceColumns(boolean availability, boolean energy) {
        return Stream.of(DEVICE_COLUMNS, availability ? DEVICE_AVAILABILITY : List.<Column<DeviceRow>>of(),
                energy ? DEVICE_ENERGY : List.<Column<DeviceRow>>of()).flatMap(List::stream).toList();
    }

    static final List<Column<CycleRow>> ROUND_COLUMNS = List.of(
            Column.of("round", "", "global cycle index, from 1", CycleRow::round),
            Column.text("scheduler", "scheduler that allocated the cycle", CycleRow::scheduler),
            Column.of("start", "s", "simulated time at which the cycle began", CycleRow::start),
            Column.of("end", "s", "simulated time of the aggregation, start + T", CycleRow::end),
            Column.of("max_staleness", "", "max over learner pairs of |tau_k - tau_l|", CycleRow::maxStaleness),
            Column.of("avg_staleness", "", "mean over the K(K-1)/2 pairs of |tau_k - tau_l|", CycleRow::averageStaleness),
            Column.of("mean_idle", "s", "mean time a learner waits between returning its model and the deadline",
                    CycleRow::meanIdle),
            Column.of("planned_finish", "s", "latest planned return, from the cycle's start", CycleRow::plannedFinish),
            Column.of("realised_finish", "s", "latest return the executed events gave, late models included",
                    CycleRow::realisedFinish),
            Column.of("finish_gap", "s", "realised minus planned latest return: what the allocation's promise missed by",
                    r -> r.realisedFinish() - r.plannedFinish()),
            Column.of("late_learners", "", "learners whose model arrived after the deadline (left out)", CycleRow::late),
            Column.of("total_updates", "", "sum of the learners' local updates", CycleRow::updates));

    static final List<Column<CycleRow>> LEARNING_ROUND_COLUMNS = Stream.concat(ROUND_COLUMNS.stream(), Stream.of(
            Column.of("validation_loss", "", "mean cross-entropy of the aggregated model on the held-out test set",
                    CycleRow::validationLoss),
            Column.of("validation_accuracy", "", "accuracy of the aggregated model on the held-out test set",
                    CycleRow::validationAccuracy))).toList();

    static final List<Column<DeviceRow>> DEVICE_COLUMNS = List.of(
            Column.of("round", "", "global cycle index, from 1", DeviceRow::round),
            Column.of("learner", "", "learner index", DeviceRow::learner),
            Column.of("distance", "m", "distance to the orchestrator", DeviceRow::distance),
            Column.of("speed", "Hz", "CPU clock this cycle", DeviceRow::speed),
            Column.of("rate", "bit/s", "link rate R_k (ergodic under Rayleigh fading)", DeviceRow::rate),
            Column.of("samples", "", "samples d_k", DeviceRow::samples),
            Column.of("updates", "", "local updates tau_k", DeviceRow::updates),
            Column.of("planned_finish", "s", "planned return t_k, from the cycle's start", DeviceRow::plannedFinish),
            Column.of("realised_finish", "s", "return time the events gave, from the cycle's start (after T: late, left out)",
                    DeviceRow::realisedFinish),
            Column.of("idle", "s", "T minus the realised return (NaN when late)", DeviceRow::idle));
}

package org.edgesim.protocol.feel;

import java.util.List;
import java.util.stream.Stream;
import org.edgesim.report.Column;

/** The rows FEEL writes, and their columns. */
final class FeelRows {
    private FeelRows() {
    }

    record RoundRow(int round, String scheduler, String update, double start, double planned, double realised,
                    double end, long globalBatch, double compute, double uplink, double downlink, double efficiency,
                    double learningRate, double trainLoss, double trainAccuracy, double testAccuracy, int aggregated,
                    int outages, double energy) {
    }

    record DeviceRow(int round, int device, double distance, double speed, double rateUp, double rateDown, int samples,
                     int batch, double slotUp, double slotDown, double compute, double uploaded, double finished,
                     double outage, boolean arrived, double computeEnergy, double radioEnergy) {
    }

    private static final List<Column<RoundRow>> ENERGY = List.of(Column.of("energy", "J", "devices' energy this round:"
            + " computation (kappa_e f^2 per cycle, or a GPU's power x busy time) plus transmission P t", RoundRow::energy));

    private static final List<Column<DeviceRow>> DEVICE_ENERGY = List.of(
            Column.of("compute_energy", "J", "its gradient (or epoch) and model update: kappa_e f^2 per cycle on a"
                    + " CPU, the board's power times the busy time on a GPU",
                    DeviceRow::computeEnergy),
            Column.of("radio_energy", "J", "transmit power times the time its upload spends sending (inside its slots)",
                    DeviceRow::radioEnergy));

    private static final List<Column<RoundRow>> STRAGGLERS = List.of(
            Column.of("aggregated", "", "updates the server aggregated (arrived before the deadline)",
                    RoundRow::aggregated),
            Column.of("outages", "", "devices that dropped out during the round", RoundRow::outages));

    private static final List<Column<DeviceRow>> DEVICE_STRAGGLERS = List.of(
            Column.of("outage", "s", "how long the device was away this round (0: not)", DeviceRow::outage),
            Column.of("arrived", "", "whether its update was aggregated", DeviceRow::arrived));

    /** The round columns: with learning, the learning ones; with dropouts or a deadline, the straggler ones. */
    /** The round columns a run of {@code s} writes. */
    static List<Column<RoundRow>> roundColumns(org.edgesim.scenario.Scenario s) {
        return roundColumns(s.learning() != null, stragglers(s), energy(s));
    }

    /**
     * Whether the rows report stragglers: whenever the scenario describes availability or a
     * deadline (even a dropout of 0), so that every point of a sweep over them has the same columns.
     */
    static boolean stragglers(org.edgesim.scenario.Scenario s) {
        return s.devices().availability() != null
                || !((org.edgesim.scenario.FeelSpec) s.protocol()).stragglers().waitsForAll();
    }

    /** Whether the rows report energy: a CPU capacitance or a GPU power is given. */
    static boolean energy(org.edgesim.scenario.Scenario s) {
        return s.devices().cpu() != null && s.devices().cpu().capacitance() != null
                || s.devices().gpu() != null && s.devices().gpu().power() != null;
    }

    static List<Column<RoundRow>> roundColumns(boolean learning, boolean stragglers, boolean energy) {
        return Stream.of(learning ? LEARNING_ROUND_COLUMNS : ROUND_COLUMNS,
                stragglers ? STRAGGLERS : List.<Column<RoundRow>>of(), energy ? ENERGY : List.<Column<RoundRow>>of())
                .flatMap(List::stream).toList();
    }

    static List<Column<DeviceRow>> deviceColumns(boolean stragglers, boolean energy) {
        return Stream.of(DEVICE_COLUMNS, stragglers ? DEVICE_STRAGGLERS : List.<Column<DeviceRow>>of(),
                energy ? DEVICE_ENERGY : List.<Column<DeviceRow>>of()).flatMap(List::stream).toList();
    }

    static final List<Column<RoundRow>> ROUND_COLUMNS = List.of(
            Column.of("round", "", "round index, from 1", RoundRow::round),
            Column.text("scheduler", "scheduler that planned the round", RoundRow::scheduler),
            Column.text("update", "what the devices did: gradient (FEEL), model (FedAvg) or local (individual"
                    + " learning: local training to convergence and the one average, its only row)",
                    RoundRow::update),
            Column.of("start", "s", "simulated time at which the round began", RoundRow::start),
            Column.of("planned_latency", "s", "round latency the scheduler planned (individual learning: the local"
                    + " training plus the exchange the plan's slots give)", RoundRow::planned),
            Column.of("realised_latency", "s", "round latency the executed events gave (same convention)",
                    RoundRow::realised),
            Column.of("latency_gap", "s", "realised minus planned latency: what the scheduler's promise missed by",
                    r -> r.realised() - r.planned()),
            Column.of("end", "s", "simulated time at which the round's model is available: the cumulative latency",
                    RoundRow::end),
            Column.of("global_batch", "", "B = sum of the devices' batches", RoundRow::globalBatch),
            Column.of("compute", "s", "longest computation of the round (gradient, local epoch, local training)",
                    RoundRow::compute),
            Column.of("uplink", "s", "from the round's start until the last upload has arrived", RoundRow::uplink),
            Column.of("downlink", "s", "from then until the last device has downloaded and updated",
                    RoundRow::downlink),
            Column.of("efficiency", "1/s", "planned learning efficiency sqrt(B) / T (xi = 1)", RoundRow::efficiency));

    /** With a {@code learning} section: also the step size and the model's loss and accuracy after the round. */
    static final List<Column<RoundRow>> LEARNING_ROUND_COLUMNS = Stream.concat(ROUND_COLUMNS.stream(), Stream.of(
            Column.of("learning_rate", "", "step size used: stepSize * sqrt(B / Bref)", RoundRow::learningRate),
            Column.of("train_loss", "", "mean cross-entropy on the whole training set after the round",
                    RoundRow::trainLoss),
            Column.of("train_accuracy", "", "accuracy on the training set after the round", RoundRow::trainAccuracy),
            Column.of("test_accuracy", "", "accuracy on the test set after the round", RoundRow::testAccuracy)))
            .toList();

    static final List<Column<DeviceRow>> DEVICE_COLUMNS = List.of(
            Column.of("round", "", "round index, from 1", DeviceRow::round),
            Column.of("device", "", "device index", DeviceRow::device),
            Column.of("distance", "m", "distance to the access point", DeviceRow::distance),
            Column.of("speed", "Hz", "CPU clock this round (NaN on a GPU)", DeviceRow::speed),
            Column.of("rate_up", "bit/s", "ergodic uplink rate R_U over the whole band", DeviceRow::rateUp),
            Column.of("rate_down", "bit/s", "ergodic downlink rate R_D", DeviceRow::rateDown),
            Column.of("samples", "", "training samples D_k held", DeviceRow::samples),
            Column.of("batch", "", "batch size B_k", DeviceRow::batch),
            Column.of("slot_up", "s", "uplink slot tau_U per frame", DeviceRow::slotUp),
            Column.of("slot_down", "s", "downlink slot tau_D per frame", DeviceRow::slotDown),
            Column.of("compute", "s", "from the round's start to the end of its computation", DeviceRow::compute),
            Column.of("uploaded", "s", "from the round's start to the end of its upload", DeviceRow::uploaded),
            Column.of("finished", "s", "from the round's start until it has updated", DeviceRow::finished));
}

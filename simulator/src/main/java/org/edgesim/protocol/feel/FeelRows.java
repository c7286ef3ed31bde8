package org.edgesim.protocol.feel;

import java.util.List;
import org.edgesim.protocol.CommonColumns;
import org.edgesim.report.Column;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;

/** FEEL's own columns, after the common ones ({@link CommonColumns}). */
final class FeelRows {
    private FeelRows() {
    }

    /** A round's own columns. */
    record Round(String update, long globalBatch, double compute, double uplink, double downlink, double efficiency,
                 double learningRate, double trainLoss, double trainAccuracy, double testAccuracy) {
    }

    /** A device's own columns in a round. */
    record Device(double distance, double speed, double rateUp, double rateDown, int samples, int batch, double slotUp,
                  double slotDown, double compute, double uploaded, double finished) {
    }

    static final List<Column<Round>> ROUND = List.of(
            Column.text("update", "what the devices did: gradient (FEEL), model (FedAvg) or local (individual"
                    + " learning: local training to convergence and the one average, its only row; its planned latency"
                    + " is the local training plus the exchange the plan's slots give)", Round::update),
            Column.of("global_batch", "", "B = sum of the devices' batches", Round::globalBatch),
            Column.of("compute", "s", "longest computation of the round (gradient, local epoch, local training)",
                    Round::compute),
            Column.of("uplink", "s", "from the round's start until the last upload has arrived", Round::uplink),
            Column.of("downlink", "s", "from then until the last device has downloaded and updated", Round::downlink),
            Column.of("efficiency", "1/s", "planned learning efficiency sqrt(B) / T (xi = 1)", Round::efficiency));

    /** With a {@code learning} section: also the step size and the model's loss and accuracy after the round. */
    static final List<Column<Round>> LEARNING = List.of(
            Column.of("learning_rate", "", "step size used: stepSize * sqrt(B / Bref)", Round::learningRate),
            Column.of("train_loss", "", "mean cross-entropy on the whole training set after the round",
                    Round::trainLoss),
            Column.of("train_accuracy", "", "accuracy on the training set after the round", Round::trainAccuracy),
            Column.of("test_accuracy", "", "accuracy on the test set after the round", Round::testAccuracy));

    static final List<Column<Device>> DEVICE = List.of(
            Column.of("distance", "m", "distance to the access point", Device::distance),
            Column.of("speed", "Hz", "CPU clock this round (NaN on a GPU)", Device::speed),
            Column.of("rate_up", "bit/s", "ergodic uplink rate R_U over the whole band", Device::rateUp),
            Column.of("rate_down", "bit/s", "ergodic downlink rate R_D", Device::rateDown),
            Column.of("samples", "", "training samples D_k held", Device::samples),
            Column.of("batch", "", "batch size B_k", Device::batch),
            Column.of("slot_up", "s", "uplink slot tau_U per frame", Device::slotUp),
            Column.of("slot_down", "s", "downlink slot tau_D per frame", Device::slotDown),
            Column.of("compute", "s", "from the round's start to the end of its computation", Device::compute),
            Column.of("uploaded", "s", "from the round's start to the end of its upload", Device::uploaded),
            Column.of("finished", "s", "from the round's start until it has updated", Device::finished));

    /** The round columns a run of {@code s} writes. */
    static List<Column<CommonRow.Row<Round>>> roundColumns(org.edgesim.scenario.Scenario s) {
        return CommonColumns.rounds(ROUND, LEARNING, s.learning() != null);
    }

    static List<Column<DeviceCommon.Row<Device>>> deviceColumns() {
        return CommonColumns.devices(DEVICE);
    }
}

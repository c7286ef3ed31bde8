package org.edgesim.protocol.cpsl;

import java.util.List;
import org.edgesim.protocol.CommonColumns;
import org.edgesim.report.Column;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;

/** CPSL's own columns, after the common ones ({@link CommonColumns}). */
final class CpslRows {
    private CpslRows() {
    }

    /** A round's own columns. */
    record Round(int cut, int clusters, double initial, double chain, double testLoss, double testAccuracy) {
    }

    /** A device's own columns in a round. */
    record Device(int cluster, double speed, double snrDb, double rate, int subcarriers, double modelUploaded) {
    }

    static final List<Column<Round>> ROUND = List.of(
            Column.of("cut_layer", "", "layer after which the model is cut (the device runs layers 1..v)", Round::cut),
            Column.of("clusters", "", "number of clusters, trained one after another", Round::clusters),
            Column.of("initial_latency", "s", "round latency of the scheduler's starting clustering (Gibbs: the"
                    + " random start)", Round::initial),
            Column.of("chain_latency", "s", "round latency of the scheduler's last state (Gibbs: where the chain"
                    + " stands after its G iterations; its best seen is the plan); the plan's for the others",
                    Round::chain));

    static final List<Column<Round>> LEARNING = List.of(
            Column.of("test_loss", "", "mean cross-entropy of the whole model on the test set after the round",
                    Round::testLoss),
            Column.of("test_accuracy", "", "accuracy of the whole model on the test set after the round",
                    Round::testAccuracy));

    static final List<Column<Device>> DEVICE = List.of(
            Column.of("cluster", "", "position of the device's cluster in the round, from 0", Device::cluster),
            Column.of("speed", "Hz", "CPU clock this round", Device::speed),
            Column.of("snr", "dB", "SNR this round (uplink and downlink)", Device::snrDb),
            Column.of("rate", "bit/s", "rate of one subcarrier", Device::rate),
            Column.of("subcarriers", "", "subcarriers x_k", Device::subcarriers),
            Column.of("model_uploaded", "s", "when its device-side model reached the AP, from the round's start (NaN:"
                    + " it was out before sending it)", Device::modelUploaded));

    /** The round columns a run of {@code s} writes. */
    static List<Column<CommonRow.Row<Round>>> roundColumns(org.edgesim.scenario.Scenario s) {
        return CommonColumns.rounds(ROUND, LEARNING, s.learning() != null);
    }

    static List<Column<DeviceCommon.Row<Device>>> deviceColumns() {
        return CommonColumns.devices(DEVICE);
    }
}

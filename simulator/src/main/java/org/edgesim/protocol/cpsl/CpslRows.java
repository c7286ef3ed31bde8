package org.edgesim.protocol.cpsl;

import java.util.List;
import org.edgesim.protocol.CommonColumns;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.table.Col;
import org.edgesim.table.Column;

/** CPSL's own columns, after the common ones ({@link CommonColumns}). */
final class CpslRows {
    private CpslRows() {
    }

    /** A round's own columns. */
    record Round(@Col("layer after which the model is cut (the device runs layers 1..v)") int cutLayer,
                 @Col(value = "number of clusters, trained one after another", min = 0) int clusters,
                 @Col(value = "round latency of the scheduler's starting clustering (Gibbs: the random start)",
                         unit = "s", min = 0) double initialLatency,
                 @Col(value = "round latency of the scheduler's last state (Gibbs: where the chain stands after its G"
                         + " iterations; its best seen is the plan); the plan's for the others", unit = "s", min = 0)
                 double chainLatency,
                 @Col(value = "mean cross-entropy of the whole model on the test set after the round",
                         learning = true, min = 0)
                 double testLoss,
                 @Col(value = "accuracy of the whole model on the test set after the round",
                         learning = true, min = 0, max = 1)
                 double testAccuracy) {
    }

    /** A device's own columns in a round. */
    record Device(@Col("position of the device's cluster in the round, from 0") int cluster,
                  @Col(value = "CPU clock this round", unit = "Hz") double speed,
                  @Col(value = "SNR this round (uplink and downlink)", unit = "dB") double snr,
                  @Col(value = "rate of one subcarrier", unit = "bit/s") double rate,
                  @Col("subcarriers x_k") int subcarriers,
                  @Col(value = "when its device-side model reached the AP, from the round's start (NaN: it was out"
                          + " before sending it)", unit = "s") double modelUploaded) {
    }

    /** The round columns a run of {@code s} writes. */
    static List<Column<CommonRow.Row<Round>>> roundColumns(org.edgesim.scenario.Scenario s) {
        return CommonColumns.rounds(s, Round.class);
    }

    static List<Column<DeviceCommon.Row<Device>>> deviceColumns(org.edgesim.scenario.Scenario s) {
        return CommonColumns.devices(s, Device.class);
    }
}

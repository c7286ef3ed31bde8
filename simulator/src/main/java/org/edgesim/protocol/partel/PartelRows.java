package org.edgesim.protocol.partel;

import java.util.List;
import org.edgesim.protocol.CommonColumns;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.table.Col;
import org.edgesim.table.Column;

/** PARTEL's own columns, after the common ones ({@link CommonColumns}). */
final class PartelRows {
    private PartelRows() {
    }

    /** A round's own columns: its phases and, once trained, its accuracy. */
    record Round(@Col(value = "broadcast of the model (T_ph)", unit = "s", min = 0) double push,
                 @Col(value = "block-gradient computation of the worker whose gradient the server took last",
                         unit = "s", min = 0) double compute,
                 @Col(value = "gradient upload of that worker", unit = "s", min = 0) double pull,
                 @Col(value = "server update (T_s)", unit = "s", min = 0) double server,
                 @Col("index of the worker whose gradient the server took last (-1: none)") int criticalDevice,
                 @Col(value = "mean cross-entropy on the training set after the round",
                         learning = true, min = 0)
                 double trainLoss,
                 @Col(value = "accuracy on the training set after the round",
                         learning = true, min = 0, max = 1) double trainAccuracy,
                 @Col(value = "accuracy on the test set after the round",
                         learning = true, min = 0, max = 1) double testAccuracy) {
        static Round of(PartelRound.Outcome o) {
            return new Round(o.push(), o.criticalCompute(), o.criticalUpload(), o.server(), o.critical(), Double.NaN,
                    Double.NaN, Double.NaN);
        }

        Round withAccuracy(PartelTraining.RoundAccuracy a) {
            return new Round(push, compute, pull, server, criticalDevice, a.trainLoss(), a.trainAccuracy(),
                    a.testAccuracy());
        }
    }

    /** A worker's own columns in a round. */
    record Device(@Col("parameter group k (device index: group * N + position)") int group,
                  @Col(value = "distance to the access point", unit = "m") double distance,
                  @Col("downlink channel power gain H_d (path loss x fading x shadowing)") double gainDown,
                  @Col("uplink channel power gain H_u") double gainUp,
                  @Col(value = "CPU clock this round", unit = "Hz") double speed,
                  @Col(value = "downlink rate over the whole band", unit = "bit/s") double rateDown,
                  @Col(value = "uplink rate on the worker's bandwidth share", unit = "bit/s") double rateUp,
                  @Col(value = "block length b_k of the worker's group", unit = "params") long block,
                  @Col("fraction rho of the band for the upload") double bandwidthShare,
                  @Col("training samples D_{k,n} held") int samples,
                  @Col(value = "block-gradient computation time, outages included (NaN: not done by the round's end)",
                          unit = "s") double compute,
                  @Col(value = "gradient-block upload time (NaN: not sent)", unit = "s") double upload,
                  @Col(value = "time from the round's start to the end of its upload", unit = "s") double finish) {
    }

    /** The round columns a run of {@code s} writes. */
    static List<Column<CommonRow.Row<Round>>> roundColumns(org.edgesim.scenario.Scenario s) {
        return CommonColumns.rounds(s, Round.class);
    }

    static List<Column<DeviceCommon.Row<Device>>> deviceColumns(org.edgesim.scenario.Scenario s) {
        return CommonColumns.devices(s, Device.class);
    }
}

package org.edgesim.protocol.partel;

import java.util.List;
import org.edgesim.protocol.CommonColumns;
import org.edgesim.report.Column;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;

/** PARTEL's own columns, after the common ones ({@link CommonColumns}). */
final class PartelRows {
    private PartelRows() {
    }

    /** A round's own columns: its phases and, once trained, its accuracy. */
    record Round(double push, double compute, double pull, double server, int critical, double trainLoss,
                 double trainAccuracy, double testAccuracy) {
        static Round of(PartelRound.Outcome o) {
            return new Round(o.push(), o.criticalCompute(), o.criticalUpload(), o.server(), o.critical(), Double.NaN,
                    Double.NaN, Double.NaN);
        }

        Round withAccuracy(PartelTraining.RoundAccuracy a) {
            return new Round(push, compute, pull, server, critical, a.trainLoss(), a.trainAccuracy(), a.testAccuracy());
        }
    }

    /** A worker's own columns in a round. */
    record Device(int group, double distance, double gainDown, double gainUp, double speed, double rateDown,
                  double rateUp, long block, double share, int samples, double compute, double upload, double finish) {
    }

    static final List<Column<Round>> ROUND = List.of(
            Column.of("push", "s", "broadcast of the model (T_ph)", Round::push),
            Column.of("compute", "s", "block-gradient computation of the worker whose gradient the server took last",
                    Round::compute),
            Column.of("pull", "s", "gradient upload of that worker", Round::pull),
            Column.of("server", "s", "server update (T_s)", Round::server),
            Column.of("critical_device", "", "index of the worker whose gradient the server took last (-1: none)",
                    Round::critical));

    static final List<Column<Round>> LEARNING = List.of(
            Column.of("train_loss", "", "mean cross-entropy on the training set after the round", Round::trainLoss),
            Column.of("train_accuracy", "", "accuracy on the training set after the round", Round::trainAccuracy),
            Column.of("test_accuracy", "", "accuracy on the test set after the round", Round::testAccuracy));

    static final List<Column<Device>> DEVICE = List.of(
            Column.of("group", "", "parameter group k (device index: group * N + position)", Device::group),
            Column.of("distance", "m", "distance to the access point", Device::distance),
            Column.of("gain_down", "", "downlink channel power gain H_d (path loss x fading x shadowing)",
                    Device::gainDown),
            Column.of("gain_up", "", "uplink channel power gain H_u", Device::gainUp),
            Column.of("speed", "Hz", "CPU clock this round", Device::speed),
            Column.of("rate_down", "bit/s", "downlink rate over the whole band", Device::rateDown),
            Column.of("rate_up", "bit/s", "uplink rate on the worker's bandwidth share", Device::rateUp),
            Column.of("block", "params", "block length b_k of the worker's group", Device::block),
            Column.of("bandwidth_share", "", "fraction rho of the band for the upload", Device::share),
            Column.of("samples", "", "training samples D_{k,n} held", Device::samples),
            Column.of("compute", "s", "block-gradient computation time, outages included (NaN: not done by the"
                    + " round's end)", Device::compute),
            Column.of("upload", "s", "gradient-block upload time (NaN: not sent)", Device::upload),
            Column.of("finish", "s", "time from the round's start to the end of its upload", Device::finish));

    /** The round columns a run of {@code s} writes. */
    static List<Column<CommonRow.Row<Round>>> roundColumns(org.edgesim.scenario.Scenario s) {
        return CommonColumns.rounds(ROUND, LEARNING, s.learning() != null);
    }

    static List<Column<DeviceCommon.Row<Device>>> deviceColumns() {
        return CommonColumns.devices(DEVICE);
    }
}

package org.edgesim.protocol.partel;

import java.util.List;
import org.edgesim.report.Column;

/** The rows PARTEL writes, and their columns. */
final class PartelRows {
    private PartelRows() {
    }

    record RoundRow(int round, String scheduler, double start, double planned, double realised, double end,
                    double push, double compute, double pull, double server, int critical, double trainLoss,
                    double trainAccuracy, double testAccuracy, int aggregated, int outages, double energy) {
        RoundRow withAccuracy(PartelTraining.RoundAccuracy a) {
            return new RoundRow(round, scheduler, start, planned, realised, end, push, compute, pull, server, critical,
                    a.trainLoss(), a.trainAccuracy(), a.testAccuracy(), aggregated, outages, energy);
        }
    }

    record DeviceRow(int round, int device, int group, double distance, double gainDown, double gainUp,
                     double speed, double rateDown, double rateUp, long block, double share, int samples,
                     double compute, double upload, double finish, double outage, boolean arrived,
                     double computeEnergy, double radioEnergy) {
    }

    private static final List<Column<RoundRow>> STRAGGLERS = List.of(
            Column.of("aggregated", "", "workers whose gradient block the server took (in time, or within the quorum)",
                    RoundRow::aggregated),
            Column.of("outages", "", "workers that were away during the round", RoundRow::outages));

    private static final List<Column<DeviceRow>> DEVICE_STRAGGLERS = List.of(
            Column.of("outage", "s", "how long the worker was away this round (0: not)", DeviceRow::outage),
            Column.of("arrived", "", "whether the server took its gradient block", DeviceRow::arrived));

    private static final List<Column<RoundRow>> ENERGY = List.of(Column.of("energy", "J", "workers' energy this round:"
            + " computation kappa_e f^2 per cycle plus transmission P t", RoundRow::energy));

    private static final List<Column<DeviceRow>> DEVICE_ENERGY = List.of(
            Column.of("compute_energy", "J", "kappa_e f^2 per cycle of the block gradient", DeviceRow::computeEnergy),
            Column.of("radio_energy", "J", "transmit power times the upload time", DeviceRow::radioEnergy));

    /**
     * The round columns: with the learning ones; with the straggler ones when availability or a
     * straggler policy is described; with the energy one when devices.cpu.capacitance is given.
     */
    /** The round columns a run of {@code s} writes. */
    static List<Column<RoundRow>> roundColumns(org.edgesim.scenario.Scenario s) {
        return roundColumns(s.learning() != null, stragglers(s), s.devices().cpu().capacitance() != null);
    }

    /** Whether the scenario describes availability or a straggler policy (then the rows report them). */
    static boolean stragglers(org.edgesim.scenario.Scenario s) {
        return s.devices().availability() != null
                || !((org.edgesim.scenario.PartelSpec) s.protocol()).stragglers().waitsForAll();
    }

    static List<Column<RoundRow>> roundColumns(boolean learning, boolean stragglers, boolean energy) {
        return java.util.stream.Stream.of(learning ? LEARNING_ROUND_COLUMNS : ROUND_COLUMNS,
                stragglers ? STRAGGLERS : List.<Column<RoundRow>>of(), energy ? ENERGY : List.<Column<RoundRow>>of())
                .flatMap(List::stream).toList();
    }

    static List<Column<DeviceRow>> deviceColumns(boolean stragglers, boolean energy) {
        return java.util.stream.Stream.of(DEVICE_COLUMNS, stragglers ? DEVICE_STRAGGLERS : List.<Column<DeviceRow>>of(),
                energy ? DEVICE_ENERGY : List.<Column<DeviceRow>>of()).flatMap(List::stream).toList();
    }

    static final List<Column<RoundRow>> ROUND_COLUMNS = List.of(
            Column.of("round", "", "round index, from 1", RoundRow::round),
            Column.text("scheduler", "scheduler that planned the round", RoundRow::scheduler),
            Column.of("start", "s", "simulated time at which the round began", RoundRow::start),
            Column.of("planned_latency", "s", "round latency the scheduler planned", RoundRow::planned),
            Column.of("realised_latency", "s", "round latency the executed events gave", RoundRow::realised),
            Column.of("latency_gap", "s", "realised minus planned latency: what the scheduler's promise missed by",
                    r -> r.realised() - r.planned()),
            Column.of("end", "s", "simulated time at which the round ended: the cumulative latency", RoundRow::end),
            Column.of("push", "s", "broadcast of the model (T_ph)", RoundRow::push),
            Column.of("compute", "s", "block-gradient computation of the worker whose gradient the server took last",
                    RoundRow::compute),
            Column.of("pull", "s", "gradient upload of that worker", RoundRow::pull),
            Column.of("server", "s", "server update (T_s)", RoundRow::server),
            Column.of("critical_device", "", "index of the worker whose gradient the server took last (-1: none)",
                    RoundRow::critical));

    /** With a {@code learning} section: the round columns and the model's accuracy after the round. */
    static final List<Column<RoundRow>> LEARNING_ROUND_COLUMNS = java.util.stream.Stream.concat(ROUND_COLUMNS.stream(),
            java.util.stream.Stream.of(
                    Column.of("train_loss", "", "mean cross-entropy on the training set after the round",
                            RoundRow::trainLoss),
                    Column.of("train_accuracy", "", "accuracy on the training set after the round",
                            RoundRow::trainAccuracy),
                    Column.of("test_accuracy", "", "accuracy on the test set after the round",
                            RoundRow::testAccuracy))).toList();

    static final List<Column<DeviceRow>> DEVICE_COLUMNS = List.of(
            Column.of("round", "", "round index, from 1", DeviceRow::round),
            Column.of("device", "", "device index, group * N + position", DeviceRow::device),
            Column.of("group", "", "parameter group k", DeviceRow::group),
            Column.of("distance", "m", "distance to the access point", DeviceRow::distance),
            Column.of("gain_down", "", "downlink channel power gain H_d (path loss x fading x shadowing)", DeviceRow::gainDown),
            Column.of("gain_up", "", "uplink channel power gain H_u", DeviceRow::gainUp),
            Column.of("speed", "Hz", "CPU clock this round", DeviceRow::speed),
            Column.of("rate_down", "bit/s", "downlink rate over the whole band", DeviceRow::rateDown),
            Column.of("rate_up", "bit/s", "uplink rate on the worker's bandwidth share", DeviceRow::rateUp),
            Column.of("block", "params", "block length b_k of the worker's group", DeviceRow::block),
            Column.of("bandwidth_share", "", "fraction rho of the band for the upload", DeviceRow::share),
            Column.of("samples", "", "training samples D_{k,n} held", DeviceRow::samples),
            Column.of("compute", "s", "block-gradient computation time, outages included (NaN: not done by the"
                    + " round's end)", DeviceRow::compute),
            Column.of("upload", "s", "gradient-block upload time (NaN: not sent)", DeviceRow::upload),
            Column.of("finish", "s", "time from the round's start to the end of its upload", DeviceRow::finish));
}

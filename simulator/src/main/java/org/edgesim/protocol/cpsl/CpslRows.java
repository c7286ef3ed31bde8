package org.edgesim.protocol.cpsl;

import java.util.List;
import java.util.stream.Stream;
import org.edgesim.report.Column;

/** The rows CPSL writes, and their columns. */
final class CpslRows {
    private CpslRows() {
    }

    record RoundRow(int round, String scheduler, int cut, int clusters, double start, double end, double initial,
                    double chain, double planned, double realised, double testLoss, double testAccuracy, int averaged,
                    int outages, double energy) {
    }

    record DeviceRow(int round, int device, int cluster, double speed, double snrDb, double rate, int subcarriers,
                     double done, double outage, boolean averaged, double computeEnergy, double radioEnergy,
                     double transmitting) {
    }

    private static final List<Column<RoundRow>> STRAGGLERS = List.of(
            Column.of("aggregated", "", "device-side models averaged (the devices that kept up with every deadline)",
                    RoundRow::averaged),
            Column.of("outages", "", "devices that were away during the round", RoundRow::outages));

    private static final List<Column<DeviceRow>> DEVICE_STRAGGLERS = List.of(
            Column.of("outage", "s", "how long the device was away during its passes this round (0: not)",
                    DeviceRow::outage),
            Column.of("arrived", "", "whether its device-side model was averaged", DeviceRow::averaged));

    static final List<Column<RoundRow>> ROUND_COLUMNS = List.of(
            Column.of("round", "", "round index, from 1", RoundRow::round),
            Column.text("scheduler", "scheduler that chose clusters and subcarriers", RoundRow::scheduler),
            Column.of("cut_layer", "", "layer after which the model is cut (the device runs layers 1..v)", RoundRow::cut),
            Column.of("clusters", "", "number of clusters, trained one after another", RoundRow::clusters),
            Column.of("start", "s", "simulated time at which the round began", RoundRow::start),
            Column.of("end", "s", "simulated time at which the last cluster's models were averaged", RoundRow::end),
            Column.of("initial_latency", "s", "round latency of the scheduler's starting clustering (Gibbs: the"
                    + " random start)", RoundRow::initial),
            Column.of("chain_latency", "s", "round latency of the scheduler's last state (Gibbs: where the chain"
                    + " stands after its G iterations; its best seen is the plan); the plan's for the others",
                    RoundRow::chain),
            Column.of("planned_latency", "s", "round latency D = sum_m D_m of the plan, closed form, on the conditions the"
                    + " scheduler saw (radio.csiError, csiAge)", RoundRow::planned),
            Column.of("realised_latency", "s", "round latency the executed events gave", RoundRow::realised),
            Column.of("latency_gap", "s", "realised minus planned latency: what the scheduler's promise missed by",
                    r -> r.realised() - r.planned()));

    private static final List<Column<RoundRow>> LEARNING = List.of(
            Column.of("test_loss", "", "mean cross-entropy of the whole model on the test set after the round",
                    RoundRow::testLoss),
            Column.of("test_accuracy", "", "accuracy of the whole model on the test set after the round",
                    RoundRow::testAccuracy));

    private static final List<Column<RoundRow>> ENERGY = List.of(
            Column.of("energy", "J", "devices' energy this round: computation kappa_e f^2 per cycle plus transmission"
                    + " P t", RoundRow::energy));

    /**
     * The round columns, with the learning ones, the straggler ones (availability or a deadline
     * described) and the energy one when they apply.
     */
    /** The round columns a run of {@code s} writes. */
    static List<Column<RoundRow>> roundColumns(org.edgesim.scenario.Scenario s) {
        return roundColumns(s.learning() != null, stragglers(s), s.devices().cpu().capacitance() != null);
    }

    /** Whether the scenario describes availability or a deadline (then the rows report them). */
    static boolean stragglers(org.edgesim.scenario.Scenario s) {
        return s.devices().availability() != null
                || !((org.edgesim.scenario.CpslSpec) s.protocol()).stragglers().waitsForAll();
    }

    static List<Column<RoundRow>> roundColumns(boolean learning, boolean stragglers, boolean energy) {
        return Stream.of(ROUND_COLUMNS, learning ? LEARNING : List.<Column<RoundRow>>of(),
                stragglers ? STRAGGLERS : List.<Column<RoundRow>>of(), energy ? ENERGY : List.<Column<RoundRow>>of())
                .flatMap(List::stream).toList();
    }

    /** The device columns, with the straggler and energy ones when they apply. */
    static List<Column<DeviceRow>> deviceColumns(boolean stragglers, boolean energy) {
        return Stream.of(DEVICE_COLUMNS, stragglers ? DEVICE_STRAGGLERS : List.<Column<DeviceRow>>of(),
                energy ? DEVICE_ENERGY : List.<Column<DeviceRow>>of()).flatMap(List::stream).toList();
    }

    private static final List<Column<DeviceRow>> DEVICE_ENERGY = List.of(
            Column.of("transmitting", "s", "time spent sending (smashed data and device model)", DeviceRow::transmitting),
            Column.of("compute_energy", "J", "kappa_e f^2 per cycle of the forward and backward passes it made",
                    DeviceRow::computeEnergy),
            Column.of("radio_energy", "J", "transmit power times the time spent sending", DeviceRow::radioEnergy));

    static final List<Column<DeviceRow>> DEVICE_COLUMNS = List.of(
            Column.of("round", "", "round index, from 1", DeviceRow::round),
            Column.of("device", "", "device index", DeviceRow::device),
            Column.of("cluster", "", "position of the device's cluster in the round, from 0", DeviceRow::cluster),
            Column.of("speed", "Hz", "CPU clock this round", DeviceRow::speed),
            Column.of("snr", "dB", "SNR this round (uplink and downlink)", DeviceRow::snrDb),
            Column.of("rate", "bit/s", "rate of one subcarrier", DeviceRow::rate),
            Column.of("subcarriers", "", "subcarriers x_k", DeviceRow::subcarriers),
            Column.of("model_uploaded", "s", "when its device-side model reached the AP, from the round's start (NaN:"
                    + " it was out before sending it)",
                    DeviceRow::done));
}

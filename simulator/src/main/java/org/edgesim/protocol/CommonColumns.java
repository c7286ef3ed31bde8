package org.edgesim.protocol;

import java.util.List;
import java.util.stream.Stream;
import org.edgesim.report.Column;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;

/** The common columns ({@link CommonRow}, {@link DeviceCommon}) and tables of common plus own columns. */
public final class CommonColumns {
    private CommonColumns() {
    }

    public static final List<Column<CommonRow>> ROUND = List.of(
            Column.of("round", "", "round index (async MEL: global cycle), from 1", CommonRow::round),
            Column.text("scheduler", "scheduler that planned the round", CommonRow::scheduler),
            Column.of("start", "s", "simulated time at which the round began", CommonRow::start),
            Column.of("end", "s", "simulated time at which the round ended (async MEL: the aggregation, start + T)",
                    CommonRow::end),
            Column.of("planned_latency", "s", "round latency the scheduler planned (async MEL: its latest planned"
                    + " return)", CommonRow::planned),
            Column.of("realised_latency", "s", "round latency the executed events gave (async MEL: the latest return,"
                    + " late models included)", CommonRow::realised),
            Column.of("latency_gap", "s", "realised minus planned latency: what the scheduler's promise missed by",
                    r -> r.realised() - r.planned()),
            Column.of("aggregated", "", "devices whose update the server took (in time, within the quorum)",
                    CommonRow::aggregated),
            Column.of("outages", "", "devices that were away during the round (devices.availability)",
                    CommonRow::outages),
            Column.of("energy", "J", "devices' energy for the round: computing (kappa_e f^2 per cycle, or a GPU's"
                    + " power) plus transmitting (P t); NaN without an energy model", CommonRow::energy),
            Column.of("retransmitted", "bit", "bits resent after packet loss (radio.packetErrorRate)",
                    CommonRow::retransmitted));

    public static final List<Column<DeviceCommon>> DEVICE = List.of(
            Column.of("round", "", "round index (async MEL: global cycle), from 1", DeviceCommon::round),
            Column.of("device", "", "device index", DeviceCommon::device),
            Column.of("aggregated", "", "whether the server took the device's update", DeviceCommon::aggregated),
            Column.of("outage", "s", "how long the device was away during the round's computations (0: not)",
                    DeviceCommon::outage),
            Column.of("compute_energy", "J", "energy of its computing (NaN without an energy model)",
                    DeviceCommon::computeEnergy),
            Column.of("radio_energy", "J", "energy of its transmitting, P times the time it sent (NaN without an"
                    + " energy model)", DeviceCommon::radioEnergy),
            Column.of("retransmitted", "bit", "bits resent on its links after packet loss", DeviceCommon::retransmitted));

    /** The round columns: the common ones, then {@code own}. */
    public static <E> List<Column<CommonRow.Row<E>>> rounds(List<Column<E>> own) {
        return Stream.concat(ROUND.stream().map(c -> c.<CommonRow.Row<E>>from(CommonRow.Row::common)),
                own.stream().map(c -> c.<CommonRow.Row<E>>from(CommonRow.Row::own))).toList();
    }

    /** The device columns: the common ones, then {@code own}. */
    public static <E> List<Column<DeviceCommon.Row<E>>> devices(List<Column<E>> own) {
        return Stream.concat(DEVICE.stream().map(c -> c.<DeviceCommon.Row<E>>from(DeviceCommon.Row::common)),
                own.stream().map(c -> c.<DeviceCommon.Row<E>>from(DeviceCommon.Row::own))).toList();
    }
}

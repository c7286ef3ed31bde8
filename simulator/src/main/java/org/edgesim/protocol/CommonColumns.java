package org.edgesim.protocol;

import java.util.List;
import java.util.stream.Stream;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.scenario.Scenario;
import org.edgesim.table.Column;
import org.edgesim.table.RecordColumns;

/** The common columns ({@link CommonRow}, {@link DeviceCommon}) and tables of common plus own columns. */
public final class CommonColumns {
    private CommonColumns() {
    }

    public static final List<Column<CommonRow>> ROUND = List.of(
            Column.of("round", "", "round index (async MEL: global cycle), from 1", CommonRow::round),
            Column.text("scheduler", "scheduler that planned the round", CommonRow::scheduler),
            Column.of("start", "s", "simulated time at which the round began", CommonRow::start).nonNegative(),
            Column.of("end", "s", "simulated time at which the round ended (async MEL: the aggregation, start + T)",
                    CommonRow::end).nonNegative(),
            Column.of("planned_latency", "s", "round latency the scheduler planned (async MEL: its latest planned"
                    + " return)", CommonRow::planned).nonNegative(),
            Column.of("realised_latency", "s", "round latency the executed events gave (async MEL: the latest return,"
                    + " late models included)", CommonRow::realised).nonNegative(),
            Column.of("latency_gap", "s", "realised minus planned latency: what the scheduler's promise missed by",
                    r -> r.realised() - r.planned()),
            Column.of("aggregated", "", "devices whose update the server took (in time, within the quorum)",
                    CommonRow::aggregated).nonNegative(),
            Column.of("outages", "", "devices that were away during the round (devices.availability)",
                    CommonRow::outages).nonNegative(),
            Column.of("energy", "J", "devices' energy for the round: computing (kappa_e f^2 per cycle, or a GPU's"
                    + " power) plus transmitting (P t); NaN without an energy model", CommonRow::energy)
                    .nonNegative(),
            Column.of("retransmitted", "bit", "bits resent after packet loss (radio.packetErrorRate)",
                    CommonRow::retransmitted).nonNegative());

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

    /** With several cells, the round's cell columns after the common ones: one row per cell and round. */
    public static final List<Column<CommonRow.CellRow>> CELL = List.of(
            Column.of("members", "", "devices the cell served in the round", CommonRow.CellRow::members),
            Column.of("handovers", "", "of them, devices handed over to it at the round's start",
                    CommonRow.CellRow::handovers),
            Column.of("interference_up", "W/Hz", "interference density its uplinks heard from co-channel cells in the"
                    + " round (its scheduler plans the next round on it)", CommonRow.CellRow::heardUp),
            Column.of("interference_down", "W/Hz", "interference density its downlinks heard",
                    CommonRow.CellRow::heardDown),
            Column.of("round_length", "s", "from the round's start until the next could start: the slowest cell, then"
                    + " the cloud's step", CommonRow.CellRow::over),
            Column.of("cloud", "s", "the cloud's step after the round: edge models up the backhaul, the average"
                    + " back (0: none)", CommonRow.CellRow::cloud));

    /**
     * The round columns of {@code s}'s runs: the common ones (several cells: the cell's index second,
     * its columns after), then the columns of record {@code ownRecord}.
     */
    public static <E extends Record> List<Column<CommonRow.Row<E>>> rounds(Scenario s, Class<E> ownRecord) {
        // A learning section adds the record's learning columns (loss, accuracy).
        List<Column<E>> own = RecordColumns.of(ownRecord, s.learning() != null);
        List<Column<CommonRow.Row<E>>> common = ROUND.stream().map(c -> c.<CommonRow.Row<E>>from(CommonRow.Row::common))
                .toList();
        if (s.severalCells()) {
            List<Column<CommonRow.Row<E>>> all = new java.util.ArrayList<>(common);
            all.add(1, Column.<CommonRow.Row<E>>of("cell", "", "the cell (its access point's index)",
                    r -> r.common().cell().cell()));
            for (Column<CommonRow.CellRow> c : CELL) {
                all.add(c.from(r -> r.common().cell()));
            }
            common = all;
        }
        return Stream.concat(common.stream(), own.stream().map(c -> c.<CommonRow.Row<E>>from(CommonRow.Row::own)))
                .toList();
    }

    /**
     * The device columns of {@code s}'s runs: the common ones (several cells: its cell, handover and
     * position after the device), then the columns of record {@code ownRecord}.
     */
    public static <E extends Record> List<Column<DeviceCommon.Row<E>>> devices(Scenario s, Class<E> ownRecord) {
        List<Column<E>> own = RecordColumns.of(ownRecord, false);
        List<Column<DeviceCommon.Row<E>>> common = DEVICE.stream()
                .map(c -> c.<DeviceCommon.Row<E>>from(DeviceCommon.Row::common)).toList();
        if (s.severalCells()) {
            List<Column<DeviceCommon.Row<E>>> all = new java.util.ArrayList<>(common);
            all.add(2, Column.<DeviceCommon.Row<E>>of("cell", "", "the cell that served it in the round",
                    r -> r.common().cell()));
            all.add(3, Column.<DeviceCommon.Row<E>>of("handovers", "", "1 when it was handed over to that cell at the"
                    + " round's start, else 0", r -> r.common().handedOver() ? 1 : 0));
            all.add(4, Column.<DeviceCommon.Row<E>>of("x", "m", "where it was at the round's start, east of the"
                    + " first site", r -> r.common().position().x()));
            all.add(5, Column.<DeviceCommon.Row<E>>of("y", "m", "and north of it", r -> r.common().position().y()));
            common = all;
        }
        if (s.radio().pathLoss().tr38901()) {
            // The links' large-scale state, after the common columns (TR 38.901: a state per link).
            List<Column<DeviceCommon.Row<E>>> all = new java.util.ArrayList<>(common);
            all.add(Column.of("distance_3d", "m", "straight-line distance between its antenna and the serving site's"
                    + " at the round's start", r -> r.common().link().distance3dM()));
            all.add(Column.of("los", "", "1 when its link with the serving site was in line of sight, else 0",
                    r -> r.common().link().los() ? 1 : 0));
            all.add(Column.of("path_loss", "dB", "the link's path loss (with the outdoor-to-indoor loss indoors)",
                    r -> r.common().link().pathLossDb()));
            all.add(Column.of("shadowing", "dB", "the link's shadow fading (a loss when positive)",
                    r -> r.common().link().shadowingDb()));
            common = all;
        }
        return Stream.concat(common.stream(), own.stream().map(c -> c.<DeviceCommon.Row<E>>from(DeviceCommon.Row::own)))
                .toList();
    }
}

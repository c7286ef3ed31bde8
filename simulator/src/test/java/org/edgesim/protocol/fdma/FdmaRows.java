package org.edgesim.protocol.fdma;

import java.util.List;
import org.edgesim.protocol.CommonColumns;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.scenario.Scenario;
import org.edgesim.table.Col;
import org.edgesim.table.Column;

/** FedAvg over FDMA's own columns, after the common ones. */
final class FdmaRows {
    private FdmaRows() {
    }

    record Round(@Col(value = "from the round's start until the server aggregated", unit = "s") double uplink) {
    }

    record Device(@Col("share of the band") double share,
                  @Col(value = "ergodic rate on its share", unit = "bit/s") double rate,
                  @Col(value = "from the round's start to the end of its upload", unit = "s") double uploaded) {
    }

    static List<Column<CommonRow.Row<Round>>> rounds(Scenario s) {
        return CommonColumns.rounds(s, Round.class);
    }

    static List<Column<DeviceCommon.Row<Device>>> devices(Scenario s) {
        return CommonColumns.devices(s, Device.class);
    }
}

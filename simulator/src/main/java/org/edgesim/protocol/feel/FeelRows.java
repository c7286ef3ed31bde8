package org.edgesim.protocol.feel;

import java.util.List;
import org.edgesim.protocol.CommonColumns;
import org.edgesim.round.CommonRow;
import org.edgesim.round.DeviceCommon;
import org.edgesim.table.Col;
import org.edgesim.table.Column;

/** FEEL's own columns, after the common ones ({@link CommonColumns}). */
final class FeelRows {
    private FeelRows() {
    }

    /** A round's own columns; with a {@code learning} section also the step size and the model's loss and accuracy. */
    record Round(@Col(value = "what the devices did: gradient (FEEL), model (FedAvg) or local (individual learning:"
                         + " local training to convergence and the one average, its only row; its planned latency is the"
                         + " local training plus the exchange the plan's slots give)", text = true) String update,
                 @Col(value = "B = sum of the devices' batches", min = 0) long globalBatch,
                 @Col(value = "longest computation of the round (gradient, local epoch, local training)", unit = "s",
                         min = 0) double compute,
                 @Col(value = "from the round's start until the last upload has arrived", unit = "s", min = 0)
                 double uplink,
                 @Col(value = "from then until the last device has downloaded and updated", unit = "s", min = 0)
                 double downlink,
                 @Col(value = "planned learning efficiency sqrt(B) / T (xi = 1)", unit = "1/s", min = 0)
                 double efficiency,
                 @Col(value = "step size used: stepSize * sqrt(B / Bref)", learning = true, min = 0)
                 double learningRate,
                 @Col(value = "mean cross-entropy on the whole training set after the round",
                         learning = true, min = 0)
                 double trainLoss,
                 @Col(value = "accuracy on the training set after the round",
                         learning = true, min = 0, max = 1) double trainAccuracy,
                 @Col(value = "accuracy on the test set after the round",
                         learning = true, min = 0, max = 1) double testAccuracy,
                 double airSnrDb, double airParticipation, int airDevices, double airError) {
        /**
         * The row of a round run by {@code plan} that gave {@code o}, {@code latency} long, at step size
         * {@code rate}, the model then {@code a}; over the air, the sum as received ({@code air}, else
         * null) and its relative error.
         */
        static Round of(FeelPlan plan, FeelRound.Outcome o, double latency, double rate, FeelTraining.Accuracy a,
                        org.edgesim.channel.AnalogAggregation.Round air, double error) {
            boolean local = plan.update() == Update.LOCAL;
            return new Round(plan.update().name().toLowerCase(java.util.Locale.ROOT), plan.globalBatch(), o.longest(),
                    o.uplink(), latency - o.uplink(), local ? Double.NaN : plan.efficiency(), rate, a.trainLoss(),
                    a.trainAccuracy(), a.testAccuracy(), air == null ? Double.NaN : air.snrDb(),
                    air == null ? Double.NaN : air.participation(), air == null ? 0 : air.coefficients().length, error);
        }

        /** The same round with the model's loss and accuracy {@code a} (several cells: the cloud's average after it). */
        Round withAccuracy(FeelTraining.Accuracy a) {
            return new Round(update, globalBatch, compute, uplink, downlink, efficiency, learningRate, a.trainLoss(),
                    a.trainAccuracy(), a.testAccuracy(), airSnrDb, airParticipation, airDevices, airError);
        }
    }

    /** Over the air ({@code protocol.aggregation: aircomp}), what the analog sum met; written only then. */
    private static final List<Column<Round>> AIR = List.of(
            Column.of("aircomp_devices", "", "devices selected to send the analog sum", Round::airDevices),
            Column.of("aircomp_receive_snr", "dB", "receive SNR of the sum per coordinate, rho0 / sigma^2 (the weakest"
                    + " selected device's budget over E_1(g_th))", Round::airSnrDb),
            Column.of("aircomp_participation", "", "share of (device, subcarrier) pairs above the truncation"
                    + " threshold, as the devices saw them", Round::airParticipation),
            Column.of("aircomp_error", "", "the sum's relative squared error against the batch-weighted mean of the"
                    + " gradients sent, |g^ - g|^2 / |g|^2: truncation and noise (NaN without learning)",
                    Round::airError));

    /** A device's own columns in a round. */
    record Device(@Col(value = "distance to the access point", unit = "m") double distance,
                  @Col(value = "CPU clock this round (NaN on a GPU)", unit = "Hz") double speed,
                  @Col(value = "ergodic uplink rate R_U over the whole band", unit = "bit/s") double rateUp,
                  @Col(value = "ergodic downlink rate R_D", unit = "bit/s") double rateDown,
                  @Col("training samples D_k held") int samples,
                  @Col("batch size B_k") int batch,
                  @Col(value = "uplink slot tau_U per frame", unit = "s") double slotUp,
                  @Col(value = "downlink slot tau_D per frame", unit = "s") double slotDown,
                  @Col(value = "from the round's start to the end of its computation", unit = "s") double compute,
                  @Col(value = "from the round's start to the end of its upload", unit = "s") double uploaded,
                  @Col(value = "from the round's start until it has updated", unit = "s") double finished) {
    }

    /** The round columns a run of {@code s} writes. */
    static List<Column<CommonRow.Row<Round>>> roundColumns(org.edgesim.scenario.Scenario s) {
        List<Column<CommonRow.Row<Round>>> columns = CommonColumns.rounds(s, Round.class);
        if (!((FeelSpec) s.protocol()).airComp()) {
            return columns;
        }
        List<Column<CommonRow.Row<Round>>> all = new java.util.ArrayList<>(columns);
        for (Column<Round> c : AIR) {
            all.add(c.from(CommonRow.Row::own));
        }
        return List.copyOf(all);
    }

    static List<Column<DeviceCommon.Row<Device>>> deviceColumns(org.edgesim.scenario.Scenario s) {
        return CommonColumns.devices(s, Device.class);
    }
}

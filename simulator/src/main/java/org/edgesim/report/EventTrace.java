package org.edgesim.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.edgesim.kernel.EventObserver;
import org.edgesim.kernel.Work;
import org.edgesim.table.Column;
import org.edgesim.table.Table;

/**
 * Every event of one run, as it fired ({@code edgesim run --events}): when, in which round, whose
 * and what, and since when that entity was at it (its previous event in the round, or the round's
 * start), so that each row is one activity of one entity (a computation, a transfer, an outage)
 * ending with the event, with the bits it moved where the event carries them ({@link Work}). The round is the one in progress: the last {@code round-start} (async
 * MEL: {@code cycle-start}) fired.
 */
public final class EventTrace implements EventObserver {
    /** One event. */
    public record Row(int round, double time, String entity, String event, double since, double amount,
                      String unit) {
        public double duration() {
            return time - since;
        }
    }

    public static final List<Column<Row>> COLUMNS = List.of(
            Column.of("round", "", "the round (async MEL: global cycle) in progress when the event fired", Row::round),
            Column.of("time", "s", "simulated time of the event", Row::time),
            Column.text("entity", "whose event: a device, worker or learner, the server or access point", Row::entity),
            Column.text("event", "what ended: compute-done, upload-done, download-done, device-on (an outage ended),"
                    + " deadline, ...; round-start opens a round", Row::event),
            Column.of("since", "s", "when the entity's activity that this event ends began: its previous event in the"
                    + " round, or the round's start", Row::since),
            Column.of("duration", "s", "time minus since", Row::duration),
            Column.of("amount", "", "what the activity moved, where the event knows it (a transfer's bits); else"
                    + " NaN", Row::amount),
            Column.text("amount_unit", "the unit of amount (bit), or empty", Row::unit));

    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Double> last = new HashMap<>();
    private int round;
    private double roundStart;

    @Override
    public void fired(double time, String label, Object entity) {
        String who = String.valueOf(entity);
        if (label.equals("round-start") || label.equals("cycle-start")) {
            round = number(who, round + 1);
            roundStart = time;
            last.clear();
        }
        Double since = last.put(who, time);
        Work work = entity instanceof Work w ? w : null;
        rows.add(new Row(round, time, who, label, since == null ? roundStart : since,
                work == null ? Double.NaN : work.amount(), work == null ? "" : work.unit()));
    }

    /** The number at the end of {@code "round 3"}, else {@code otherwise}. */
    private static int number(String entity, int otherwise) {
        int space = entity.lastIndexOf(' ');
        try {
            return Integer.parseInt(entity.substring(space + 1));
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public Table<Row> table() {
        return new Table<>(COLUMNS, rows());
    }
}

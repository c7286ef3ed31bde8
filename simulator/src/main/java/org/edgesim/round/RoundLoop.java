package org.edgesim.round;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.RoundConditions;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.Kernel;

/**
 * The round loop of every protocol, on one kernel: round {@code r} starts with its true conditions
 * and what the scheduler sees of them, the protocol runs it as events on the round's
 * {@link RoundWork} and says when the next may start ({@link Turn#next}); the loop stops after
 * {@code rounds} rounds, at the time limit, or when the protocol says the run is over. The kernel
 * runs on until every event has fired (late updates included), and only then are the rows taken,
 * so that they carry everything each round's devices did.
 */
public final class RoundLoop {
    /**
     * @param rounds    how many rounds at most
     * @param timeLimit simulated seconds after which no round starts (null: none)
     * @param scheduler the scheduler's name, for the rows
     * @param unit      what a round is called in events ({@code round}, {@code cycle})
     */
    public record Settings(int rounds, Double timeLimit, String scheduler, String unit) {
    }

    /** Told after each round with its index (the total when the run ends early) and the total. */
    @FunctionalInterface
    public interface Progress {
        void roundDone(int round, int rounds);
    }

    /**
     * The cells a round runs in (issue 28): in round {@code r}, under conditions {@code truth}, cell
     * {@code c} serves devices {@code members(r, truth)[c]}; every {@code cloudPeriod} rounds, once
     * every cell has ended the round, the cloud averages the edge models, which takes
     * {@code cloudSeconds} before the next round starts.
     */
    public record Cells(int count, Membership members, int cloudPeriod, double cloudSeconds) {
        /** One cell serving all {@code devices}: no cloud. */
        public static Cells one(int devices) {
            int[] all = java.util.stream.IntStream.range(0, devices).toArray();
            return new Cells(1, (round, truth) -> new int[][] {all}, 1, 0.0);
        }
    }

    /** Who each cell serves in a round. */
    @FunctionalInterface
    public interface Membership {
        int[][] of(int round, RoundConditions.Round truth);
    }

    /** What a protocol's round does, from its start. */
    @FunctionalInterface
    public interface Body<O> {
        void start(Turn<O> turn);
    }

    private final Kernel kernel;
    private final RoundConditions conditions;
    private final DeviceActivity activity;
    private final Settings settings;
    private final Progress progress;
    private final Cells cells;
    /** Per round, how many of its cells' turns have said what comes next, and whether one said it is the last. */
    private int advanced;
    private boolean lastSaid;

    /** One cell serving every device of {@code conditions}. */
    public RoundLoop(Kernel kernel, RoundConditions conditions, DeviceActivity activity, Settings settings,
                     Progress progress) {
        this(kernel, conditions, activity, settings, progress, Cells.one(conditions.devices()));
    }

    public RoundLoop(Kernel kernel, RoundConditions conditions, DeviceActivity activity, Settings settings,
                     Progress progress, Cells cells) {
        this.kernel = kernel;
        this.conditions = conditions;
        this.activity = activity;
        this.settings = settings;
        this.progress = progress;
        this.cells = cells;
    }

    /** Runs the rounds; the ended ones, in order, once every event has fired. */
    public <O> List<Turn<O>> run(Body<O> body) {
        List<Turn<O>> turns = new ArrayList<>();
        kernel.schedule(0.0, settings.unit() + "-start", settings.unit() + " 1", () -> start(1, body, turns));
        kernel.run();
        for (Turn<O> t : turns) {
            if (!t.ended()) {
                throw new IllegalStateException(settings.unit() + " " + t.round() + " never ended");
            }
        }
        return turns;
    }

    private <O> void start(int round, Body<O> body, List<Turn<O>> turns) {
        RoundConditions.Round truth = conditions.next(round);
        int[][] members = cells.members().of(round, truth);
        advanced = 0;
        lastSaid = false;
        List<Turn<O>> started = new ArrayList<>(cells.count());
        for (int c = 0; c < cells.count(); c++) {
            Turn<O> turn = new Turn<>(this, round, c, members[c], truth, kernel.now(), activity.round(truth.speedHz()),
                    body, turns);
            turns.add(turn);
            started.add(turn);
        }
        for (Turn<O> turn : started) {
            body.start(turn);
        }
    }

    /** A cell's turn says what comes next; once every cell's has, the next round starts (after the cloud's step when due). */
    <O> void next(Turn<O> turn, boolean last, Body<O> body, List<Turn<O>> turns) {
        lastSaid |= last;
        if (++advanced < cells.count()) {
            return;
        }
        int r = turn.round();
        boolean stop = lastSaid || r >= settings.rounds()
                || settings.timeLimit() != null && kernel.now() >= settings.timeLimit();
        progress.roundDone(stop ? settings.rounds() : r, settings.rounds());
        if (stop) {
            return;
        }
        EventAction nextRound = () -> kernel.schedule(0.0, settings.unit() + "-start", settings.unit() + " " + (r + 1),
                () -> start(r + 1, body, turns));
        if (cells.count() > 1 && r % cells.cloudPeriod() == 0) {
            kernel.schedule(cells.cloudSeconds(), "cloud-aggregated", "cloud", nextRound);
        } else {
            nextRound.run();
        }
    }

    Kernel kernel() {
        return kernel;
    }

    Settings settings() {
        return settings;
    }
}

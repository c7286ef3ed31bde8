package org.edgesim.round;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.RoundConditions;
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

    public RoundLoop(Kernel kernel, RoundConditions conditions, DeviceActivity activity, Settings settings,
                     Progress progress) {
        this.kernel = kernel;
        this.conditions = conditions;
        this.activity = activity;
        this.settings = settings;
        this.progress = progress;
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
        Turn<O> turn = new Turn<>(this, round, truth, kernel.now(), activity.round(truth.speedHz()), body, turns);
        turns.add(turn);
        body.start(turn);
    }

    <O> void next(Turn<O> turn, boolean last, Body<O> body, List<Turn<O>> turns) {
        int r = turn.round();
        boolean stop = last || r >= settings.rounds()
                || settings.timeLimit() != null && kernel.now() >= settings.timeLimit();
        progress.roundDone(stop ? settings.rounds() : r, settings.rounds());
        if (!stop) {
            kernel.schedule(0.0, settings.unit() + "-start", settings.unit() + " " + (r + 1),
                    () -> start(r + 1, body, turns));
        }
    }

    Kernel kernel() {
        return kernel;
    }

    Settings settings() {
        return settings;
    }
}

package org.edgesim.env;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.round.CommonRow;
import org.edgesim.scenario.Scenario;
import org.edgesim.sched.external.PlanExchange;
import org.edgesim.simulation.Simulation;

/**
 * One episode: a run of a scenario on its own thread, whose every plan is asked of the client. The
 * run's thread hands out what happens ({@link Event}) and waits for plans; the client's thread hands
 * plans in and waits for what happens next. Nothing else is shared, so episodes of several
 * environments run side by side.
 */
final class Episode implements PlanExchange, RunContext.RoundListener {
    /** What the run's thread tells the client's. */
    sealed interface Event {
    }

    /** The scheduler is asked for round {@code round}'s plan. */
    record Ask(int round, JsonNode snapshot) implements Event {
    }

    /** The plan given was refused (why): the same round is still asked. */
    record Refused(String why) implements Event {
    }

    /** Round {@code round} ended in every cell; the model's test accuracy then (NaN: not evaluated as it ended). */
    record Ended(int round, List<CommonRow> cells, double accuracy) implements Event {
    }

    /** The run is over. */
    record Done(RunResult result) implements Event {
    }

    /** The run failed. */
    record Failed(RuntimeException error) implements Event {
    }

    /** A plan handed in, or the end of the episode (the client reset or closed it). */
    private record Given(JsonNode plan, boolean stop) {
    }

    /** Unwinds the run's thread when the client gives up the episode. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super("the episode was given up", null, false, false);
        }
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Given> plans = new LinkedBlockingQueue<>();
    private final Thread thread;

    Episode(Simulation simulation, Scenario scenario, String name) {
        this.thread = new Thread(() -> {
            try {
                events.add(new Done(simulation.run(scenario, this, this)));
            } catch (RuntimeException e) {
                events.add(new Failed(e)); // given up (Stopped, maybe wrapped by the kernel): nobody reads it
            } catch (Error e) {
                // Out of memory, a native library, a stack overflow: the client must hear of it, not wait.
                events.add(new Failed(new IllegalStateException("the run failed: " + e, e)));
            }
        }, "edgesim-env-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public <P> P exchange(int round, JsonNode snapshot, Function<JsonNode, P> decode) {
        if (round < 1) {
            throw new IllegalStateException("the protocol asks its scheduler for plans before round 1 (cpsl's"
                    + " cut: auto asks for its SAA draws): a step is a round; fix that choice in the scenario"
                    + " (protocol.cut)");
        }
        events.add(new Ask(round, snapshot));
        while (true) {
            Given g = take(plans);
            if (g.stop()) {
                throw new Stopped();
            }
            try {
                return decode.apply(g.plan());
            } catch (RuntimeException e) {
                events.add(new Refused(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
    }

    @Override
    public void roundDone(int round, int rounds) {
    }

    @Override
    public void ended(int round, Supplier<List<CommonRow>> rows, double accuracy) {
        events.add(new Ended(round, rows.get(), accuracy));
    }

    /** What happens next, waiting for it. */
    Event next() {
        return take(events);
    }

    /** Hands in a plan. */
    void give(JsonNode plan) {
        plans.add(new Given(plan, false));
    }

    /** Gives the episode up: its thread ends at its next question (or has ended). */
    void stop() {
        plans.add(new Given(null, true));
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}

package org.edgesim.protocol;

import java.util.List;
import org.edgesim.round.Turn;
import org.edgesim.scenario.ProtocolSpec;
import org.edgesim.scenario.Scenario;

/**
 * The state every protocol's run starts from: its scenario and section, its scheduler and the round
 * engine set up for it; a run adds what its round does ({@link #startRound}) and its rows.
 *
 * @param <S> the protocol's section of the scenario
 * @param <K> its scheduler type
 * @param <O> what one of its rounds leaves for the rows
 */
public abstract class ProtocolRun<S extends ProtocolSpec, K, O> {
    protected final RunContext context;
    protected final Scenario scenario;
    protected final S spec;
    protected final K scheduler;
    protected final RoundEngine engine;

    /** {@code unit} names a round in events ({@code round}, {@code cycle}). */
    protected ProtocolRun(RunContext context, K scheduler, Class<S> section, String unit) {
        this.context = context;
        this.scenario = context.scenario();
        this.spec = section.cast(scenario.protocol());
        this.scheduler = scheduler;
        this.engine = RoundEngine.of(context, unit);
    }

    /** What round {@code turn} does, from its start. */
    protected abstract void startRound(Turn<O> turn);

    /** The protocol's side of the cloud's step with several cells (none by default: nothing is averaged). */
    protected org.edgesim.round.RoundLoop.Cloud cloud() {
        return org.edgesim.round.RoundLoop.Cloud.NONE;
    }

    /** Runs every round, then closes {@code training} (null: nothing is trained); the ended rounds, in order. */
    protected final List<Turn<O>> rounds(AutoCloseable training) {
        try (AutoCloseable t = training) {
            return engine.loop().run(this::startRound, cloud());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing the training failed", e);
        }
    }
}

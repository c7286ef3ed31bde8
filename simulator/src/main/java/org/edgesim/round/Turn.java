package org.edgesim.round;

import java.util.List;
import org.edgesim.cell.RoundConditions;

/**
 * One round of a {@link RoundLoop}: its conditions, its devices' {@link RoundWork}, and what the
 * protocol says of it when it ends ({@code O}: the protocol's own outcome, for its rows).
 */
public final class Turn<O> {
    private final RoundLoop loop;
    private final int round;
    private final int cell;
    private final int[] members;
    private final RoundConditions.Round truth;
    private final RoundConditions.Round seen;
    private final double start;
    private final RoundWork work;
    private final RoundLoop.Body<O> body;
    private final List<Turn<O>> turns;
    private boolean ended;
    private boolean advanced;
    private double end;
    private double planned;
    private boolean[] taken;
    private O outcome;

    Turn(RoundLoop loop, int round, int cell, int[] members, RoundConditions.Round truth, double start, RoundWork work,
         RoundLoop.Body<O> body, List<Turn<O>> turns) {
        this.loop = loop;
        this.round = round;
        this.cell = cell;
        this.members = members.clone();
        this.truth = truth;
        // The scheduler plans on what it sees (radio.csiError, csiAge); the round runs on the truth.
        this.seen = truth.seen();
        this.start = start;
        this.work = work;
        this.body = body;
        this.turns = turns;
    }

    public int round() {
        return round;
    }

    /** The cell this turn runs in (0 with one cell). */
    public int cell() {
        return cell;
    }

    /** The devices the cell serves this round, by index in the deployment. */
    public int[] members() {
        return members.clone();
    }

    /** The round's true conditions. */
    public RoundConditions.Round truth() {
        return truth;
    }

    /** What the scheduler sees of them ({@link #truth} itself when knowledge is perfect). */
    public RoundConditions.Round seen() {
        return seen;
    }

    /** When the round started. */
    public double start() {
        return start;
    }

    public RoundWork work() {
        return work;
    }

    /**
     * The round has ended now: the scheduler planned {@code planned} seconds, the server took the
     * updates of the devices marked in {@code taken}; {@code outcome} is the protocol's own account.
     */
    public void end(double planned, boolean[] taken, O outcome) {
        if (ended) {
            throw new IllegalStateException("round " + round + " ended twice");
        }
        this.ended = true;
        this.end = loop.kernel().now();
        this.planned = planned;
        this.taken = taken.clone();
        this.outcome = outcome;
    }

    /** The next round may start now (after the last one: nothing). */
    public void next() {
        advance(false);
    }

    /** The run is over after this round (e.g. individual learning's one exchange). */
    public void last() {
        advance(true);
    }

    private void advance(boolean last) {
        if (advanced) {
            throw new IllegalStateException("round " + round + " went on twice");
        }
        advanced = true;
        loop.next(this, last, body, turns);
    }

    /** {@link #end} then {@link #next}: a round that ends when the next may start. */
    public void finish(double planned, boolean[] taken, O outcome) {
        end(planned, taken, outcome);
        next();
    }

    boolean ended() {
        return ended;
    }

    public O outcome() {
        return outcome;
    }

    /** When the round ended. */
    public double end() {
        return end;
    }

    /** The common columns, the realised latency being the round's length. */
    public CommonRow common() {
        return common(end - start);
    }

    /** The common columns with {@code realised} as the realised latency. */
    public CommonRow common(double realised) {
        int aggregated = 0;
        for (boolean t : taken) {
            aggregated += t ? 1 : 0;
        }
        return new CommonRow(round, loop.settings().scheduler(), start, end, planned, realised, aggregated,
                work.outages(), work.energy(), work.retransmitted());
    }

    /** Device {@code k}'s common columns. */
    public DeviceCommon device(int k) {
        return new DeviceCommon(round, k, taken[k], work.outage(k), work.computeEnergy(k), work.radioEnergy(k),
                work.retransmitted(k));
    }
}

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
    /** Interference densities (W/Hz) heard up and down: by its cell last round, and in this one. */
    private double heardUpBefore;
    private double heardDownBefore;
    private double heardUp;
    private double heardDown;
    /** When the next round could start, and the cloud's step before it. */
    private double over = Double.NaN;
    private double cloud;
    /** Per device of the round, whether it changed cells at its start. */
    private final boolean[] handed;
    /** Per device of the round, where it was at its start (null with one cell). */
    private final org.edgesim.radio.Position[] positions;
    /** Per device of the round, its link with the serving site at the round's start (null without a law that keeps one). */
    private final org.edgesim.channel.PathGains.LinkState[] links;
    /** The round's links as the channel makes them, made once (their fading blocks drawn once). */
    private org.edgesim.channel.Air.Round air;

    Turn(RoundLoop loop, int round, int cell, int[] members, RoundConditions.Round truth, double start, RoundWork work,
         RoundLoop.Body<O> body, List<Turn<O>> turns) {
        this.loop = loop;
        this.round = round;
        this.cell = cell;
        this.members = members.clone();
        // With one cell nobody is handed over and positions are not tracked.
        boolean celled = loop.celled();
        this.handed = new boolean[members.length];
        this.positions = new org.edgesim.radio.Position[members.length];
        for (int k = 0; celled && k < members.length; k++) {
            handed[k] = loop.handedOver(members[k]);
            positions[k] = loop.position(members[k]);
        }
        // Taken now, the round's gains just drawn: a row written after later rounds still says this round's.
        this.links = new org.edgesim.channel.PathGains.LinkState[members.length];
        for (int k = 0; k < members.length; k++) {
            links[k] = loop.link(members[k], celled ? cell : 0);
        }
        this.truth = truth;
        // The scheduler plans on what it sees (radio.csiError, csiAge); the round runs on the truth.
        this.seen = truth.seen();
        this.start = start;
        this.work = work;
        this.body = body;
        this.turns = turns;
    }

    /**
     * The round's links on {@code air}: made on the first call, the same object on every later one,
     * so that every transfer of the round meets the same fading blocks.
     */
    public org.edgesim.channel.Air.Round links(org.edgesim.channel.Air air) {
        if (this.air == null) {
            this.air = air.round(cell, members, start, truth.largeScale(), truth.gainUp(), truth.gainDown());
        }
        return this.air;
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

    /** How many devices the cell serves this round. */
    public int size() {
        return members.length;
    }

    /** The index in the deployment of the round's device {@code k} (its index in {@link #truth}, the work, the rows). */
    public int member(int k) {
        return members[k];
    }

    /**
     * The interference density the cell's uplinks (else downlinks) heard last round, W/Hz: what its
     * scheduler knows of the other cells (0 in the first round, or without interference).
     */
    public double heardBefore(boolean uplink) {
        return uplink ? heardUpBefore : heardDownBefore;
    }

    void heardBefore(double up, double down) {
        heardUpBefore = up;
        heardDownBefore = down;
    }

    void heard(double up, double down) {
        heardUp = up;
        heardDown = down;
    }

    void over(double now) {
        over = now;
    }

    void cloud(double seconds) {
        cloud = seconds;
    }

    /** The round's true conditions, of its cell's devices ({@link #member}). */
    public RoundConditions.Round truth() {
        return truth;
    }

    /** What the scheduler sees of them ({@link #truth} itself when knowledge is perfect). */
    public RoundConditions.Round seen() {
        return seen;
    }

    private double accuracy = Double.NaN;

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

    /**
     * The model's test accuracy after this round, when the protocol evaluated it as the round ended
     * (a protocol that trains after the clock, or a round not evaluated, says nothing: NaN).
     */
    public void evaluated(double testAccuracy) {
        this.accuracy = testAccuracy;
    }

    /** The test accuracy {@link #evaluated} gave, NaN when none. */
    public double accuracy() {
        return accuracy;
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
        CommonRow.CellRow mine = null;
        if (loop.celled()) {
            int handovers = 0;
            for (boolean h : handed) {
                handovers += h ? 1 : 0;
            }
            mine = new CommonRow.CellRow(cell, members.length, handovers, heardUp, heardDown, over - start, cloud);
        }
        return new CommonRow(round, loop.settings().scheduler(), start, end, planned, realised, aggregated,
                work.outages(), work.energy(), work.retransmitted(), mine);
    }

    /** The round's device {@code k}'s common columns (its index in the deployment in them). */
    public DeviceCommon device(int k) {
        return new DeviceCommon(round, members[k], taken[k], work.outage(k), work.computeEnergy(k), work.radioEnergy(k),
                work.retransmitted(k), loop.celled() ? cell : -1, handed[k], positions[k], links[k]);
    }
}

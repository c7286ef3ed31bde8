package org.edgesim.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.edgesim.round.RoundLoop;
import org.edgesim.round.Turn;

/**
 * A protocol's side of the cloud's step with several cells (issue 28), for those that train as
 * the rounds run: the edge models averaged ({@code average}, told the devices each cell served in
 * the round), then the average's accuracy ({@code evaluate}, of type {@code A}), which that round's
 * rows report.
 */
public final class EdgeCloud<A> implements RoundLoop.Cloud {
    private final int cells;
    private final double modelBits;
    private final Consumer<int[][]> average;
    private final Supplier<A> evaluate;
    private final Map<Integer, A> averaged = new HashMap<>();
    private int[][] served;
    private int round;

    /** {@code average} null: nothing is trained, the clock alone pays the step. */
    public EdgeCloud(int cells, double modelBits, Consumer<int[][]> average, Supplier<A> evaluate) {
        this.cells = cells;
        this.modelBits = modelBits;
        this.average = average;
        this.evaluate = evaluate;
    }

    /** {@code turn} starts: its cell serves its members this round. */
    public void serve(Turn<?> turn) {
        if (served == null || round != turn.round()) {
            served = new int[cells][0];
            round = turn.round();
        }
        served[turn.cell()] = turn.members();
    }

    @Override
    public double modelBits() {
        return modelBits;
    }

    @Override
    public void averaged(int round) {
        if (average != null) {
            average.accept(served);
            averaged.put(round, evaluate.get());
        }
    }

    /** After round {@code round}'s cloud step, the averaged model's accuracy; null when it had none. */
    public A after(int round) {
        return averaged.get(round);
    }
}

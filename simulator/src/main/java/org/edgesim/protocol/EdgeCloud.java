package org.edgesim.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.edgesim.round.RoundLoop;

/**
 * A protocol's side of the cloud's step with several cells, for those that train as
 * the rounds run: the edge models averaged ({@code average}, told the devices each cell served in
 * the round), then the average's accuracy ({@code evaluate} of the round, of type {@code A}), which
 * that round's rows report.
 */
public final class EdgeCloud<A> implements RoundLoop.Cloud {
    private final double modelBits;
    private final Consumer<int[][]> average;
    private final IntFunction<A> evaluate;
    private final Map<Integer, A> averaged = new HashMap<>();

    /** {@code average} null: nothing is trained, the clock alone pays the step. */
    public EdgeCloud(double modelBits, Consumer<int[][]> average, IntFunction<A> evaluate) {
        this.modelBits = modelBits;
        this.average = average;
        this.evaluate = evaluate;
    }

    @Override
    public double modelBits() {
        return modelBits;
    }

    @Override
    public void averaged(int round, int[][] members) {
        if (average != null) {
            average.accept(members);
            averaged.put(round, evaluate.apply(round));
        }
    }

    /** After round {@code round}'s cloud step, the averaged model's accuracy; null when it had none. */
    public A after(int round) {
        return averaged.get(round);
    }
}

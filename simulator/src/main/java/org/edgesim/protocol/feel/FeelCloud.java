package org.edgesim.protocol.feel;

import java.util.HashMap;
import java.util.Map;
import org.edgesim.round.RoundLoop;
import org.edgesim.round.Turn;

/**
 * FEEL's side of the cloud's step with several cells (issue 28): the edge models averaged,
 * weighted by the samples of the devices each cell served in the round, and the average's loss and
 * accuracy, which that round's rows report.
 */
final class FeelCloud implements RoundLoop.Cloud {
    private final int cells;
    private final double modelBits;
    private final FeelTraining training;
    private final Map<Integer, FeelTraining.Accuracy> averaged = new HashMap<>();
    private int[][] served;
    private int round;

    /** {@code training} null: nothing is trained, the clock alone pays the step. */
    FeelCloud(int cells, double modelBits, FeelTraining training) {
        this.cells = cells;
        this.modelBits = modelBits;
        this.training = training;
    }

    /** {@code turn} starts: its cell serves its members this round. */
    void serve(Turn<?> turn) {
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
        if (training != null) {
            training.cloud(served);
            averaged.put(round, training.evaluate());
        }
    }

    /** After round {@code round}'s cloud step, the averaged model's loss and accuracy; null when it had none. */
    FeelTraining.Accuracy after(int round) {
        return averaged.get(round);
    }
}

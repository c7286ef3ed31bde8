package org.edgesim.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.edgesim.radio.BlockClock;
import org.edgesim.radio.PiecewiseRate;
import umontreal.ssj.rng.RandomStream;

/**
 * One direction of one round's channel in fading blocks of {@code radio.coherenceTime}, counted
 * from the round's start, for every protocol: block 0 is the round's own state (the gains the
 * round's conditions realised, which the scheduler's knowledge is of), and each later block draws
 * a fresh state for device {@code k} from its stream, in block order, as transfers reach the block.
 * A state is whatever the link's rate is a function of (a power gain, an SNR in dB).
 */
public final class FadingBlocks {
    /** A later block's state of device {@code k}, drawn from {@code stream}. */
    @FunctionalInterface
    public interface Draw {
        double next(int k, RandomStream stream);
    }

    private final BlockClock clock;
    private final Draw draw;
    private final RandomStream[] streams;
    private final List<List<Double>> states;

    /**
     * @param start   the round's start
     * @param first   per device, its state in block 0
     * @param draw    a later block's state
     * @param streams per device, the stream its later blocks draw from
     */
    public FadingBlocks(double coherence, double start, double[] first, Draw draw, RandomStream[] streams) {
        this.clock = new BlockClock(start, coherence);
        this.draw = draw;
        this.streams = streams;
        this.states = new ArrayList<>(first.length);
        for (double s : first) {
            List<Double> l = new ArrayList<>();
            l.add(s);
            states.add(l);
        }
    }

    /** Device {@code k}'s state in block {@code block}. */
    public double state(int k, int block) {
        List<Double> s = states.get(k);
        while (s.size() <= block) {
            s.add(draw.next(k, streams[k]));
        }
        return s.get(block);
    }

    /** Device {@code k}'s link, whose rate in a block is {@code rate} of the block's state. */
    public PiecewiseRate link(int k, DoubleUnaryOperator rate) {
        return clock.rates(block -> rate.applyAsDouble(state(k, block)));
    }

    /** A link whose rate in block {@code j} is {@code rate.applyAsDouble(j)} (e.g. a broadcast's, from every state). */
    public PiecewiseRate rates(java.util.function.IntToDoubleFunction rate) {
        return clock.rates(rate);
    }
}

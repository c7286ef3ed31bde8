package org.edgesim.round;

import org.edgesim.cell.StreamKeys;
import org.edgesim.rng.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * Fading blocks shorter than a round ({@code radio.coherenceTime}), the same for every protocol:
 * per device an uplink and a downlink stream ({@code fading-blocks/device-k/up}, {@code .../down}),
 * created only when there are blocks, and each round's {@link FadingBlocks} from them.
 */
public final class Coherence {
    private final Double time;
    private final RandomStream[] up;
    private final RandomStream[] down;

    /** {@code time} null: one channel state per round, no blocks. */
    public Coherence(Double time, RandomStreams streams, int devices) {
        this.time = time;
        this.up = time == null ? null : streams.streams(StreamKeys.FADING_BLOCKS_UP, devices);
        this.down = time == null ? null : streams.streams(StreamKeys.FADING_BLOCKS_DOWN, devices);
    }

    /** The uplinks' blocks of a round started at {@code start}, block 0 at {@code first}; null without blocks. */
    public FadingBlocks up(double start, double[] first, FadingBlocks.Draw draw) {
        return time == null ? null : new FadingBlocks(time, start, first, draw, up);
    }

    /** The downlinks' blocks, likewise. */
    public FadingBlocks down(double start, double[] first, FadingBlocks.Draw draw) {
        return time == null ? null : new FadingBlocks(time, start, first, draw, down);
    }
}

package org.edgesim.round;

import org.edgesim.cell.RoundConditions;
import org.edgesim.cell.StreamKeys;
import org.edgesim.channel.Fading;
import org.edgesim.rng.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * Fading blocks shorter than a round ({@code radio.coherenceTime}), the same for every protocol:
 * per device an uplink and a downlink stream ({@code fading-blocks/device-k/up}, {@code .../down}),
 * created only when there are blocks, and each round's {@link FadingBlocks} from them: a block
 * after the first draws each device's gain afresh by the scenario's fading law around its
 * large-scale gain, or by a protocol's own law ({@link FadingBlocks.Draw}).
 */
public final class Coherence {
    private final Double time;
    private final RandomStream[] up;
    private final RandomStream[] down;
    private final Fading fading;

    /** {@code time} null: one channel state per round, no blocks; later blocks drawn by {@code fading}. */
    public Coherence(Double time, RandomStreams streams, int devices, Fading fading) {
        this.time = time;
        this.fading = fading;
        this.up = time == null ? null : streams.streams(StreamKeys.FADING_BLOCKS_UP, devices);
        this.down = time == null ? null : streams.streams(StreamKeys.FADING_BLOCKS_DOWN, devices);
    }

    /** The uplinks' blocks of a round started at {@code start}, block 0 at {@code first}; null without blocks. */
    public FadingBlocks up(double start, double[] first, FadingBlocks.Draw draw) {
        return time == null ? null : new FadingBlocks(time, start, first, draw, up);
    }

    /**
     * The uplinks' blocks of round {@code c} started at {@code start}: block 0 its drawn gains,
     * the later ones its large-scale gains times the fading law's draws; null without blocks.
     */
    public FadingBlocks up(double start, RoundConditions.Round c) {
        return up(start, c.gainUp(), (k, stream) -> c.largeScale()[k] * fading.draw(stream));
    }

    /** The downlinks' blocks of round {@code c}, likewise. */
    public FadingBlocks down(double start, RoundConditions.Round c) {
        return down(start, c.gainDown(), (k, stream) -> c.largeScale()[k] * fading.draw(stream));
    }

    /** The downlinks' blocks, likewise. */
    public FadingBlocks down(double start, double[] first, FadingBlocks.Draw draw) {
        return time == null ? null : new FadingBlocks(time, start, first, draw, down);
    }
}

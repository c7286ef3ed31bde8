package org.edgesim.channel;

import umontreal.ssj.rng.RandomStream;

/**
 * Fading blocks shorter than a round ({@code radio.coherenceTime}), the same for every protocol:
 * per device an uplink and a downlink stream, and each round's {@link FadingBlocks} from them: a
 * block after the first draws each device's state afresh (by the scenario's fading law around its
 * large-scale gain, see {@link Air}, or by a protocol's own law, {@link FadingBlocks.Draw}).
 */
public final class Coherence {
    private final Double time;
    private final RandomStream[] up;
    private final RandomStream[] down;

    /**
     * @param time null: one channel state per round, no blocks
     * @param up   per device, the stream its uplink's later blocks draw from (null without blocks)
     * @param down likewise for its downlink
     */
    public Coherence(Double time, RandomStream[] up, RandomStream[] down) {
        if (time != null && (up == null || down == null)) {
            throw new IllegalArgumentException("fading blocks need a stream per device and direction");
        }
        this.time = time;
        this.up = up;
        this.down = down;
    }

    /** Whether a round has blocks shorter than itself. */
    public boolean blocks() {
        return time != null;
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

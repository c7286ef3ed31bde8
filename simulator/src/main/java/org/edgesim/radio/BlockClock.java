package org.edgesim.radio;

import java.util.function.IntToDoubleFunction;

/**
 * Fading blocks of length {@code coherence} counted from {@code start} (a round's start): which
 * block a time falls in, when a block ends, and a {@link PiecewiseRate} from a rate per block.
 */
public record BlockClock(double start, double coherence) {
    public BlockClock {
        if (!(coherence > 0) || !Double.isFinite(start + coherence)) {
            throw new IllegalArgumentException("blocks need a finite start and a coherence time > 0, got " + start
                    + " and " + coherence);
        }
    }

    /** The block simulated time {@code t} falls in (a time on a boundary belongs to the later block). */
    public int blockAt(double t) {
        int block = (int) Math.floor((t - start) / coherence);
        return start + (block + 1) * coherence <= t ? block + 1 : block;
    }

    /** When block {@code block} ends. */
    public double end(int block) {
        return start + (block + 1) * coherence;
    }

    /** The link whose rate in block {@code j} is {@code rate.applyAsDouble(j)}. */
    public PiecewiseRate rates(IntToDoubleFunction rate) {
        return new PiecewiseRate() {
            @Override
            public int blockAt(double t) {
                return BlockClock.this.blockAt(t);
            }

            @Override
            public double end(int block) {
                return BlockClock.this.end(block);
            }

            @Override
            public double rate(int block) {
                return rate.applyAsDouble(block);
            }
        };
    }
}

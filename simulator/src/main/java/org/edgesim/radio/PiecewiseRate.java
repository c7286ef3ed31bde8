package org.edgesim.radio;

/**
 * A link whose rate is constant within fading blocks and changes from one block to the next
 * ({@code radio.coherenceTime}).
 */
public interface PiecewiseRate {
    /** The block simulated time {@code t} falls in. */
    int blockAt(double t);

    /** When block {@code block} ends. */
    double end(int block);

    /** The rate during block {@code block}, bit/s. */
    double rate(int block);
}

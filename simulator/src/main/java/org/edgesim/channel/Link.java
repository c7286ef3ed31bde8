package org.edgesim.channel;

import org.edgesim.radio.PiecewiseRate;
import org.edgesim.radio.TdmaFrame;

/** How a transfer's bits get through: at a constant rate, in fading blocks, and either all the time or only in a TDMA slot, or through the air other cells share. */
public sealed interface Link {
    /** A constant rate at which the payload takes {@code seconds} (retransmissions take proportionally longer). */
    record Timed(double seconds) implements Link {
    }

    /** A rate constant within fading blocks; a boundary crossed is an event. */
    record Blocks(PiecewiseRate rate) implements Link {
    }

    /** Through the air several cells share, at the SINR its {@code signal} meets there. */
    record Shared(Medium medium, Medium.Signal signal) implements Link {
    }

    /** Only inside slot {@code slot} of every frame of {@code frame}, at {@code rate} bit/s. */
    record Slotted(TdmaFrame frame, int slot, double rate) implements Link {
    }

    /** Only inside slot {@code slot} of every frame, at a rate constant within fading blocks. */
    record SlottedBlocks(TdmaFrame frame, int slot, PiecewiseRate rate) implements Link {
    }
}

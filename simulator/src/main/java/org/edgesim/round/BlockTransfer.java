package org.edgesim.round;

import java.util.function.DoubleConsumer;
import org.edgesim.kernel.EventAction;
import org.edgesim.kernel.Kernel;
import org.edgesim.kernel.Work;
import org.edgesim.radio.PiecewiseRate;

/**
 * A transfer over a link whose rate is constant within fading blocks and changes from one block to
 * the next ({@code radio.coherenceTime}): it sends at each block's rate, with an event at every block
 * boundary it crosses, until its bits are through.
 */
public final class BlockTransfer {
    private BlockTransfer() {
    }

    /**
     * Sends {@code bits} from now; {@code sending} is told each stretch of time spent sending,
     * {@code then} runs when the last bit is through.
     */
    public static void send(Kernel kernel, PiecewiseRate link, double bits, String kind, String who, DoubleConsumer sending,
                            EventAction then) {
        from(kernel, link, bits, bits, link.blockAt(kernel.now()), kind, who, sending, then);
    }

    private static void from(Kernel kernel, PiecewiseRate link, double total, double bits, int block, String kind,
                             String who, DoubleConsumer sending, EventAction then) {
        double rate = link.rate(block);
        double left = link.end(block) - kernel.now();
        if (bits <= rate * left) {
            sending.accept(bits / rate);
            kernel.schedule(bits / rate, kind, Work.bits(who, total), then);
            return;
        }
        sending.accept(left);
        double rest = bits - rate * left;
        kernel.schedule(left, "fading-block", Work.bits(who, rate * left),
                () -> from(kernel, link, total, rest, block + 1, kind, who, sending, then));
    }
}

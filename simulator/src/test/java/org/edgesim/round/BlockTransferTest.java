package org.edgesim.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.edgesim.kernel.Kernel;
import org.junit.jupiter.api.Test;

/** A transfer over fading blocks against the direct integral of the piecewise-constant rate. */
class BlockTransferTest {
    @Test
    void finishesWhenTheIntegralOfTheRateReachesItsBits() {
        double[] rates = {3e6, 1e6, 8e6, 0.5e6, 2e6, 6e6, 1e6, 4e6};
        double tc = 0.25;
        org.edgesim.radio.PiecewiseRate link = new org.edgesim.radio.PiecewiseRate() {
            @Override
            public int blockAt(double t) {
                return (int) Math.floor(t / tc);
            }

            @Override
            public double end(int block) {
                return (block + 1) * tc;
            }

            @Override
            public double rate(int block) {
                return rates[block];
            }
        };
        for (double startAt : new double[] {0.0, 0.1, 0.6}) {
            for (double bits : new double[] {1e5, 7.5e5, 2.2e6, 4e6}) {
                Kernel kernel = new Kernel();
                double[] done = {Double.NaN};
                double[] sending = {0};
                kernel.schedule(startAt, "start", "test", () -> BlockTransfer.send(kernel, link, bits, "sent", "test",
                        dt -> sending[0] += dt, () -> done[0] = kernel.now()));
                kernel.run();
                // Direct: the first time at which the integral of the rate from startAt reaches bits.
                double t = startAt;
                double left = bits;
                int j = (int) Math.floor(startAt / tc);
                while (left > rates[j] * ((j + 1) * tc - t)) {
                    left -= rates[j] * ((j + 1) * tc - t);
                    t = (j + 1) * tc;
                    j++;
                }
                double expected = t + left / rates[j];
                assertEquals(expected, done[0], 1e-12, "from " + startAt + " s, " + bits + " bits");
                assertEquals(expected - startAt, sending[0], 1e-12, "all of it spent sending");
            }
        }
    }
}

package org.edgesim.round;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.edgesim.kernel.Kernel;
import org.junit.jupiter.api.Test;

/** Two cells, one device each: the SINR rates of a hand computation, piecewise over the transfers' ends. */
class MediumTest {
    private static final double W = 1e6;
    private static final double N = 1e-13;

    private static double rate(double signal, double interference) {
        return W * Math.log(1 + signal / (N + interference)) / Math.log(2);
    }

    /** Device 0 received at 1e-11 W by its AP and 2e-13 W by the other; device 1 at 4e-12 W and 5e-13 W. */
    private static final double[][] RECEIVED = {{1e-11, 2e-13}, {5e-13, 4e-12}};

    private static double[] run(int band0, int band1, double bits0, double bits1) {
        Kernel kernel = new Kernel();
        Medium medium = new Medium(kernel, (from, at) -> RECEIVED[from.cell()][at.cell()]);
        double[] done = new double[2];
        medium.send(0, band0, bits0, W, RECEIVED[0][0], N, null, "up", "device 0", () -> done[0] = kernel.now());
        medium.send(1, band1, bits1, W, RECEIVED[1][1], N, null, "up", "device 1", () -> done[1] = kernel.now());
        kernel.run();
        return done;
    }

    @Test
    void coChannelTransfersRunAtTheirSinrUntilOneEndsThenAtTheirSnr() {
        double bits0 = 2e6;
        double bits1 = 3e6;
        double[] done = run(0, 0, bits0, bits1);
        // Both send: each hears the other.
        double r0 = rate(RECEIVED[0][0], RECEIVED[1][0]);
        double r1 = rate(RECEIVED[1][1], RECEIVED[0][1]);
        double first = Math.min(bits0 / r0, bits1 / r1);
        assertEquals(bits0 / r0, first, 0.0, "device 0 ends first in this set-up");
        // Then device 1 alone: its SNR.
        double rest = bits1 - r1 * first;
        assertEquals(first, done[0], 1e-12 * first);
        assertEquals(first + rest / rate(RECEIVED[1][1], 0), done[1], 1e-12 * done[1]);
    }

    @Test
    void interferenceIsSymmetricBetweenMirroredCells() {
        Kernel kernel = new Kernel();
        double[][] mirrored = {{1e-11, 3e-13}, {3e-13, 1e-11}};
        Medium medium = new Medium(kernel, (from, at) -> mirrored[from.cell()][at.cell()]);
        double[] done = new double[2];
        medium.send(0, 0, 1e6, W, 1e-11, N, null, "up", "device 0", () -> done[0] = kernel.now());
        medium.send(1, 0, 1e6, W, 1e-11, N, null, "up", "device 1", () -> done[1] = kernel.now());
        kernel.run();
        assertEquals(done[0], done[1], 0.0);
        assertEquals(1e6 / rate(1e-11, 3e-13), done[0], 1e-12 * done[0]);
    }

    @Test
    void otherBandsDoNotInterfere() {
        double[] done = run(0, 1, 2e6, 3e6);
        assertEquals(2e6 / rate(RECEIVED[0][0], 0), done[0], 1e-12 * done[0]);
        assertEquals(3e6 / rate(RECEIVED[1][1], 0), done[1], 1e-12 * done[1]);
    }
}

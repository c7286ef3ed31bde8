package org.edgesim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;
import org.edgesim.kernel.Kernel;
import org.edgesim.radio.Position;
import org.edgesim.radio.TdmaFrame;
import org.junit.jupiter.api.Test;

/**
 * Two cells, one device each, sites 500 m apart: the SINR rates of a hand computation from the
 * path-loss law, piecewise over the transfers' ends; symmetry; other bands; partial bands and slots.
 */
class MediumTest {
    private static final double W = 1e6;
    private static final double N0 = 4e-21;
    private static final double P = 0.2;
    private static final PathLoss LAW = PathLoss.URBAN_MACRO;
    private static final Position[] SITES = {new Position(0, 0), new Position(500, 0)};
    private static final DoubleUnaryOperator SHANNON = Rates::spectralEfficiency;

    private static double g(Position a, Position b) {
        return Math.pow(10, -(128.1 + 37.6 * Math.log10(Math.hypot(a.x() - b.x(), a.y() - b.y()) / 1000)) / 10);
    }

    private static double rate(double bandwidth, double signal, double interference) {
        return bandwidth * Math.log(1 + signal / (N0 * bandwidth + interference)) / Math.log(2);
    }

    /** Each signal its own device. */
    private static final java.util.concurrent.atomic.AtomicInteger DEVICES = new java.util.concurrent.atomic.AtomicInteger();

    private static Medium.Signal up(int cell, int band, Position device, double bandwidth, TdmaFrame frame) {
        return new Medium.Signal(cell, band, true, bandwidth, P, device, new Position[] {SITES[cell]},
                new double[] {P * g(device, SITES[cell])}, N0 * bandwidth, SHANNON, frame, 0, DEVICES.getAndIncrement(),
                new int[] {cell});
    }

    private static double[] run(Medium.Signal a, double bitsA, Medium.Signal b, double bitsB) {
        Kernel kernel = new Kernel();
        Medium medium = new Medium(kernel, 2, W, new LogDistanceGains(LAW), 1);
        double[] done = new double[2];
        medium.send(a, bitsA, "up", "device 0", dt -> { }, () -> done[0] = kernel.now());
        medium.send(b, bitsB, "up", "device 1", dt -> { }, () -> done[1] = kernel.now());
        kernel.run();
        return done;
    }

    @Test
    void coChannelTransfersRunAtTheirSinrUntilOneEndsThenAtTheirSnr() {
        Position d0 = new Position(150, 40);
        Position d1 = new Position(380, -60);
        double bits0 = 2e6;
        double bits1 = 3e6;
        double[] done = run(up(0, 0, d0, W, null), bits0, up(1, 0, d1, W, null), bits1);
        // Both send: each site hears the other cell's device at its mean path gain.
        double r0 = rate(W, P * g(d0, SITES[0]), P * g(d1, SITES[0]));
        double r1 = rate(W, P * g(d1, SITES[1]), P * g(d0, SITES[1]));
        double first = Math.min(bits0 / r0, bits1 / r1);
        double firstDone = Math.min(done[0], done[1]);
        assertEquals(first, firstDone, 1e-12 * first);
        // Then the other alone, at its SNR.
        boolean zeroFirst = bits0 / r0 < bits1 / r1;
        double rest = zeroFirst ? bits1 - r1 * first : bits0 - r0 * first;
        double alone = zeroFirst ? rate(W, P * g(d1, SITES[1]), 0) : rate(W, P * g(d0, SITES[0]), 0);
        assertEquals(first + rest / alone, Math.max(done[0], done[1]), 1e-12 * done[1]);
    }

    @Test
    void interferenceIsSymmetricBetweenMirroredCells() {
        Position d0 = new Position(200, 30);
        Position d1 = new Position(300, -30);
        double[] done = run(up(0, 0, d0, W, null), 1e6, up(1, 0, d1, W, null), 1e6);
        assertEquals(done[0], done[1], 1e-12 * done[0]);
        assertEquals(1e6 / rate(W, P * g(d0, SITES[0]), P * g(d1, SITES[0])), done[0], 1e-12 * done[0]);
    }

    @Test
    void otherBandsDoNotInterfere() {
        Position d0 = new Position(150, 40);
        Position d1 = new Position(380, -60);
        double[] done = run(up(0, 0, d0, W, null), 2e6, up(1, 1, d1, W, null), 3e6);
        assertEquals(2e6 / rate(W, P * g(d0, SITES[0]), 0), done[0], 1e-12 * done[0]);
        assertEquals(3e6 / rate(W, P * g(d1, SITES[1]), 0), done[1], 1e-12 * done[1]);
    }

    @Test
    void aShareOfTheBandHearsThatShareOfTheInterferenceAndASlottedInterfererItsDuty() {
        Position d0 = new Position(150, 40);
        Position d1 = new Position(380, -60);
        // Device 0 on a quarter of the band; device 1 in a 0.3 ms slot of a 1 ms frame, sending far longer.
        TdmaFrame frame = new TdmaFrame(1e-3, new double[] {3e-4});
        double[] done = run(up(0, 0, d0, W / 4, null), 1e5, up(1, 0, d1, W, frame), 1e8);
        double expected = 1e5 / rate(W / 4, P * g(d0, SITES[0]), 0.25 * 0.3 * P * g(d1, SITES[0]));
        assertEquals(expected, done[0], 1e-12 * expected);
    }

    /**
     * Thirty uploads in three cells, starting at drawn times with drawn sizes (several at one
     * instant; ten devices each sending three times, some from where they moved to while an earlier
     * upload of theirs still runs): every completion time against a plain reference that, between
     * any two starts or ends, recomputes every rate from scratch, S / (N + the other cells' senders now).
     */
    @Test
    void manyTransfersEndWhenARecomputationFromScratchSays() {
        Position[] sites = {new Position(0, 0), new Position(500, 0), new Position(250, 433)};
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        int n = 30;
        int[] cell = new int[n];
        Position[] at = new Position[n];
        double[] start = new double[n];
        double[] bits = new double[n];
        for (int k = 0; k < n; k++) {
            cell[k] = k % 10 % 3;
            at[k] = k < 10 ? new Position(sites[cell[k]].x() + random.nextDouble(-120, 120),
                    sites[cell[k]].y() + random.nextDouble(-120, 120))
                    : k < 20 ? at[k - 10] : new Position(at[k - 10].x() + 30, at[k - 10].y() - 20);
            start[k] = k < 6 ? 0.0 : Math.floor(random.nextDouble(0, 8)) * 0.25; // instants shared by several
            bits[k] = random.nextDouble(1e5, 2e6);
        }
        Kernel kernel = new Kernel();
        Medium medium = new Medium(kernel, 3, W, new LogDistanceGains(LAW), 1);
        double[] done = new double[n];
        for (int k = 0; k < n; k++) {
            int d = k;
            Medium.Signal s = new Medium.Signal(cell[k], 0, true, W, P, at[k], new Position[] {sites[cell[k]]},
                    new double[] {P * g(at[k], sites[cell[k]])}, N0 * W, SHANNON, null, 0, 1000 + k % 10,
                    new int[] {cell[k]});
            kernel.scheduleAt(start[k], "start", "device " + k, () -> medium.send(s, bits[d], "up", "device " + d,
                    dt -> { }, () -> done[d] = kernel.now()));
        }
        kernel.run();
        // The reference: step from event to event, every rate from scratch.
        double[] left = bits.clone();
        double[] end = new double[n];
        java.util.Arrays.fill(end, Double.NaN);
        double now = 0;
        while (true) {
            double[] rate = new double[n];
            double next = Double.POSITIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                if (start[k] > now) {
                    next = Math.min(next, start[k]);
                }
                if (start[k] <= now && Double.isNaN(end[k])) {
                    double interference = 0;
                    for (int j = 0; j < n; j++) {
                        if (j != k && cell[j] != cell[k] && start[j] <= now && Double.isNaN(end[j])) {
                            interference += P * g(at[j], sites[cell[k]]);
                        }
                    }
                    rate[k] = rate(W, P * g(at[k], sites[cell[k]]), interference);
                    next = Math.min(next, now + left[k] / rate[k]);
                }
            }
            if (next == Double.POSITIVE_INFINITY) {
                break;
            }
            for (int k = 0; k < n; k++) {
                if (rate[k] > 0) {
                    left[k] -= rate[k] * (next - now);
                    if (left[k] <= 1e-6 * bits[k]) {
                        end[k] = next;
                    }
                }
            }
            now = next;
        }
        for (int k = 0; k < n; k++) {
            assertEquals(end[k], done[k], 1e-9 * end[k], "device " + k);
        }
    }
}

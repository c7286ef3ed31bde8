package org.edgesim.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

class TdmaFrameTest {
    /** Independent computation: walk frame by frame, adding the airtime of each slot. */
    private static double bySteppingFrames(TdmaFrame f, double[] slots, int k, double start, double bits, double rate) {
        double offset = 0;
        for (int j = 0; j < k; j++) {
            offset += slots[j];
        }
        double left = bits / rate;
        long frame = (long) Math.floor(start / f.frame());
        while (true) {
            double a = Math.max(start, frame * f.frame() + offset);
            double b = frame * f.frame() + offset + slots[k];
            if (b > a) {
                if (b - a >= left) {
                    return a + left;
                }
                left -= b - a;
            }
            frame++;
        }
    }

    @Test
    void completionMatchesFrameByFrameAndIsWithinOneFrameOfTheFluidTime() {
        RandomStream r = new RandomStreams(4).stream("test/tdma");
        for (int trial = 0; trial < 2000; trial++) {
            int devices = 1 + r.nextInt(0, 5);
            double[] slots = new double[devices];
            double total = 0;
            for (int j = 0; j < devices; j++) {
                slots[j] = 0.1 + r.nextDouble();
                total += slots[j];
            }
            double frameLength = 0.01;
            for (int j = 0; j < devices; j++) {
                slots[j] *= frameLength * r.nextDouble() / total;
            }
            TdmaFrame f = new TdmaFrame(frameLength, slots);
            int k = r.nextInt(0, devices - 1);
            double bits = 1e3 + r.nextDouble() * 1e6;
            double rate = 1e6 + r.nextDouble() * 1e8;
            double exact = f.completion(k, 0.0, bits, rate);
            assertEquals(bySteppingFrames(f, slots, k, 0.0, bits, rate), exact, 1e-9 * exact + 1e-15);
            assertTrue(Math.abs(exact - f.fluidTime(k, bits, rate)) <= frameLength + 1e-12,
                    "exact " + exact + " fluid " + f.fluidTime(k, bits, rate));
            double start = r.nextDouble() * 0.05;
            double fromMidway = f.completion(k, start, bits, rate);
            assertEquals(bySteppingFrames(f, slots, k, start, bits, rate), fromMidway, 1e-9 * fromMidway + 1e-15);
        }
    }

    @Test
    void slotsLongerThanTheFrameAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TdmaFrame(0.01, new double[] {0.006, 0.005}));
    }
}

package org.edgesim.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    /**
     * A rate that 200 dB of shadowing leaves: more frames than a long holds (the count once
     * overflowed to a completion at -9.2e16 s). Still within one frame of the fluid time.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e-3, 1e-12, 1e-280})
    void aVeryLowRateCompletesFarAheadNotInThePast(double rate) {
        double[] slots = {0.004, 0.006};
        TdmaFrame f = new TdmaFrame(0.01, slots);
        double start = 0.194;
        double fluid = f.fluidTime(1, 8.9e6, rate);
        double exact = f.completion(1, start, 8.9e6, rate);
        assertEquals(start + fluid, exact, 0.01 + 1e-15 * fluid, "rate " + rate);
    }

    @Test
    void slotsLongerThanTheFrameAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TdmaFrame(0.01, new double[] {0.006, 0.005}));
    }

    /** With a rate that changes every fading block: against stepping through time in microseconds. */
    @Test
    void piecewiseRateCompletionIntegratesTheRateOverSlotsAndBlocks() {
        double[] slots = {0.003, 0.005, 0.002};
        TdmaFrame f = new TdmaFrame(0.01, slots);
        double[] rates = {2e6, 5e5, 3e6, 1e6, 4e6, 2.5e6, 7e5, 1.5e6};
        double tc = 0.013; // blocks not aligned with frames
        PiecewiseRate rate = new PiecewiseRate() {
            @Override
            public int blockAt(double t) {
                int b = (int) Math.floor(t / tc);
                return (b + 1) * tc <= t ? b + 1 : b;
            }

            @Override
            public double end(int block) {
                return (block + 1) * tc;
            }

            @Override
            public double rate(int block) {
                return rates[block % rates.length];
            }
        };
        for (int k = 0; k < 3; k++) {
            for (double start : new double[] {0.0, 0.0041, 0.0377}) {
                double bits = 2e4 * (k + 1);
                double exact = f.completion(k, start, bits, rate);
                double dt = 1e-7;
                double sent = 0;
                double t = start;
                double offset = k == 0 ? 0 : k == 1 ? 0.003 : 0.008;
                while (sent < bits) {
                    double inFrame = t - Math.floor(t / 0.01) * 0.01;
                    if (inFrame >= offset && inFrame < offset + slots[k]) {
                        sent += rates[(int) Math.floor(t / tc) % rates.length] * dt;
                    }
                    t += dt;
                }
                assertEquals(t, exact, 2e-6, "device " + k + " from " + start);
                // A constant rate gives the closed form.
                PiecewiseRate flat = new PiecewiseRate() {
                    @Override
                    public int blockAt(double x) {
                        return (int) Math.floor(x / tc);
                    }

                    @Override
                    public double end(int block) {
                        return (block + 1) * tc;
                    }

                    @Override
                    public double rate(int block) {
                        return 1e6;
                    }
                };
                assertEquals(f.completion(k, start, bits, 1e6), f.completion(k, start, bits, flat), 1e-12);
            }
        }
    }
}

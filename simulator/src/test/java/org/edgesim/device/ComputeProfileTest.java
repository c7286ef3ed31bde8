package org.edgesim.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

class ComputeProfileTest {
    @Test
    void cpuTurnsCyclesAndFlopsIntoSeconds() {
        CpuProfile cpu = new CpuProfile(2e9, 4);
        assertEquals(0.5, cpu.secondsForCycles(1e9));
        assertEquals(0.125, cpu.secondsForFlops(1e9));
        assertEquals(1.0, cpu.withSpeed(1e9).secondsForCycles(1e9));
        assertThrows(IllegalArgumentException.class, () -> new CpuProfile(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new CpuProfile(1e9, Double.NaN));
    }

    @Test
    void gpuLatencyIsFlatUpToTheThresholdThenLinear() {
        GpuProfile gpu = new GpuProfile(0.05, 0.0015, 32);
        assertEquals(0.05, gpu.latency(1));
        assertEquals(0.05, gpu.latency(32));
        assertEquals(0.05 + 0.0015 * 96, gpu.latency(128), 1e-15);
        for (int b = 1; b < 200; b++) {
            assertTrue(gpu.latency(b + 1) >= gpu.latency(b), "latency must not fall with batch size");
        }
        assertThrows(IllegalArgumentException.class, () -> gpu.latency(-1));
    }

    @Test
    void staticDynamicsTakeNoDraws() {
        RandomStream s = new RandomStreams(1).stream("d");
        assertEquals(5e8, SpeedDynamics.STATIC.draw(5e8, s));
        assertEquals(new RandomStreams(1).stream("d").nextDouble(), s.nextDouble());
    }

    @Test
    void dynamicsAreGaussianAroundTheMeanAndStayPositive() {
        RandomStream s = new RandomStreams(2).stream("d");
        SpeedDynamics dynamics = new SpeedDynamics(0.05e9);
        SummaryStatistics stats = new SummaryStatistics();
        for (int i = 0; i < 100_000; i++) {
            stats.addValue(dynamics.draw(0.5e9, s));
        }
        assertEquals(0.5e9, stats.getMean(), 4 * 0.05e9 / Math.sqrt(stats.getN()));
        assertEquals(0.05e9, stats.getStandardDeviation(), 0.002e9);
        SpeedDynamics wild = new SpeedDynamics(10e9);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(wild.draw(0.1e9, s) >= SpeedDynamics.FLOOR * 0.1e9);
        }
    }
}

package org.edgesim.device;

/**
 * A CPU: {@code cyclesPerSecond} clock and {@code flopsPerCycle} (the papers' kappa) to turn
 * FLOP counts into cycles.
 */
public record CpuProfile(double cyclesPerSecond, double flopsPerCycle) implements ComputeProfile {
    public CpuProfile {
        if (!(cyclesPerSecond > 0) || !Double.isFinite(cyclesPerSecond)) {
            throw new IllegalArgumentException("CPU speed must be > 0 cycles/s, got " + cyclesPerSecond);
        }
        if (!(flopsPerCycle > 0) || !Double.isFinite(flopsPerCycle)) {
            throw new IllegalArgumentException("FLOPs per cycle must be > 0, got " + flopsPerCycle);
        }
    }

    /** Seconds to run {@code cycles} cycles. */
    public double secondsForCycles(double cycles) {
        return cycles / cyclesPerSecond;
    }

    /** Seconds to run {@code flops} floating-point operations. */
    public double secondsForFlops(double flops) {
        return flops / (flopsPerCycle * cyclesPerSecond);
    }

    /** The same CPU at another clock speed. */
    public CpuProfile withSpeed(double newCyclesPerSecond) {
        return new CpuProfile(newCyclesPerSecond, flopsPerCycle);
    }
}

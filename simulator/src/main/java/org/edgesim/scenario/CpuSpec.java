package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * CPU devices.
 *
 * @param speed         mean clock per device, cycles/s, drawn once per device ({@code 1 GHz},
 *                      {@code {grid: [0.1 GHz, 1 GHz, 0.1 GHz]}}, ...)
 * @param flopsPerCycle FLOPs per cycle (kappa), default 1
 * @param speedSigma    per-round Gaussian deviation of the clock around its mean, cycles/s, default 0
 * @param capacitance   effective switched capacitance {@code kappa_e} (J per cycle per Hz^2): a
 *                      cycle at clock {@code f} costs {@code kappa_e f^2} joules, e.g. {@code 1e-28};
 *                      given, every protocol reports energy per device and round
 */
public record CpuSpec(@JsonProperty(required = true) @Unit(Dimension.FREQUENCY) ValueDistribution speed,
                      Double flopsPerCycle,
                      @Unit(Dimension.FREQUENCY) Double speedSigma,
                      Double capacitance) {
    public CpuSpec {
        if (!(speed.min() > 0)) {
            throw new InvalidField("speed", "every speed must be > 0 Hz, the smallest is " + speed.min());
        }
        flopsPerCycle = flopsPerCycle == null ? 1.0 : InvalidField.positive("flopsPerCycle", flopsPerCycle, Dimension.COUNT);
        speedSigma = speedSigma == null ? 0.0 : InvalidField.nonNegative("speedSigma", speedSigma, Dimension.FREQUENCY);
        if (capacitance != null) {
            InvalidField.positive("capacitance", capacitance, Dimension.COUNT);
        }
    }
}

package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * GPU devices with a flat-then-linear latency against batch size (see
 * {@link org.edgesim.device.GpuProfile}).
 *
 * @param fixed     latency up to the threshold batch, s (required; e.g. {@code 50 ms})
 * @param perSample extra latency per sample above the threshold, s (required; e.g. {@code 1.5 ms})
 * @param threshold threshold batch size, samples
 * @param power     optional: the board's power while it computes, W; with it the runs report
 *                  energy, computation {@code power x busy time} plus transmission {@code P t}
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record GpuSpec(@JsonProperty(required = true) @Unit(Dimension.TIME) double fixed,
                      @JsonProperty(required = true) @Unit(Dimension.TIME) double perSample,
                      @JsonProperty(required = true) double threshold,
                      @Unit(Dimension.POWER) Double power) {
    /** A GPU without an energy model. */
    public GpuSpec(double fixed, double perSample, double threshold) {
        this(fixed, perSample, threshold, null);
    }

    public GpuSpec {
        InvalidField.nonNegative("fixed", fixed, Dimension.TIME);
        InvalidField.positive("perSample", perSample, Dimension.TIME);
        InvalidField.nonNegative("threshold", threshold, Dimension.COUNT);
        if (power != null) {
            InvalidField.positive("power", power, Dimension.POWER);
        }
    }
}

package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * GPU devices with a flat-then-linear latency against batch size (see
 * {@link org.edgesim.device.GpuProfile}).
 *
 * @param fixed     latency up to the threshold batch, s ({@code 50 ms})
 * @param perSample extra latency per sample above the threshold, s ({@code 1.5 ms})
 * @param threshold threshold batch size, samples
 */
public record GpuSpec(@JsonProperty(required = true) @Unit(Dimension.TIME) double fixed,
                      @JsonProperty(required = true) @Unit(Dimension.TIME) double perSample,
                      @JsonProperty(required = true) double threshold) {
    public GpuSpec {
        InvalidField.nonNegative("fixed", fixed, Dimension.TIME);
        InvalidField.positive("perSample", perSample, Dimension.TIME);
        InvalidField.nonNegative("threshold", threshold, Dimension.COUNT);
    }
}

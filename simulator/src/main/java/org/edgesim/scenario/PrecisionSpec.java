package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A sweep's {@code precision}: replications run in batches of the sweep's {@code replications}
 * until every design point and compared scheduler has a 95% interval of {@code metric}'s mean no
 * wider than {@code relativeHalfWidth} times the mean (on each side), or {@code maxReplications}
 * have run. The number that ran depends on the results alone, so the same seed gives the same
 * number and the same bytes on any executor and thread count.
 *
 * @param metric            a column of {@code points.csv}, e.g. {@code realised_latency_s_mean}
 * @param relativeHalfWidth the half-width asked for, as a share of the mean, in (0, 1]
 * @param maxReplications   the most replications that run, at least the sweep's {@code replications}
 */
public record PrecisionSpec(@JsonProperty(required = true) String metric,
                            @JsonProperty(required = true) double relativeHalfWidth,
                            @JsonProperty(required = true) int maxReplications) {
    public PrecisionSpec {
        if (metric.isBlank()) {
            throw new InvalidField("metric", "must name a column of points.csv");
        }
        if (!(relativeHalfWidth > 0 && relativeHalfWidth <= 1)) {
            throw new InvalidField("relativeHalfWidth", "must be in (0, 1] (a share of the mean), got "
                    + relativeHalfWidth);
        }
        if (maxReplications < 2) {
            throw new InvalidField("maxReplications", "must be >= 2 (an interval needs two), got " + maxReplications);
        }
    }
}

package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Stochastic device availability (an on/off model): every round each device independently drops
 * out with probability {@code dropout}, at a uniformly drawn moment of its computation, and is
 * back after an exponentially distributed outage of mean {@code offTime}, resuming where it
 * stopped.
 *
 * @param dropout probability per device and round, in [0, 1]
 * @param offTime mean outage, s
 */
public record AvailabilitySpec(@JsonProperty(required = true) double dropout,
                               @JsonProperty(required = true) @Unit(Dimension.TIME) double offTime) {
    public AvailabilitySpec {
        if (!(dropout >= 0 && dropout <= 1)) {
            throw new InvalidField("dropout", "must be a probability in [0, 1], got " + dropout);
        }
        InvalidField.positive("offTime", offTime, Dimension.TIME);
    }
}

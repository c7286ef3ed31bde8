package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * When devices are away. Either a stochastic on/off model, {@code dropout} and {@code offTime}:
 * every round each device independently drops out with probability {@code dropout}, at a uniformly
 * drawn moment of its computation, and is back after an exponentially distributed outage of mean
 * {@code offTime}; or a {@code trace}: a CSV file {@code device,off,on} of outages in simulated
 * seconds (FedScale style; relative to the working directory). Either way a device that is away
 * stops computing and resumes where it stopped.
 *
 * @param dropout probability per device and round, in [0, 1]
 * @param offTime mean outage, s
 * @param trace   CSV file of outages
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AvailabilitySpec(Double dropout, @Unit(Dimension.TIME) Double offTime, String trace) {
    public AvailabilitySpec {
        if (trace != null) {
            if (dropout != null || offTime != null) {
                throw new InvalidField(dropout != null ? "dropout" : "offTime", "give either a 'trace' or 'dropout' and"
                        + " 'offTime', not both");
            }
        } else {
            if (dropout == null || offTime == null) {
                throw new InvalidField(dropout == null ? "dropout" : "offTime", "missing: the on/off model needs"
                        + " 'dropout' and 'offTime' (or give a 'trace' file)");
            }
            if (!(dropout >= 0 && dropout <= 1)) {
                throw new InvalidField("dropout", "must be a probability in [0, 1], got " + dropout);
            }
            InvalidField.positive("offTime", offTime, Dimension.TIME);
        }
    }
}

package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How fast the devices move, which sets how fast their channels change: the Doppler frequency
 * {@code f_D = v f_c / c}.
 *
 * @param speed   device speed, m/s ({@code 3 km/h})
 * @param carrier carrier frequency, Hz ({@code 2.4 GHz})
 */
public record MobilitySpec(@JsonProperty(required = true) @Unit(Dimension.SPEED) double speed,
                           @JsonProperty(required = true) @Unit(Dimension.FREQUENCY) double carrier) {
    public MobilitySpec {
        InvalidField.positive("speed", speed, Dimension.SPEED);
        InvalidField.positive("carrier", carrier, Dimension.FREQUENCY);
    }
}

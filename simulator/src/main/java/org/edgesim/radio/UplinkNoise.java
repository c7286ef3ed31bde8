package org.edgesim.radio;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Over which band the uplink noise of an FDMA share is counted. */
public enum UplinkNoise {
    /** An equal share {@code B / n} of the band: a fixed spectral efficiency, as the PARTEL paper assumes. */
    @JsonProperty("equal-share") EQUAL_SHARE,
    /** The device's own allocated band {@code rho B}: the rate depends on the share. */
    @JsonProperty("allocated") ALLOCATED
}

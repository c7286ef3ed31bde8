package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The cell: radius around the access point and the minimum device distance.
 *
 * @param radius      metres (e.g. {@code 0.15 km})
 * @param minDistance metres, default 1 m; keeps path loss finite
 */
public record CellSpec(@JsonProperty(required = true) @Unit(Dimension.LENGTH) double radius,
                       @Unit(Dimension.LENGTH) Double minDistance) {
    public static final double DEFAULT_MIN_DISTANCE_M = 1.0;

    public CellSpec {
        InvalidField.positive("radius", radius, Dimension.LENGTH);
        minDistance = minDistance == null ? DEFAULT_MIN_DISTANCE_M
                : InvalidField.positive("minDistance", minDistance, Dimension.LENGTH);
        if (minDistance > radius) {
            throw new InvalidField("minDistance", "must not exceed the radius " + radius + " m, got " + minDistance + " m");
        }
    }
}

package org.edgesim.cell;

import org.edgesim.device.ComputeProfile;
import org.edgesim.radio.Position;

/**
 * One dropped device.
 *
 * @param index        0-based device index
 * @param position     metres from the access point (several cells: in the plane of the sites, where it was dropped)
 * @param distance     metres to the access point ({@code position.distance()}, computed once; several cells: to the
 *                     site that served it first)
 * @param pathGain     large-scale power gain {@code 10^(-PL/10)} at its distance
 * @param meanProfile  its compute profile at mean speed
 */
public record Device(int index, Position position, double distance, double pathGain, ComputeProfile meanProfile) {
}

package org.edgesim.channel;

import org.edgesim.radio.Position;

/**
 * The mean (large-scale) power gain of the link between a device and a site, where both stand now:
 * the one place every protocol, the association of devices with sites and the interference of the
 * shared medium take it from. A law may keep state per link (a 3GPP link's LOS condition and
 * shadowing, correlated along the device's path), so a link is named by its device and site;
 * links are reciprocal.
 */
public interface PathGains {
    /**
     * The gain of device {@code device}'s link with site {@code site}.
     *
     * @param device    the device's index
     * @param at        where the device stands, m
     * @param site      the site's index (0 with one cell)
     * @param siteAt    where the site stands, m
     * @param distanceM the horizontal distance the caller takes for the link (already kept at its
     *                  floor, {@code cell.minDistance}, where it keeps one), m
     */
    double gain(int device, Position at, int site, Position siteAt, double distanceM);

    /**
     * What a device's link with a site is like now, for the devices' rows: the 3D distance, whether
     * it is in line of sight, the path loss and the shadowing, dB; null for a law that has no such
     * state (a log-distance law: the path gain says it all).
     */
    default LinkState state(int device, int site) {
        return null;
    }

    /**
     * One link's large-scale state.
     *
     * @param distance3dM  the straight-line distance between the antennas, m
     * @param los          whether it is in line of sight
     * @param pathLossDb   its path loss (with the outdoor-to-indoor loss where the device is indoors), dB
     * @param shadowingDb  its shadow fading, dB
     */
    record LinkState(double distance3dM, boolean los, double pathLossDb, double shadowingDb) {
    }
}

package org.edgesim.round;

/**
 * The columns every protocol's devices table starts with: one row per device per round.
 *
 * @param aggregated    whether the server took the device's update
 * @param outage        how long the device was away during the round's computations, s
 * @param computeEnergy J of computing (NaN without an energy model)
 * @param radioEnergy   J of transmitting (NaN without an energy model)
 * @param retransmitted bits resent on the device's links after packet loss
 * @param cell          with several cells, the cell that served it (-1 with one)
 * @param handedOver    whether it changed cells at the round's start
 * @param position      with several cells, where it was at the round's start (null with one)
 * @param link          its link with the site serving it, under a path-loss law with a state per
 *                      link (TR 38.901); null under a law of distance alone
 */
public record DeviceCommon(int round, int device, boolean aggregated, double outage, double computeEnergy,
                           double radioEnergy, double retransmitted, int cell, boolean handedOver,
                           org.edgesim.radio.Position position, org.edgesim.channel.PathGains.LinkState link) {
    /** A protocol's own columns of a device's round, after the common ones. */
    public record Row<E>(DeviceCommon common, E own) {
    }
}

package org.edgesim.round;

/**
 * The columns every protocol's devices table starts with: one row per device per round.
 *
 * @param aggregated    whether the server took the device's update
 * @param outage        how long the device was away during the round's computations, s
 * @param computeEnergy J of computing (NaN without an energy model)
 * @param radioEnergy   J of transmitting (NaN without an energy model)
 * @param retransmitted bits resent on the device's links after packet loss
 */
public record DeviceCommon(int round, int device, boolean aggregated, double outage, double computeEnergy,
                           double radioEnergy, double retransmitted) {
    /** A protocol's own columns of a device's round, after the common ones. */
    public record Row<E>(DeviceCommon common, E own) {
    }
}

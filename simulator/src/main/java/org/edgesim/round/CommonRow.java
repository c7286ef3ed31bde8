package org.edgesim.round;

/**
 * The columns every protocol's rounds table starts with (async MEL: one row per global cycle).
 *
 * @param planned     the latency the scheduler planned, s
 * @param realised    the latency the events gave, s (async MEL: its latest return, late ones included)
 * @param aggregated  devices whose update the server took
 * @param outages     devices away at some point of the round
 * @param energy      the devices' energy for the round, J (NaN without an energy model)
 * @param retransmitted bits resent after packet loss
 */
public record CommonRow(int round, String scheduler, double start, double end, double planned, double realised,
                        int aggregated, int outages, double energy, double retransmitted) {
    /** A protocol's own columns of a round, after the common ones. */
    public record Row<E>(CommonRow common, E own) {
    }
}

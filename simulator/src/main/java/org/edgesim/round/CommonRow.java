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
 * @param cell        with several cells, the cell's own columns (null with one)
 */
public record CommonRow(int round, String scheduler, double start, double end, double planned, double realised,
                        int aggregated, int outages, double energy, double retransmitted, CellRow cell) {
    /**
     * A cell's columns of a round.
     *
     * @param cell        its index
     * @param members     the devices it served
     * @param handovers   how many of them it took over at the round's start
     * @param heardUp     the interference density its uplinks heard in the round, W/Hz
     * @param heardDown   the interference density its downlinks heard, W/Hz
     * @param over        from the round's start until the next round could start (the slowest cell, then the cloud), s
     * @param cloud       the cloud's step after the round, s (0: none)
     */
    public record CellRow(int cell, int members, int handovers, double heardUp, double heardDown, double over,
                          double cloud) {
    }

    /** A protocol's own columns of a round, after the common ones. */
    public record Row<E>(CommonRow common, E own) {
    }
}

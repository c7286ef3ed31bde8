/**
 * The round engine every protocol runs on. {@link RoundLoop} owns the loop: each
 * round's true conditions and what the scheduler sees, the start of the next round, the time limit,
 * progress, and the rows' common columns ({@link CommonRow}). A protocol describes
 * what its round does as phases of computations and transfers on the round's
 * {@link RoundWork}, the one device-activity layer, where jitter and availability
 * pauses apply to every computation, packet loss to every transfer (over the link the channel made), and energy
 * is metered once; and it gathers updates at a {@link Gathering}, where deadlines
 * and quorums are kept. It depends on the kernel, rng, radio, channel, device and cell packages only.
 */
package org.edgesim.round;

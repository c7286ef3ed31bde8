/**
 * Learning protocols: what one round does, as phases on the round engine ({@link org.edgesim.round}).
 * One sub-package per paper ({@code protocol.partel}, ...). A protocol ({@link
 * DescribedProtocol}) asks its scheduler for a plan with a read-only snapshot
 * of what the scheduler sees, runs the plan's computations and transfers on the round's
 * {@link org.edgesim.round.RoundWork} against the true conditions, gathers the updates at a
 * {@link org.edgesim.round.Gathering}, and writes its own columns after the common ones
 * ({@link CommonColumns}). {@link RoundEngine} sets the
 * engine up from a scenario the same way for every protocol.
 */
package org.edgesim.protocol;

/**
 * Learning protocols: what one round does, as events on the kernel. One sub-package per paper
 * ({@code protocol.partel}, ...). A protocol asks its scheduler for a plan with a read-only
 * snapshot, executes the plan as events and records planned and realised latency.
 */
package org.edgesim.protocol;

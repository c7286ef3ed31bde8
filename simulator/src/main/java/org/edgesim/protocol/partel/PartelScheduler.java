package org.edgesim.protocol.partel;

import org.edgesim.sched.Scheduler;

/** A PARTEL scheduler: block lengths and bandwidth shares for one round. */
public interface PartelScheduler extends Scheduler<PartelSnapshot, PartelPlan> {
}

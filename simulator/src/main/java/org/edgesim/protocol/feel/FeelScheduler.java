package org.edgesim.protocol.feel;

import org.edgesim.sched.Scheduler;

/** A FEEL scheduler: batch sizes and TDMA slots for one round. */
public interface FeelScheduler extends Scheduler<FeelSnapshot, FeelPlan> {
}

package org.edgesim.protocol.mel;

import org.edgesim.sched.Scheduler;

/** An async MEL scheduler: samples and local updates per learner for one global cycle. */
public interface MelScheduler extends Scheduler<MelSnapshot, MelPlan> {
}

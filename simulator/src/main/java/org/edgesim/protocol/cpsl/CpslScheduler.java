package org.edgesim.protocol.cpsl;

import org.edgesim.sched.Scheduler;

/** A CPSL small-timescale scheduler: the round's clusters and subcarriers for a given cut. */
public interface CpslScheduler extends Scheduler<CpslSnapshot, CpslPlan> {
}

package org.edgesim.protocol.fdma;

import org.edgesim.sched.Scheduler;

/** An FDMA scheduler: each device's share of the band for one round. */
public interface FdmaScheduler extends Scheduler<FdmaSnapshot, FdmaPlan> {
}

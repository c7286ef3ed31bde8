package org.edgesim.protocol.mel;

import java.util.List;
import org.edgesim.sched.external.Wire;

/**
 * What a task-allocation scheduler sees at the start of a global cycle.
 *
 * @param cycle    1-based
 * @param cycleS   the cycle length {@code T} (s)
 * @param samples  {@code d}, the samples to allocate
 * @param minShare {@code d_lo}, fewest samples per learner
 * @param maxShare {@code d_hi}, most samples per learner
 * @param learners in index order
 */
public record MelSnapshot(int cycle, double cycleS, long samples, @Wire(unit = "samples") long minShare,
                          @Wire(unit = "samples") long maxShare,
                          List<MelLearner> learners) {
    public MelSnapshot {
        learners = List.copyOf(learners);
        if (learners.isEmpty() || !(cycleS > 0) || minShare < 1 || maxShare < minShare) {
            throw new IllegalArgumentException("a cycle needs learners, T > 0 and 1 <= d_lo <= d_hi, got T = " + cycleS
                    + ", d_lo = " + minShare + ", d_hi = " + maxShare);
        }
    }

    public int size() {
        return learners.size();
    }

    public MelLearner learner(int k) {
        return learners.get(k);
    }
}

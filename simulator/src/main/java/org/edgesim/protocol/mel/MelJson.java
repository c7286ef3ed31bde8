package org.edgesim.protocol.mel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.edgesim.protocol.PlanJson;
import org.edgesim.sched.external.WireJson;

/**
 * Async MEL's snapshot and plan as JSON for external schedulers. Learner {@code k} with
 * {@code d_k} samples and {@code tau_k} updates takes {@code c2 tau d + c1 d + c0} seconds. The plan
 * is {@code {"samples": [d_k], "updates": [tau_k]}}: the samples must add up to {@code d} within the
 * bounds.
 */
final class MelJson {
    private MelJson() {
    }

    /** The snapshot record as JSON ({@link WireJson}: its components under their wire names). */
    static ObjectNode snapshot(MelSnapshot s) {
        return WireJson.of(s);
    }

    static MelPlan plan(MelSnapshot s, JsonNode plan) {
        long[] d = PlanJson.longs(plan, "samples");
        long[] tau = PlanJson.longs(plan, "updates");
        if (d.length != s.size() || tau.length != s.size()) {
            throw new IllegalArgumentException(d.length + " sample counts and " + tau.length + " update counts for "
                    + s.size() + " learners");
        }
        long total = 0;
        for (int k = 0; k < d.length; k++) {
            if (d[k] < s.minShare() || d[k] > s.maxShare()) {
                throw new IllegalArgumentException("learner " + k + " gets " + d[k] + " samples, outside the bounds ["
                        + s.minShare() + ", " + s.maxShare() + "]");
            }
            total += d[k];
        }
        if (total != s.samples()) {
            throw new IllegalArgumentException("the samples add up to " + total + ", not to d = " + s.samples());
        }
        return new MelPlan(d, tau);
    }
}

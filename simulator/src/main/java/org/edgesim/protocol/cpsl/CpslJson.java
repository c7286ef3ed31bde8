package org.edgesim.protocol.cpsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.protocol.PlanJson;
import org.edgesim.sched.external.WireJson;

/**
 * CPSL's snapshot and plan as JSON for external schedulers: the cut's quantities, and per device
 * its speed and its rate on one subcarrier. The plan is {@code {"clusters": [[device, ...], ...],
 * "subcarriers": [x_k per device]}} and optionally {@code "initial_latency_s"} (default: the plan's
 * own round latency).
 */
final class CpslJson {
    private CpslJson() {
    }

    /** The snapshot record as JSON ({@link WireJson}: its components under their wire names). */
    static ObjectNode snapshot(CpslSnapshot s) {
        return WireJson.of(s);
    }

    static CpslPlan plan(CpslSnapshot s, JsonNode plan) {
        JsonNode clusters = plan.get("clusters");
        if (clusters == null || !clusters.isArray()) {
            throw new IllegalArgumentException("'clusters' must be a list of lists of device indices");
        }
        int[][] members = new int[clusters.size()][];
        for (int m = 0; m < members.length; m++) {
            members[m] = PlanJson.intsOf(clusters.get(m), "clusters[" + m + "]");
            for (int k : members[m]) {
                if (k < 0 || k >= s.size()) {
                    throw new IllegalArgumentException("cluster " + m + " names device " + k + "; there are " + s.size());
                }
            }
        }
        int[] x = PlanJson.ints(plan, "subcarriers");
        CpslPlan draft = new CpslPlan(members, x, Double.NaN);
        draft.check(s);
        double initial = plan.has("initial_latency_s") ? PlanJson.seconds(plan, "initial_latency_s")
                : CpslLatency.round(s, draft);
        return new CpslPlan(members, x, initial);
    }
}

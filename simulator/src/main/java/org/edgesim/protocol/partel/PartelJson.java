package org.edgesim.protocol.partel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.edgesim.protocol.PlanJson;
import org.edgesim.sched.external.WireJson;
import org.edgesim.radio.UplinkNoise;

/**
 * PARTEL's snapshot and plan as JSON for external schedulers, with units in the names. The plan
 * is {@code {"blocks": [b_k per group], "shares": [rho per worker]}} and optionally
 * {@code "planned_latency_s"} (default: the snapshot's latency formula for those decisions).
 */
final class PartelJson {
    private PartelJson() {
    }

    /** The snapshot record as JSON ({@link WireJson}: its components under their wire names). */
    static ObjectNode snapshot(PartelSnapshot s) {
        return WireJson.of(s);
    }

    static PartelPlan plan(PartelSnapshot s, JsonNode plan) {
        long[] blocks = PlanJson.longs(plan, "blocks");
        double[] shares = PlanJson.doubles(plan, "shares");
        if (blocks.length != s.groups()) {
            throw new IllegalArgumentException("'blocks' has " + blocks.length + " entries for " + s.groups() + " groups");
        }
        if (shares.length != s.workers().size()) {
            throw new IllegalArgumentException("'shares' has " + shares.length + " entries for " + s.workers().size()
                    + " workers");
        }
        if (plan.has("planned_latency_s")) {
            return PartelPlan.of(s, blocks, shares, PlanJson.seconds(plan, "planned_latency_s"));
        }
        PartelPlan.of(s, blocks, shares, 1.0); // the rules of the decisions first: a zero share has no latency
        return PartelPlan.of(s, blocks, shares, PlanJson.latency(s.latency(blocks, shares)));
    }
}

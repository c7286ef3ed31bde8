package org.edgesim.protocol.partel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.edgesim.protocol.PlanJson;
import org.edgesim.radio.UplinkNoise;

/**
 * PARTEL's snapshot and plan as JSON for external schedulers, with units in the names. The plan
 * is {@code {"blocks": [b_k per group], "shares": [rho per worker]}} and optionally
 * {@code "planned_latency_s"} (default: the snapshot's latency formula for those decisions).
 */
final class PartelJson {
    private PartelJson() {
    }

    static ObjectNode snapshot(PartelSnapshot s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("round", s.round());
        o.put("groups", s.groups());
        o.put("workers_per_group", s.workersPerGroup());
        o.put("model_parameters", s.modelParameters());
        o.put("bandwidth_hz", s.bandwidthHz());
        o.put("bits_per_parameter", s.bitsPerParameter());
        o.put("bits_per_gradient", s.bitsPerGradient());
        o.put("cycles_per_parameter_per_sample", s.cyclesPerParameterPerSample());
        o.put("server_update_s", s.serverUpdateS());
        o.put("uplink_noise", s.uplinkNoise() == UplinkNoise.EQUAL_SHARE ? "equal-share" : "allocated");
        o.put("push_s", s.pushTime());
        ArrayNode workers = o.putArray("workers");
        for (Worker w : s.workers()) {
            ObjectNode x = workers.addObject();
            x.put("index", w.index());
            x.put("group", w.group());
            x.put("samples", w.samples());
            x.put("speed_hz", w.speedHz());
            x.put("down_efficiency_bit_per_s_per_hz", w.downEfficiency());
            x.put("up_efficiency_bit_per_s_per_hz", w.upEfficiency());
            x.put("up_snr_per_hz_hz", w.upSnrPerHz());
        }
        return o;
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

package org.edgesim.protocol.cpsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.protocol.PlanJson;

/**
 * CPSL's snapshot and plan as JSON for external schedulers: the cut's quantities, and per device
 * its speed and its rate on one subcarrier. The plan is {@code {"clusters": [[device, ...], ...],
 * "subcarriers": [x_k per device]}} and optionally {@code "initial_latency_s"} (default: the plan's
 * own round latency).
 */
final class CpslJson {
    private CpslJson() {
    }

    static ObjectNode snapshot(CpslSnapshot s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("round", s.round());
        ModelProfile.CutProfile c = s.cut();
        ObjectNode cut = o.putObject("cut");
        cut.put("layer", c.layer());
        cut.put("layer_name", c.layerName());
        cut.put("device_model_bits", c.deviceModelBits());
        cut.put("smashed_bits_per_sample", c.smashedBits());
        cut.put("gradient_bits_per_sample", c.gradientBits());
        if (!(s.uploads() instanceof org.edgesim.learning.Compression.None)) {
            // Only when compressed: the messages of uncompressed runs stay as they were.
            cut.put("smashed_up_bits_per_sample", s.smashedUpBits());
            cut.put("device_model_up_bits", s.modelUpBits());
        }
        cut.put("device_forward_flop_per_sample", c.deviceForward());
        cut.put("device_backward_flop_per_sample", c.deviceBackward());
        cut.put("server_forward_flop_per_sample", c.serverForward());
        cut.put("server_backward_flop_per_sample", c.serverBackward());
        o.put("batch", s.batch());
        o.put("epochs", s.epochs());
        o.put("subcarriers", s.subcarriers());
        o.put("flop_per_cycle", s.kappa());
        o.put("server_speed_hz", s.serverSpeed());
        o.put("cluster_size", s.clusterSize());
        ArrayNode devices = o.putArray("devices");
        for (CpslDevice d : s.devices()) {
            ObjectNode x = devices.addObject();
            x.put("index", d.index());
            x.put("speed_hz", d.speedHz());
            x.put("snr_db", d.snrDb());
            x.put("rate_bit_per_s", d.rate());
        }
        return o;
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

package org.edgesim.protocol.feel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.edgesim.protocol.PlanJson;

/**
 * FEEL's snapshot and plan as JSON for external schedulers. Each device's computation time is
 * given for every batch size 1..Bmax ({@code compute_s[B - 1]}). The plan is
 * {@code {"update": "gradient" | "model" | "local", "batches": [B_k], "slot_up_s": [...],
 * "slot_down_s": [...]}}; the planned times are those of the slots
 * ({@link FeelPlan#ofSlots}).
 */
final class FeelJson {
    private static final List<String> UPDATES = List.of("gradient", "model", "local");

    private FeelJson() {
    }

    static ObjectNode snapshot(FeelSnapshot s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("round", s.round());
        o.put("bits", s.bits());
        o.put("model_bits", s.modelBits());
        o.put("frame_up_s", s.frameUpS());
        o.put("frame_down_s", s.frameDownS());
        o.put("max_batch", s.maxBatch());
        ArrayNode devices = o.putArray("devices");
        for (FeelDevice d : s.devices()) {
            ObjectNode x = devices.addObject();
            x.put("index", d.index());
            ArrayNode compute = x.putArray("compute_s");
            for (int b = 1; b <= s.maxBatch(); b++) {
                compute.add(d.compute().time(b));
            }
            x.put("update_s", d.updateS());
            x.put("samples", d.samples());
            x.put("rate_up_bit_per_s", d.rateUpBps());
            x.put("rate_down_bit_per_s", d.rateDownBps());
        }
        return o;
    }

    static FeelPlan plan(FeelSnapshot s, JsonNode plan) {
        Update update = Update.valueOf(PlanJson.word(plan, "update", UPDATES).toUpperCase(Locale.ROOT));
        int[] batches = PlanJson.ints(plan, "batches");
        double[] up = PlanJson.doubles(plan, "slot_up_s");
        double[] down = PlanJson.doubles(plan, "slot_down_s");
        if (batches.length != s.size()) {
            throw new IllegalArgumentException(batches.length + " batches for " + s.size() + " devices");
        }
        for (int k = 0; k < batches.length; k++) {
            if (batches[k] > s.maxBatch()) {
                throw new IllegalArgumentException("device " + k + " gets batch " + batches[k] + ", above Bmax = "
                        + s.maxBatch());
            }
        }
        FeelPlan p = FeelPlan.ofSlots(s, update, batches, up, down);
        PlanJson.latency(p.plannedLatencyS());
        return p;
    }
}

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
 * ({@link FeelPlan#ofSlots}). Over the air ({@code protocol.aggregation: aircomp}) the snapshot
 * also has {@code "aircomp": {"subcarriers", "band_hz", "noise_w_per_hz", "power_w", "rayleigh",
 * "coordinates", "airtime_s", "cell_radius_m", "distance_m": [...], "large_scale_gain": [...]}} and
 * the plan is {@code {"update": "gradient", "batches": [B_k], "aircomp": {"threshold": g_th,
 * "selected": [true | false, ...]}}} ({@link FeelPlan#ofAirComp}). With {@code protocol.compression}
 * the snapshot also has {@code "up_bits"} and {@code "model_up_bits"}: what an upload of a gradient or
 * a model takes ({@code bits} and {@code model_bits} stay what the downloads take).
 */
final class FeelJson {
    private static final List<String> UPDATES = List.of("gradient", "model", "local");

    private FeelJson() {
    }

    static ObjectNode snapshot(FeelSnapshot s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("round", s.round());
        o.put("bits", s.bits());
        if (s.upBits() != s.bits()) {
            o.put("up_bits", s.upBits());
        }
        if (s.modelUpBits() != s.modelBits()) {
            o.put("model_up_bits", s.modelUpBits());
        }
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
        AirCompView air = s.airComp();
        if (air != null) {
            ObjectNode a = o.putObject("aircomp");
            a.put("subcarriers", air.subcarriers());
            a.put("band_hz", air.bandHz());
            a.put("noise_w_per_hz", air.noiseDensity());
            a.put("power_w", air.powerW());
            a.put("rayleigh", air.rayleigh());
            a.put("coordinates", air.coordinates());
            a.put("airtime_s", air.airtimeS());
            a.put("cell_radius_m", air.cellRadiusM());
            ArrayNode distance = a.putArray("distance_m");
            ArrayNode gain = a.putArray("large_scale_gain");
            for (int k = 0; k < s.size(); k++) {
                distance.add(air.distance(k));
                gain.add(air.largeScale(k));
            }
        }
        return o;
    }

    static FeelPlan plan(FeelSnapshot s, JsonNode plan) {
        if (s.airComp() != null) {
            return airComp(s, plan);
        }
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

    private static FeelPlan airComp(FeelSnapshot s, JsonNode plan) {
        PlanJson.word(plan, "update", List.of("gradient"));
        int[] batches = PlanJson.ints(plan, "batches");
        JsonNode air = plan.get("aircomp");
        if (air == null || !air.isObject()) {
            throw new IllegalArgumentException("'aircomp' must be an object {\"threshold\": g_th, \"selected\": [...]}");
        }
        JsonNode selected = air.get("selected");
        if (selected == null || !selected.isArray() || selected.size() != s.size()) {
            throw new IllegalArgumentException("'aircomp.selected' must be an array of " + s.size() + " booleans");
        }
        boolean[] chosen = new boolean[s.size()];
        for (int k = 0; k < chosen.length; k++) {
            if (!selected.get(k).isBoolean()) {
                throw new IllegalArgumentException("'aircomp.selected[" + k + "]' must be true or false");
            }
            chosen[k] = selected.get(k).booleanValue();
        }
        if (batches.length != s.size()) {
            throw new IllegalArgumentException(batches.length + " batches for " + s.size() + " devices");
        }
        FeelPlan p = FeelPlan.ofAirComp(s, batches, PlanJson.number(air, "threshold"), chosen);
        PlanJson.latency(p.plannedLatencyS());
        return p;
    }
}

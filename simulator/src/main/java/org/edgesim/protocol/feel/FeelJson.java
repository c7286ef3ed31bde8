package org.edgesim.protocol.feel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.edgesim.protocol.PlanJson;
import org.edgesim.sched.external.Wire;
import org.edgesim.sched.external.WireJson;

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

    /**
     * The message: the snapshot as external schedulers read it, each device's computation time for
     * every batch size, the uploads' bits only where compression makes them differ.
     */
    record Message(int round, double bits, Double upBits, Double modelUpBits, double modelBits, double frameUpS,
                   double frameDownS, int maxBatch, List<Device> devices, @Wire("aircomp") Air airComp) {
    }

    /** A device: {@code compute_s[B - 1]} its computation of a batch of B. */
    record Device(int index, double[] computeS, double updateS, int samples, double rateUpBitPerS,
                  double rateDownBitPerS) {
    }

    /** What an over-the-air scheduler also reads. */
    record Air(int subcarriers, double bandHz, @Wire(unit = "W/Hz") double noise, double powerW, boolean rayleigh,
               long coordinates, double airtimeS, double cellRadiusM, double[] distanceM, double[] largeScaleGain) {
    }

    static ObjectNode snapshot(FeelSnapshot s) {
        List<Device> devices = s.devices().stream().map(d -> new Device(d.index(), java.util.stream.IntStream
                .rangeClosed(1, s.maxBatch()).mapToDouble(b -> d.compute().time(b)).toArray(), d.updateS(), d.samples(),
                d.rateUpBps(), d.rateDownBps())).toList();
        AirCompView a = s.airComp();
        Air air = a == null ? null : new Air(a.subcarriers(), a.bandHz(), a.noiseDensity(), a.powerW(), a.rayleigh(),
                a.coordinates(), a.airtimeS(), a.cellRadiusM(), a.distanceM(), a.largeScale());
        return WireJson.of(new Message(s.round(), s.bits(), s.upBits() != s.bits() ? s.upBits() : null,
                s.modelUpBits() != s.modelBits() ? s.modelUpBits() : null, s.modelBits(), s.frameUpS(), s.frameDownS(),
                s.maxBatch(), devices, air));
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

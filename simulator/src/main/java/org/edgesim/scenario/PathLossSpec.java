package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.edgesim.channel.tr38901.Environment;
import org.edgesim.channel.tr38901.Tr38901Gains;
import org.edgesim.channel.PathLoss;

/**
 * A path-loss law: a preset name ({@code urban-macro}: 128.1 + 37.6 log10(d[km]) dB;
 * {@code indoor}: 7 + 2.1 log10(d[m]) dB), the three numbers of {@code A + B log10(d / d0)}:
 * {@code {intercept: 128.1 dB, slope: 37.6 dB, reference: 1 km}}, or a TR 38.901 model:
 * {@code {model: 3gpp-uma, carrier: 3.5 GHz}} with optional {@code bsHeight}, {@code utHeight}
 * (the environment's defaults), {@code condition} ({@code random}, the default, {@code los} or
 * {@code nlos}), {@code shadowing} (true by default), {@code indoorShare} (0 by default) and
 * {@code o2i} ({@code low}, the default, or {@code high}).
 *
 * @param preset      {@code urban-macro} or {@code indoor}
 * @param intercept   A, dB (with {@code slope} and {@code reference})
 * @param slope       B, dB per decade of distance
 * @param reference   d0, the distance A holds at
 * @param model       a TR 38.901 model: {@code 3gpp-uma}, {@code 3gpp-umi}, {@code 3gpp-rma}, {@code 3gpp-inh-mixed} or {@code 3gpp-inh-open}
 * @param carrier     the carrier frequency (TR 38.901 models)
 * @param bsHeight    the site's antenna height (default: the environment's)
 * @param utHeight    the devices' antenna height (default: the environment's)
 * @param condition   {@code random} (default), {@code los} or {@code nlos}
 * @param shadowing   whether shadow fading is drawn (default true)
 * @param indoorShare share of devices indoors, 0 to 1 (default 0)
 * @param o2i         outdoor-to-indoor loss model: {@code low} (default) or {@code high}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PathLossSpec(String preset,
                           @Unit(Dimension.DECIBEL) Double intercept,
                           @Unit(Dimension.DECIBEL) Double slope,
                           @Unit(Dimension.LENGTH) Double reference,
                           String model,
                           @Unit(Dimension.FREQUENCY) Double carrier,
                           @Unit(Dimension.LENGTH) Double bsHeight,
                           @Unit(Dimension.LENGTH) Double utHeight,
                           String condition,
                           Boolean shadowing,
                           Double indoorShare,
                           String o2i) {
    static final Map<String, PathLoss> PRESETS = Map.of("urban-macro", PathLoss.URBAN_MACRO, "indoor", PathLoss.INDOOR);
    /** The conditions a 3GPP model takes. */
    public static final List<String> CONDITIONS = List.of("random", "los", "nlos");

    public PathLossSpec {
        if (model != null) {
            if (preset != null || intercept != null || slope != null || reference != null) {
                throw new InvalidField("model", "give either a 3GPP model or a preset or intercept/slope/reference,"
                        + " not both");
            }
            Environment env;
            try {
                env = Environment.of(model);
            } catch (IllegalArgumentException e) {
                throw new InvalidField("model", e.getMessage());
            }
            if (carrier == null) {
                throw new InvalidField("carrier", "missing: a 3GPP model needs its carrier (e.g. 3.5 GHz)");
            }
            bsHeight = bsHeight == null ? env.defaultBsHeight() : bsHeight;
            utHeight = utHeight == null ? env.defaultUtHeight() : utHeight;
            condition = condition == null ? "random" : condition;
            if (!CONDITIONS.contains(condition)) {
                throw new InvalidField("condition", "'" + condition + "' is not one of " + String.join(", ", CONDITIONS));
            }
            shadowing = shadowing == null ? Boolean.TRUE : shadowing;
            indoorShare = indoorShare == null ? 0.0 : indoorShare;
            if ("high".equals(o2i) && indoorShare == 0) {
                throw new InvalidField("o2i", "the outdoor-to-indoor loss needs devices indoors: give indoorShare");
            }
            o2i = o2i == null ? "low" : o2i;
            if (!o2i.equals("low") && !o2i.equals("high")) {
                throw new InvalidField("o2i", "'" + o2i + "' is not one of low, high");
            }
            settings(env, carrier, bsHeight, utHeight, condition, shadowing, indoorShare, o2i);
        } else {
            for (Object v : new Object[] {carrier, bsHeight, utHeight, condition, shadowing, indoorShare, o2i}) {
                if (v != null) {
                    throw new InvalidField("model", "missing: carrier, heights, condition, shadowing, indoorShare and"
                            + " o2i belong to a 3GPP model (model: 3gpp-uma, ...)");
                }
            }
            if (preset != null) {
                PathLoss law = PRESETS.get(preset);
                if (law == null) {
                    throw new InvalidField("preset", "unknown path-loss preset '" + preset + "'; use one of "
                            + String.join(", ", PRESETS.keySet().stream().sorted().toList()));
                }
                // A resolved scenario (a run manifest) writes the preset with its numbers: accept those.
                boolean matches = (intercept == null || intercept == law.interceptDb())
                        && (slope == null || slope == law.slopeDb())
                        && (reference == null || reference == law.referenceM());
                if (!matches) {
                    throw new InvalidField("preset", "give either a preset or intercept/slope/reference, not both");
                }
                intercept = law.interceptDb();
                slope = law.slopeDb();
                reference = law.referenceM();
            } else {
                if (intercept == null || slope == null) {
                    throw new InvalidField(intercept == null ? "intercept" : "slope",
                            "missing; a path loss needs a preset name, intercept, slope and reference, or a 3GPP model");
                }
                reference = reference == null ? 1.0 : InvalidField.positive("reference", reference, Dimension.LENGTH);
            }
        }
    }

    /** The model's settings, or the field and rule they break. */
    private static Tr38901Gains.Settings settings(Environment env, double carrier, double bsHeight, double utHeight,
                                                  String condition, boolean shadowing, double indoorShare,
                                                  String o2i) {
        try {
            return new Tr38901Gains.Settings(env, carrier, bsHeight, utHeight,
                    Tr38901Gains.Condition.valueOf(condition.toUpperCase(java.util.Locale.ROOT)), shadowing,
                    indoorShare, o2i.equals("high"));
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            String field = m.startsWith("carrier") ? "carrier" : m.startsWith("device height") ? "utHeight"
                    : m.startsWith("base-station height") || m.startsWith("3D distance") ? "bsHeight" : m.contains("indoorShare") ? "indoorShare"
                    : m.contains("low-loss") ? "o2i" : "model";
            throw new InvalidField(field, m);
        }
    }

    /** A preset by name, as written {@code pathLoss: urban-macro}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PathLossSpec ofPreset(String preset) {
        return new PathLossSpec(preset, null, null, null, null, null, null, null, null, null, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static PathLossSpec of(@JsonProperty("preset") String preset,
                                  @JsonProperty("intercept") @Unit(Dimension.DECIBEL) Double intercept,
                                  @JsonProperty("slope") @Unit(Dimension.DECIBEL) Double slope,
                                  @JsonProperty("reference") @Unit(Dimension.LENGTH) Double reference,
                                  @JsonProperty("model") String model,
                                  @JsonProperty("carrier") @Unit(Dimension.FREQUENCY) Double carrier,
                                  @JsonProperty("bsHeight") @Unit(Dimension.LENGTH) Double bsHeight,
                                  @JsonProperty("utHeight") @Unit(Dimension.LENGTH) Double utHeight,
                                  @JsonProperty("condition") String condition,
                                  @JsonProperty("shadowing") Boolean shadowing,
                                  @JsonProperty("indoorShare") Double indoorShare,
                                  @JsonProperty("o2i") String o2i) {
        return new PathLossSpec(preset, intercept, slope, reference, model, carrier, bsHeight, utHeight, condition,
                shadowing, indoorShare, o2i);
    }

    /** Whether it is a TR 38.901 model (else a law of distance alone). */
    public boolean tr38901() {
        return model != null;
    }

    /** The law of distance; only for a preset or intercept/slope/reference. */
    public PathLoss law() {
        if (model != null) {
            throw new IllegalStateException(model + " is not a law of distance alone");
        }
        return new PathLoss(intercept, slope, reference);
    }

    /** The 3GPP model's settings; only for a model. */
    public Tr38901Gains.Settings tr38901Settings() {
        return settings(Environment.of(model), carrier, bsHeight, utHeight, condition, shadowing, indoorShare, o2i);
    }
}

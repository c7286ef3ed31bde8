package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import org.edgesim.radio.PathLoss;

/**
 * A path-loss law: a preset name ({@code urban-macro}: 128.1 + 37.6 log10(d[km]) dB;
 * {@code indoor}: 7 + 2.1 log10(d[m]) dB) or the three numbers of {@code A + B log10(d / d0)}:
 * {@code {intercept: 128.1 dB, slope: 37.6 dB, reference: 1 km}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PathLossSpec(String preset,
                           @Unit(Dimension.DECIBEL) Double intercept,
                           @Unit(Dimension.DECIBEL) Double slope,
                           @Unit(Dimension.LENGTH) Double reference) {
    static final Map<String, PathLoss> PRESETS = Map.of("urban-macro", PathLoss.URBAN_MACRO, "indoor", PathLoss.INDOOR);

    public PathLossSpec {
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
                        "missing; a path loss needs a preset name or intercept, slope and reference");
            }
            reference = reference == null ? 1.0 : InvalidField.positive("reference", reference, Dimension.LENGTH);
        }
    }

    /** A preset by name, as written {@code pathLoss: urban-macro}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PathLossSpec ofPreset(String preset) {
        return new PathLossSpec(preset, null, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static PathLossSpec of(@com.fasterxml.jackson.annotation.JsonProperty("preset") String preset,
                                  @com.fasterxml.jackson.annotation.JsonProperty("intercept") @Unit(Dimension.DECIBEL) Double intercept,
                                  @com.fasterxml.jackson.annotation.JsonProperty("slope") @Unit(Dimension.DECIBEL) Double slope,
                                  @com.fasterxml.jackson.annotation.JsonProperty("reference") @Unit(Dimension.LENGTH) Double reference) {
        return new PathLossSpec(preset, intercept, slope, reference);
    }

    public PathLoss law() {
        return new PathLoss(intercept, slope, reference);
    }
}

package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.edgesim.channel.Fading;

/**
 * A small-scale fading law: {@code rayleigh} (the default), {@code none}, or
 * {@code {law: rician, kFactor: 6 dB}} (the line-of-sight power over the scattered power) or
 * {@code {law: nakagami, m: 2}} ({@code m >= 0.5}). Every law's power gain has mean 1.
 *
 * @param name    the law's name, lower case
 * @param kFactor Rician K factor, dB (only for {@code rician})
 * @param m       Nakagami's shape {@code m} (only for {@code nakagami})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FadingSpec(String name, @Unit(Dimension.DECIBEL) Double kFactor, Double m) {
    /** The laws' names, as a scenario writes them. */
    public static final List<String> LAWS = List.of("rayleigh", "none", "rician", "nakagami");

    public FadingSpec {
        if (name == null) {
            throw new InvalidField("law", "missing; one of " + String.join(", ", LAWS));
        }
        name = name.toLowerCase(Locale.ROOT);
        if (!LAWS.contains(name)) {
            throw new InvalidField("law", "'" + name + "' is not one of " + String.join(", ", LAWS));
        }
        if (name.equals("rician") != (kFactor != null)) {
            throw new InvalidField("kFactor", kFactor == null ? "missing: a rician law needs its K factor (e.g. 6 dB)"
                    : "only a rician law takes a K factor, not " + name);
        }
        if (kFactor != null && !(kFactor <= 40)) {
            throw new InvalidField("kFactor", "must be at most 40 dB (beyond, the line of sight is all there is: write"
                    + " none), got " + kFactor);
        }
        if (name.equals("nakagami") != (m != null)) {
            throw new InvalidField("m", m == null ? "missing: a nakagami law needs its shape m (>= 0.5)"
                    : "only a nakagami law takes m, not " + name);
        }
        if (m != null && !(m >= 0.5 && m <= 1000)) {
            throw new InvalidField("m", "must be in [0.5, 1000] (0.5: one-sided Gaussian, 1: Rayleigh; beyond 1000 the"
                    + " gain is 1 to within 3%: write none), got " + m);
        }
    }

    /** A law by name, as written {@code fading: rayleigh} (any case). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FadingSpec ofName(String name) {
        return new FadingSpec(name, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public static FadingSpec of(@JsonProperty("law") String law,
                                @JsonProperty("kFactor") @Unit(Dimension.DECIBEL) Double kFactor,
                                @JsonProperty("m") Double m) {
        return new FadingSpec(law, kFactor, m);
    }

    /** As a resolved scenario writes it: the name alone, or the law with its parameter. */
    @JsonValue
    public Object json() {
        if (kFactor == null && m == null) {
            return name;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("law", name);
        if (kFactor != null) {
            out.put("kFactor", kFactor);
        }
        if (m != null) {
            out.put("m", m);
        }
        return out;
    }

    /** Whether it is the law every paper assumes, Rayleigh, or none: the laws every protocol can take. */
    public boolean classic() {
        return name.equals("rayleigh") || name.equals("none");
    }

    public Fading law() {
        return switch (name) {
            case "none" -> Fading.NONE;
            case "rayleigh" -> Fading.RAYLEIGH;
            case "rician" -> new Fading.Rician(Math.pow(10, kFactor / 10));
            case "nakagami" -> new Fading.Nakagami(m);
            default -> throw new AssertionError(name);
        };
    }
}

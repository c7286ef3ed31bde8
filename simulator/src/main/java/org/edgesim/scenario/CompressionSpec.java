package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.edgesim.learning.Compression;

/**
 * How the devices compress the updates they upload ({@code protocol.compression}): the bits are
 * charged to the upload's airtime through its link, and the receiver aggregates the decompressed
 * estimate (the compression's error reaches the real training).
 *
 * @param type     {@code none} (default), {@code quantize} (stochastic, unbiased: {@code bits} per
 *                 value plus a 32-bit scale) or {@code topk} (the {@code fraction} of largest values
 *                 with their indices; biased)
 * @param bits     with {@code quantize}: bits per value, 2 to 32
 * @param fraction with {@code topk}: the share of values kept, in (0, 1]
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompressionSpec(String type, Integer bits, Double fraction) {
    public static final String NONE = "none";
    public static final String QUANTIZE = "quantize";
    public static final String TOPK = "topk";
    public static final List<String> TYPES = List.of(NONE, QUANTIZE, TOPK);

    public CompressionSpec {
        type = type == null ? NONE : type;
        if (!TYPES.contains(type)) {
            throw new InvalidField("type", "must be one of " + TYPES + ", got '" + type + "'");
        }
        if (type.equals(QUANTIZE)) {
            if (bits == null) {
                throw new InvalidField("bits", "missing: quantize needs the bits per value (2 to 32)");
            }
            if (bits < 2 || bits > 32) {
                throw new InvalidField("bits", "must be 2 to 32 (a sign bit and at least one level), got " + bits);
            }
        } else if (bits != null) {
            throw new InvalidField("bits", "is quantize's; type is '" + type + "'");
        }
        if (type.equals(TOPK)) {
            if (fraction == null) {
                throw new InvalidField("fraction", "missing: topk needs the share of values it keeps, in (0, 1]");
            }
            if (!(fraction > 0) || fraction > 1) {
                throw new InvalidField("fraction", "must be in (0, 1], got " + fraction);
            }
        } else if (fraction != null) {
            throw new InvalidField("fraction", "is topk's; type is '" + type + "'");
        }
    }

    /** No compression. */
    public static final CompressionSpec NO = new CompressionSpec(NONE, null, null);

    /** The compression {@code spec} names; none when it is not given. */
    public static Compression lawOf(CompressionSpec spec) {
        return spec == null ? new Compression.None() : spec.law();
    }

    /** The compression it names. */
    @JsonIgnore
    public Compression law() {
        return switch (type) {
            case QUANTIZE -> new Compression.Quantize(bits);
            case TOPK -> new Compression.TopK(fraction);
            default -> new Compression.None();
        };
    }
}

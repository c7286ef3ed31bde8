package org.edgesim.scenario;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A physical dimension with the units a scenario may write it in, each converted to the SI (or
 * stated) base unit once, at load time. Plain numbers are taken in the base unit, except where
 * {@link #needsUnit()}.
 */
public enum Dimension {
    FREQUENCY("Hz", units(u("Hz", 1), u("kHz", 1e3), u("MHz", 1e6), u("GHz", 1e9)), 1e3, 1e11, "1 kHz to 100 GHz"),
    POWER("W", units(u("W", 1), u("mW", 1e-3), log("dBm", -30), log("dBW", 0)), 1e-8, 1e3, "-50 dBm to 60 dBm"),
    POWER_DENSITY("W/Hz", units(u("W/Hz", 1), u("mW/Hz", 1e-3), log("dBm/Hz", -30), log("dBW/Hz", 0)), 1e-28, 1e-13,
            "-250 dBm/Hz to -100 dBm/Hz"),
    LENGTH("m", units(u("m", 1), u("km", 1e3)), 1e-3, 1e6, "1 mm to 1000 km"),
    TIME("s", units(u("s", 1), u("ms", 1e-3), u("us", 1e-6), u("min", 60)), 1e-6, 1e7, "1 us to 10,000,000 s"),
    SPEED("m/s", units(u("m/s", 1), u("km/h", 1 / 3.6)), 1e-3, 1e3, "1 mm/s to 1000 m/s"),
    DECIBEL("dB", units(u("dB", 1)), 0, 200, "-200 dB to 200 dB"),
    DATA("bit", units(u("bit", 1), u("bits", 1), u("B", 8), u("KB", 8 * 1024.0), u("MB", 8 * 1048576.0),
            u("kbit", 1e3), u("Mbit", 1e6)), 1, 1e15, "1 bit to 1e15 bits"),
    RATE("bit/s", units(u("bit/s", 1), u("kbit/s", 1e3), u("Mbit/s", 1e6), u("Gbit/s", 1e9)), 1, 1e13,
            "1 bit/s to 10 Tbit/s"),
    ANGLE("deg", units(u("deg", 1), u("rad", 180 / Math.PI)), 0, 360, "0 to 360 deg"),
    COUNT("", units(), 0, Double.POSITIVE_INFINITY, "any number");

    private final String base;
    private final Map<String, DoubleUnaryOperator> units;
    private final double least;
    private final double most;
    private final String range;

    /**
     * @param least smallest plausible magnitude of a non-zero value, in the base unit
     * @param most  largest plausible magnitude
     * @param range the same, as written in messages and the README
     */
    Dimension(String base, Map<String, DoubleUnaryOperator> units, double least, double most, String range) {
        this.base = base;
        this.units = units;
        this.least = least;
        this.most = most;
        this.range = range;
    }

    /**
     * Whether {@code value} (base unit) is physically plausible: zero (a deviation, a delay of none),
     * or a magnitude within the dimension's range. Signs are each field's own rule.
     */
    public boolean plausible(double value) {
        double m = Math.abs(value);
        return value == 0 || m >= least && m <= most;
    }

    /**
     * Whether a value must carry its unit: powers and power densities, which researchers write on
     * a dB scale, so that a plain number (23 meaning 23 dBm) would silently be read as watts.
     */
    public boolean needsUnit() {
        return this == POWER || this == POWER_DENSITY;
    }

    /** The plausible range, for messages, e.g. {@code 1 kHz to 100 GHz}. */
    public String range() {
        return range;
    }

    /** The unit plain numbers are read in. */
    public String base() {
        return base;
    }

    /** Converts {@code value} written in {@code unit} to the base unit; null if the unit is not of this dimension. */
    public Double convert(double value, String unit) {
        DoubleUnaryOperator f = units.get(unit);
        return f == null ? null : f.applyAsDouble(value);
    }

    /** The units' names, in the order messages list them. */
    public java.util.List<String> unitNames() {
        return java.util.List.copyOf(units.keySet());
    }

    /** The units accepted, for error messages. */
    public String accepted() {
        return units.isEmpty() ? "a plain number" : String.join(", ", units.keySet());
    }

    /** Short name for messages, e.g. "frequency". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Map.Entry<String, DoubleUnaryOperator> u(String name, double factor) {
        return Map.entry(name, v -> v * factor);
    }

    /** A logarithmic unit: {@code base = 10^((v + offsetDb) / 10)}. */
    private static Map.Entry<String, DoubleUnaryOperator> log(String name, double offsetDb) {
        return Map.entry(name, v -> Math.pow(10.0, (v + offsetDb) / 10.0));
    }

    @SafeVarargs
    private static Map<String, DoubleUnaryOperator> units(Map.Entry<String, DoubleUnaryOperator>... entries) {
        Map<String, DoubleUnaryOperator> m = new LinkedHashMap<>();
        for (Map.Entry<String, DoubleUnaryOperator> e : entries) {
            m.put(e.getKey(), e.getValue());
        }
        return m;
    }
}

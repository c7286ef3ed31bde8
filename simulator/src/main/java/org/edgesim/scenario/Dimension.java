package org.edgesim.scenario;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A physical dimension with the units a scenario may write it in, each converted to the SI (or
 * stated) base unit once, at load time. Plain numbers are taken in the base unit.
 */
public enum Dimension {
    FREQUENCY("Hz", units(u("Hz", 1), u("kHz", 1e3), u("MHz", 1e6), u("GHz", 1e9))),
    POWER("W", units(u("W", 1), u("mW", 1e-3), log("dBm", -30), log("dBW", 0))),
    POWER_DENSITY("W/Hz", units(u("W/Hz", 1), u("mW/Hz", 1e-3), log("dBm/Hz", -30), log("dBW/Hz", 0))),
    LENGTH("m", units(u("m", 1), u("km", 1e3))),
    TIME("s", units(u("s", 1), u("ms", 1e-3), u("us", 1e-6), u("min", 60))),
    SPEED("m/s", units(u("m/s", 1), u("km/h", 1 / 3.6))),
    DECIBEL("dB", units(u("dB", 1))),
    DATA("bit", units(u("bit", 1), u("bits", 1), u("B", 8), u("KB", 8 * 1024.0), u("MB", 8 * 1048576.0),
            u("kbit", 1e3), u("Mbit", 1e6))),
    COUNT("", units());

    private final String base;
    private final Map<String, DoubleUnaryOperator> units;

    Dimension(String base, Map<String, DoubleUnaryOperator> units) {
        this.base = base;
        this.units = units;
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

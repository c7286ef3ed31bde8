package org.edgesim.scenario;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses {@code "<number> <unit>"} strings into base units. */
public final class Quantities {
    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S*)\\s*");

    private Quantities() {
    }

    /**
     * The value of {@code text} in the base unit of {@code dimension}.
     *
     * @throws IllegalArgumentException with a message fit for a user if the text or unit is wrong
     */
    public static double parse(String text, Dimension dimension) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a " + dimension.label()
                    + "; write a number with a unit, e.g. " + example(dimension));
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            if (dimension == Dimension.COUNT || dimension == Dimension.DECIBEL) {
                return value;
            }
            if (dimension.needsUnit()) {
                throw new IllegalArgumentException(noUnit(m.group(1), dimension));
            }
            throw new IllegalArgumentException("'" + text + "' has no unit; write e.g. " + example(dimension)
                    + " or a plain number in " + dimension.base());
        }
        Double converted = dimension.convert(value, unit);
        if (converted == null) {
            throw new IllegalArgumentException("unit '" + unit + "' is not a " + dimension.label() + " unit; use one of "
                    + dimension.accepted());
        }
        return converted;
    }

    /**
     * Why a plain number {@code written} is refused for a dimension that {@link Dimension#needsUnit()}:
     * e.g. {@code 23 has no unit; write 23 dBm or 0.2 W}, the number read on the dB scale.
     */
    static String noUnit(String written, Dimension dimension) {
        String db = dimension == Dimension.POWER ? "dBm" : "dBm/Hz";
        String linear = dimension.base();
        double value;
        try {
            value = dimension.convert(Double.parseDouble(written), db);
        } catch (NumberFormatException e) {
            return written + " has no unit; write it with one of " + dimension.accepted();
        }
        return written + " has no unit; write " + written + " " + db + " or " + compact(value) + " " + linear;
    }

    /** Three significant digits without trailing zeros: 0.2, 39.8, 3.98e-21. */
    private static String compact(double v) {
        String s = String.format(Locale.ROOT, "%.3g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return e < 0 ? mantissa : mantissa + s.substring(e).replace("e+", "e");
    }

    static String example(Dimension d) {
        return switch (d) {
            case FREQUENCY -> "'100 MHz'";
            case POWER -> "'24 dBm'";
            case POWER_DENSITY -> "'-174 dBm/Hz'";
            case LENGTH -> "'0.15 km'";
            case TIME -> "'10 ms'";
            case SPEED -> "'3 km/h'";
            case DECIBEL -> "'2 dB'";
            case DATA -> "'18 KB'";
            case RATE -> "'1 Gbit/s'";
            case ANGLE -> "'90 deg'";
            case COUNT -> "'15'";
        };
    }

    /** A compact human form of a base-unit value, for messages. */
    public static String format(double value, Dimension dimension) {
        return String.format(Locale.ROOT, "%g %s", value, dimension.base()).trim();
    }
}

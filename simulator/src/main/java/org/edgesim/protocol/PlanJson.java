package org.edgesim.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading the fields of an external scheduler's plan: each reader names the field and what it
 * expected, as an {@link IllegalArgumentException} (a bad answer). Every number must be finite
 * (JSON's {@code 1e400} reads as infinity), and a time at most {@link #MAX_SECONDS}.
 */
public final class PlanJson {
    /** The longest time a plan may plan for a round, s: 1e9 s (some 32 years) is no plan but an overflow. */
    public static final double MAX_SECONDS = 1e9;

    private PlanJson() {
    }

    private static JsonNode array(JsonNode plan, String field) {
        JsonNode a = plan.get(field);
        if (a == null) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        if (!a.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be a list, got " + a.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        return a;
    }

    /** A list of numbers. */
    public static double[] doubles(JsonNode plan, String field) {
        JsonNode a = array(plan, field);
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            if (!a.get(i).isNumber()) {
                throw new IllegalArgumentException("'" + field + "'[" + i + "] must be a number, got " + a.get(i));
            }
            out[i] = a.get(i).asDouble();
            if (!Double.isFinite(out[i])) {
                throw new IllegalArgumentException("'" + field + "'[" + i + "] must be a finite number, got " + out[i]);
            }
        }
        return out;
    }

    /** A list of whole numbers (a number with a fractional part is refused). */
    public static long[] longs(JsonNode plan, String field) {
        return longsOf(array(plan, field), field);
    }

    /** The whole numbers of list {@code a}, named {@code field} in messages. */
    public static long[] longsOf(JsonNode a, String field) {
        if (!a.isArray()) {
            throw new IllegalArgumentException("'" + field + "' must be a list, got " + a.getNodeType().name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = a.get(i);
            if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble())
                    && Math.abs(v.asDouble()) < 9e15)) {
                throw new IllegalArgumentException("'" + field + "'[" + i + "] must be a whole number, got "
                        + (v.isNumber() ? v.asText() : v));
            }
            if (!v.canConvertToLong()) {
                throw new IllegalArgumentException("'" + field + "'[" + i + "] is too large: " + v);
            }
            out[i] = v.asLong();
        }
        return out;
    }

    /** A list of whole numbers that fit an int. */
    public static int[] ints(JsonNode plan, String field) {
        return intsOf(array(plan, field), field);
    }

    /** The whole numbers of list {@code a} that fit an int, named {@code field} in messages. */
    public static int[] intsOf(JsonNode a, String field) {
        long[] l = longsOf(a, field);
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            if (l[i] != (int) l[i]) {
                throw new IllegalArgumentException("'" + field + "'[" + i + "] is too large: " + l[i]);
            }
            out[i] = (int) l[i];
        }
        return out;
    }

    /** One number. */
    public static double number(JsonNode plan, String field) {
        JsonNode v = plan.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number, got " + v);
        }
        if (!Double.isFinite(v.asDouble())) {
            throw new IllegalArgumentException("'" + field + "' must be a finite number, got " + v.asDouble());
        }
        return v.asDouble();
    }

    /** A time in seconds, in (0, {@link #MAX_SECONDS}]. */
    public static double seconds(JsonNode plan, String field) {
        double s = number(plan, field);
        if (!(s > 0 && s <= MAX_SECONDS)) {
            throw new IllegalArgumentException("'" + field + "' must be a time in (0, 1e9] s, got " + plan.get(field));
        }
        return s;
    }

    /** Checks a round's latency that follows from a plan's decisions: at most {@link #MAX_SECONDS}. */
    public static double latency(double seconds) {
        if (!(seconds <= MAX_SECONDS)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the decisions take %.3g s a round,"
                    + " beyond the bound of 1e9 s", seconds));
        }
        return seconds;
    }

    /** One word from {@code allowed}. */
    public static String word(JsonNode plan, String field, java.util.List<String> allowed) {
        JsonNode v = plan.get(field);
        if (v == null || !v.isTextual() || !allowed.contains(v.asText())) {
            throw new IllegalArgumentException("'" + field + "' must be one of " + allowed + ", got " + v);
        }
        return v.asText();
    }
}

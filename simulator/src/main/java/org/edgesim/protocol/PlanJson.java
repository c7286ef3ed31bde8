package org.edgesim.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading the fields of an external scheduler's plan: each reader names the field and what it
 * expected, as an {@link IllegalArgumentException} (a bad answer).
 */
public final class PlanJson {
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
                throw new IllegalArgumentException("'" + field + "'[" + i + "] must be a whole number, got " + v);
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
        return v.asDouble();
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

package org.edgesim.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How an observation is laid out. {@link #ROWS}: as an external scheduler's snapshot has it (a list
 * of objects per device). {@link #COLUMNS}: every list of objects with the same keys becomes an
 * object of lists, one per key ({@code workers: [{speed_hz: 1}, {speed_hz: 2}]} becomes
 * {@code workers: {speed_hz: [1, 2]}}), the same numbers in half the bytes, ready for arrays.
 * {@link #BINARY}: as {@link #COLUMNS}, each list of numbers then written as its IEEE 754 doubles,
 * little-endian, in base64 ({@code {"f64": "AAAAAAAA8D8AAAAAAAAAQA=="}} for {@code [1, 2]}): no
 * number is printed or parsed, the same bits arrive.
 */
public enum Layout {
    ROWS, COLUMNS, BINARY;

    /** The layout named {@code name} ({@code rows} or {@code columns}). */
    public static Layout named(String name) {
        for (Layout l : values()) {
            if (l.wire().equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("layout must be 'rows', 'columns' or 'binary', got '" + name + "'");
    }

    /** Its name on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code observation} laid out so (null stays null). */
    JsonNode apply(JsonNode observation) {
        if (this == ROWS || observation == null) {
            return observation;
        }
        return columns(observation);
    }

    /** Every list of numbers as {@code {"f64": base64}}; the rest as it is. */
    private static JsonNode binary(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), binary(e.getValue()));
            }
            return o;
        }
        if (!node.isArray() || node.isEmpty()) {
            return node;
        }
        boolean numbers = true;
        for (JsonNode v : node) {
            numbers &= v.isNumber();
        }
        if (!numbers) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode(node.size());
            for (JsonNode v : node) {
                a.add(binary(v));
            }
            return a;
        }
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(8 * node.size()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (JsonNode v : node) {
            bytes.putDouble(v.doubleValue());
        }
        return JsonNodeFactory.instance.objectNode().put("f64", java.util.Base64.getEncoder().encodeToString(bytes.array()));
    }

    /** Lists of objects as objects of lists, in one pass; with {@link #BINARY} the other lists as {@link #binary} has them. */
    private JsonNode columns(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), columns(e.getValue()));
            }
            return o;
        }
        if (!node.isArray() || node.isEmpty() || !sameKeys(node)) {
            return this == BINARY ? binary(node) : node;
        }
        List<String> keys = new ArrayList<>();
        node.get(0).fieldNames().forEachRemaining(keys::add);
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (String key : keys) {
            ArrayNode column = o.putArray(key);
            for (JsonNode row : node) {
                column.add(row.get(key));
            }
            o.set(key, columns(column));
        }
        return o;
    }

    /** Whether every element is an object with the first one's keys, in its order. */
    private static boolean sameKeys(JsonNode array) {
        JsonNode first = array.get(0);
        if (!first.isObject()) {
            return false;
        }
        for (JsonNode row : array) {
            if (!row.isObject() || row.size() != first.size()) {
                return false;
            }
            Iterator<String> a = first.fieldNames();
            Iterator<String> b = row.fieldNames();
            while (a.hasNext()) {
                if (!a.next().equals(b.next())) {
                    return false;
                }
            }
        }
        return true;
    }
}

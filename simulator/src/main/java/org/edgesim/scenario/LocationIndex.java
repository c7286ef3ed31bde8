package org.edgesim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each value of a document starts, by JSON pointer ({@code /radio/bandwidth}), read in one
 * streaming pass. Errors found after binding (range checks in the records) get their line and
 * column from here.
 */
public final class LocationIndex {
    private final Map<String, int[]> locations = new HashMap<>();
    private final Map<String, List<String>> keys = new HashMap<>();

    public static LocationIndex of(JsonFactory factory, String text) {
        LocationIndex index = new LocationIndex();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                String pointer = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY
                        ? p.getParsingContext().getParent().pathAsPointer().toString()
                        : p.getParsingContext().pathAsPointer().toString();
                if (t == JsonToken.FIELD_NAME) {
                    index.keys.computeIfAbsent(pointerOfObject(p), x -> new ArrayList<>()).add(p.currentName());
                }
                JsonLocation loc = p.currentTokenLocation();
                index.locations.putIfAbsent(pointer, new int[] {loc.getLineNr(), loc.getColumnNr()});
            }
        } catch (IOException | RuntimeException e) {
            // A document that does not parse is reported by the binder with its own location.
        }
        return index;
    }

    /** Pointer of the object whose key the parser is at. */
    private static String pointerOfObject(JsonParser p) {
        String full = p.getParsingContext().pathAsPointer().toString();
        return full.substring(0, full.lastIndexOf('/'));
    }

    /** Keys written in the object at {@code pointer}, in document order. */
    public List<String> keysOf(String pointer) {
        return keys.getOrDefault(pointer, List.of());
    }

    /** Location of the deepest known prefix of {@code pointer}, or {@code {0, 0}}. */
    public int[] find(String pointer) {
        String p = pointer;
        while (true) {
            int[] loc = locations.get(p);
            if (loc != null) {
                return loc;
            }
            if (p.isEmpty()) {
                return new int[] {0, 0};
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }
}

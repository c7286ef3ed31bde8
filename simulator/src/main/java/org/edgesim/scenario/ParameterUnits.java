package org.edgesim.scenario;

import java.lang.reflect.RecordComponent;

/**
 * The unit a scenario parameter is written in, as results hold it (the base unit of its
 * {@link Unit}), found by walking its path ({@code protocol.cycle}) through the records of the
 * scenario (its protocol's own record for {@code protocol.*}); for labels such as {@code T = 7.5 s}.
 */
public final class ParameterUnits {
    private ParameterUnits() {
    }

    /** The base unit of {@code path} in {@code scenario} ({@code "s"}, {@code "Hz"}), or "" (a count, a word, unknown). */
    public static String of(Scenario scenario, String path) {
        Class<?> type = Scenario.class;
        RecordComponent leaf = null;
        for (String key : path.split("\\.")) {
            if (type == ProtocolSpec.class) {
                type = scenario.protocol().getClass();
            }
            if (!type.isRecord()) {
                return "";
            }
            leaf = null;
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(key)) {
                    leaf = c;
                }
            }
            if (leaf == null) {
                return "";
            }
            type = leaf.getType();
        }
        Unit unit = leaf == null ? null : leaf.getAnnotation(Unit.class);
        return unit == null ? "" : unit.value().base();
    }
}

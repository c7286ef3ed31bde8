package org.edgesim.reference;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.edgesim.scenario.Dimension;
import org.edgesim.scenario.ProtocolSection;
import org.edgesim.scenario.ProtocolSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.Unit;

/**
 * {@code scenario.md}: every key of a scenario file, walked from the records the loader binds
 * ({@link Scenario} down), with its type, unit and plausible range ({@link Unit}), whether it is
 * required, and its meaning (the record's {@code @param}, defaults included).
 */
final class ScenarioKeys {
    private final Javadoc javadoc;

    ScenarioKeys(Javadoc javadoc) {
        this.javadoc = javadoc;
    }

    /** One key: its dotted path ({@code []} a list's element, {@code <name>} a map's), type, unit, need and meaning. */
    private record Key(String path, String type, String unit, boolean required, String meaning) {
    }

    String page(List<ProtocolSection> sections) {
        StringBuilder b = new StringBuilder();
        b.append("# Scenario keys\n\n").append(Reference.GENERATED)
                .append("A scenario file (YAML or JSON) is read into the records below, key by key. A quantity with a unit"
                        + " takes a plain number in its base unit or a string with a unit (`100 MHz`, `23 dBm`); powers"
                        + " and power densities need their unit. Rules between keys are checked by the loader, which names"
                        + " the file, line and key it refuses. The JSON Schema for editors is"
                        + " [edgesim-scenario.schema.json](../../scenarios/edgesim-scenario.schema.json).\n\n");
        table(b, "Top level", Scenario.class);
        for (ProtocolSection s : sections) {
            b.append("\n");
            table(b, "`protocol` with `type: " + s.type() + "`", s.spec());
        }
        b.append("\n## Units\n\n| dimension | base unit | units accepted | plausible |\n|---|---|---|---|\n");
        for (Dimension d : Dimension.values()) {
            if (d != Dimension.COUNT) {
                b.append("| ").append(d.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).append(" | ")
                        .append(d.base()).append(" | ").append(String.join(", ", d.unitNames())).append(" | ")
                        .append(d.range()).append(" |\n");
            }
        }
        return b.toString();
    }

    private void table(StringBuilder b, String title, Class<?> root) {
        List<Key> keys = new ArrayList<>();
        walk(root, "", keys, new HashSet<>());
        b.append("## ").append(title).append("\n\n");
        String summary = javadoc.of(root).summary();
        if (!summary.isEmpty()) {
            b.append(summary).append("\n\n");
        }
        b.append("| key | type | unit | required | meaning |\n|---|---|---|---|---|\n");
        for (Key k : keys) {
            b.append("| `").append(k.path()).append("` | ").append(k.type()).append(" | ").append(k.unit())
                    .append(" | ").append(k.required() ? "yes" : "").append(" | ").append(k.meaning()).append(" |\n");
        }
    }

    private void walk(Class<?> type, String prefix, List<Key> out, Set<Class<?>> path) {
        if (!path.add(type)) {
            return; // a record that holds itself
        }
        Javadoc.Doc doc = javadoc.of(type);
        for (RecordComponent c : type.getRecordComponents()) {
            if (annotation(type, c, JsonIgnore.class) != null) {
                continue;
            }
            JsonProperty p = annotation(type, c, JsonProperty.class);
            String name = p != null && !p.value().isEmpty() ? p.value() : c.getName();
            String key = prefix + name;
            Unit unit = c.getAnnotation(Unit.class);
            Class<?> nested = null;
            String suffix = "";
            String kind;
            Type generic = c.getGenericType();
            if (List.class.isAssignableFrom(c.getType()) && generic instanceof ParameterizedType t
                    && t.getActualTypeArguments()[0] instanceof Class<?> e) {
                kind = "list of " + kind(e);
                nested = e.isRecord() ? e : null;
                suffix = "[].";
            } else if (java.util.Map.class.isAssignableFrom(c.getType()) && generic instanceof ParameterizedType t
                    && t.getActualTypeArguments()[1] instanceof Class<?> v) {
                kind = "map of " + kind(v);
                nested = v.isRecord() ? v : null;
                suffix = ".<name>.";
            } else if (c.getType() == ProtocolSpec.class) {
                kind = "protocol section (by `type`, below)";
            } else {
                kind = kind(c.getType());
                nested = c.getType().isRecord() ? c.getType() : null;
                suffix = ".";
            }
            String units = unit == null ? "" : unit.value().base() + " (" + unit.value().range() + ")";
            out.add(new Key(key, kind, units, p != null && p.required(), doc.params().getOrDefault(c.getName(), "")));
            if (nested != null && nested.getName().startsWith("org.edgesim.")) {
                walk(nested, key + suffix, out, path);
            }
        }
        path.remove(type);
    }

    /** A component's annotation, wherever Jackson's targets put it: the component, its accessor or its field. */
    private static <A extends java.lang.annotation.Annotation> A annotation(Class<?> type, RecordComponent c, Class<A> a) {
        A found = c.getAnnotation(a);
        if (found == null) {
            found = c.getAccessor().getAnnotation(a);
        }
        if (found == null) {
            try {
                found = type.getDeclaredField(c.getName()).getAnnotation(a);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static String kind(Class<?> t) {
        if (t == String.class) {
            return "string";
        } else if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            return "integer";
        } else if (t == double.class || t == Double.class) {
            return "number";
        } else if (t == boolean.class || t == Boolean.class) {
            return "boolean";
        } else if (t.isRecord()) {
            return "section";
        } else if (t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object o : t.getEnumConstants()) {
                names.add(o.toString());
            }
            return "one of " + String.join(", ", names);
        }
        return t.getSimpleName();
    }
}

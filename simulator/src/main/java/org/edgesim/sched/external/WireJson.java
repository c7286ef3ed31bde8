package org.edgesim.sched.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A snapshot record as the JSON external schedulers read, derived from the record: its components in
 * declaration order (a class's layout found once), each under its {@link Wire} key (the name in snake case, with its unit), null
 * ones left out; numbers, booleans, text, enums (lower case, '-' for '_'), arrays, lists and nested
 * records as they are. One field list, the record's, instead of one per codec.
 */
public final class WireJson {
    private WireJson() {
    }

    /** A member written: its key and how to read it. */
    private record Member(String key, Method read) {
    }

    /** Per record class, its members in the order written (found once per class: reflection is slow). */
    private static final ClassValue<List<Member>> MEMBERS = new ClassValue<>() {
        @Override
        protected List<Member> computeValue(Class<?> type) {
            List<Method> methods = new ArrayList<>();
            java.util.Set<String> components = new java.util.HashSet<>();
            for (RecordComponent c : type.getRecordComponents()) {
                components.add(c.getName());
            }
            for (Method m : type.getDeclaredMethods()) {
                Wire wire = m.getAnnotation(Wire.class);
                if (wire == null || components.contains(m.getName()) && m.getParameterCount() == 0) {
                    continue; // not annotated, or an accessor (it carries its component's annotation)
                }
                if (m.getParameterCount() != 0 || !components.contains(wire.before())) {
                    throw new IllegalStateException(type.getName() + "." + m.getName() + ": a @Wire method takes no"
                            + " argument and names the component it comes before, got before = '" + wire.before() + "'");
                }
                methods.add(m);
            }
            // Methods before one component in the order of their keys: getDeclaredMethods has none.
            methods.sort(java.util.Comparator.comparing(m -> key(m.getName(), m.getAnnotation(Wire.class))));
            List<Member> members = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                for (Method m : methods) {
                    if (m.getAnnotation(Wire.class).before().equals(c.getName())) {
                        members.add(new Member(key(m.getName(), m.getAnnotation(Wire.class)), accessible(m)));
                    }
                }
                Wire wire = c.getAnnotation(Wire.class);
                if (wire == null || !wire.omit()) {
                    members.add(new Member(key(c.getName(), wire), accessible(c.getAccessor())));
                }
            }
            return List.copyOf(members);
        }
    };

    /** {@code record} as a JSON object. */
    public static ObjectNode of(Record record) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Member m : MEMBERS.get(record.getClass())) {
            put(o, m.key(), call(m.read(), record));
        }
        return o;
    }

    private static Method accessible(Method m) {
        m.setAccessible(true);
        return m;
    }

    /** The key of a member named {@code name}: its {@link Wire} name, or its name in snake case and its unit. */
    static String key(String name, Wire wire) {
        if (wire != null && !wire.value().isEmpty()) {
            return wire.value();
        }
        StringBuilder b = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        if (wire != null && !wire.unit().isEmpty()) {
            b.append('_').append(wire.unit().replace("/", "_per_").toLowerCase(Locale.ROOT));
        }
        return b.toString();
    }

    private static Object call(Method m, Object on) {
        try {
            return m.invoke(on);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + m.getDeclaringClass().getSimpleName() + "." + m.getName(), e);
        }
    }

    private static void put(ObjectNode o, String key, Object value) {
        if (value != null) {
            o.set(key, node(value));
        }
    }

    /** A value as JSON: null, a nested record, a list or array, a number, a boolean or text. */
    private static JsonNode node(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        } else if (v instanceof Record r) {
            return of(r);
        } else if (v instanceof List<?> list) {
            ArrayNode a = f.arrayNode();
            list.forEach(e -> a.add(node(e)));
            return a;
        } else if (v.getClass().isArray()) {
            ArrayNode a = f.arrayNode();
            for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) {
                a.add(node(java.lang.reflect.Array.get(v, i)));
            }
            return a;
        } else if (v instanceof Integer i) {
            return f.numberNode(i);
        } else if (v instanceof Long l) {
            return f.numberNode(l);
        } else if (v instanceof Double d) {
            return f.numberNode(d);
        } else if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        return f.textNode(text(v));
    }

    private static String text(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        throw new IllegalArgumentException("a " + v.getClass().getName() + " has no JSON form for external schedulers");
    }
}

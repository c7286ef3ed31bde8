package org.edgesim.table;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** The columns of a record type: its components marked {@link Col}, in declaration order. */
public final class RecordColumns {
    private RecordColumns() {
    }

    /** All of {@code type}'s columns, the learning ones only when {@code trains}. */
    public static <R extends Record> List<Column<R>> of(Class<R> type, boolean trains) {
        List<Column<R>> columns = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Col col = c.getAnnotation(Col.class);
            if (col == null || col.learning() && !trains) {
                continue;
            }
            MethodHandle accessor;
            try {
                java.lang.reflect.Method m = c.getAccessor();
                m.setAccessible(true); // rows are records nested in their protocol's package-private classes
                accessor = MethodHandles.lookup().unreflect(m);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(type + "." + c.getName() + " cannot be read", e);
            }
            String name = col.name().isEmpty() ? snake(c.getName()) : col.name();
            columns.add(new Column<>(name, col.unit(), col.value(), r -> read(accessor, r), col.text(),
                    new Range(col.min(), col.max())));
        }
        return List.copyOf(columns);
    }

    private static Object read(MethodHandle accessor, Object row) {
        try {
            return accessor.invoke(row);
        } catch (Throwable t) {
            throw new IllegalStateException("cannot read a column of " + row, t);
        }
    }

    /** {@code gainDown} to {@code gain_down}. */
    static String snake(String camel) {
        StringBuilder b = new StringBuilder(camel.length() + 4);
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }
}

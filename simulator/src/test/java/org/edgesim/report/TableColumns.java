package org.edgesim.report;

import java.util.List;
import org.edgesim.table.Column;
import org.edgesim.table.Table;

/** Reading a run's table by column header, for the tests. */
public final class TableColumns {
    private TableColumns() {
    }

    private static <T> Column<T> find(Table<T> table, String header) {
        return table.columns().stream().filter(x -> x.header().equals(header)).findFirst().orElseThrow(
                () -> new AssertionError("no column " + header));
    }

    /** A numeric (or boolean: 1 and 0) column's values, row by row. */
    public static <T> double[] column(Table<T> table, String header) {
        Column<T> c = find(table, header);
        return table.rows().stream().mapToDouble(r -> {
            Object v = c.value().apply(r);
            return v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
        }).toArray();
    }

    /** A column's cells as they are (numbers, text, booleans), row by row. */
    public static <T> List<Object> values(Table<T> table, String header) {
        Column<T> c = find(table, header);
        return table.rows().stream().map(r -> (Object) c.value().apply(r)).toList();
    }

    /** The table's headers, in order. */
    public static List<String> headers(Table<?> table) {
        return table.columns().stream().map(Column::header).toList();
    }
}

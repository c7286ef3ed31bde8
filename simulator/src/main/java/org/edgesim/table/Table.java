package org.edgesim.table;

import java.util.List;

/** Rows and the columns they are written with. */
public record Table<T>(List<Column<T>> columns, List<T> rows) {
    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}

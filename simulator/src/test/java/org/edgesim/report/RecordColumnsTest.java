package org.edgesim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.edgesim.table.Col;
import org.edgesim.table.Column;
import org.edgesim.table.RecordColumns;
import org.junit.jupiter.api.Test;

class RecordColumnsTest {
    record Row(@Col(value = "a gain", unit = "bit/s") double rateUp, int notAColumn,
               @Col(value = "words", text = true) String update, @Col(value = "renamed", name = "x") int y,
               @Col(value = "trained", learning = true) double testAccuracy) {
    }

    @Test
    void theMarkedComponentsInOrderNamedInSnakeCase() {
        List<Column<Row>> all = RecordColumns.of(Row.class, true);
        assertEquals(List.of("rate_up_bit_per_s", "update", "x", "test_accuracy"),
                all.stream().map(Column::header).toList());
        assertEquals(List.of("rate_up_bit_per_s", "update", "x"),
                RecordColumns.of(Row.class, false).stream().map(Column::header).toList(), "learning ones only when trained");
        Row r = new Row(2.5, 7, "gradient", 3, 0.9);
        assertEquals(List.of(2.5, "gradient", 3, 0.9), all.stream().map(c -> c.value().apply(r)).toList());
        assertEquals(true, all.get(1).text());
        assertEquals("a gain", all.get(0).description());
    }
}

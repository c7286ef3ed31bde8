package org.edgesim.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.edgesim.table.Column;
import org.edgesim.table.Table;

/**
 * Writes tables as CSV: RFC 4180, {@code \n} line ends, numbers in Java's shortest round-trip
 * form ({@link Double#toString}), which does not depend on the locale, so the same rows give the
 * same bytes everywhere.
 */
public final class CsvTables {
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private CsvTables() {
    }

    public static <T> void write(Table<T> table, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter out = new CSVPrinter(w, FORMAT)) {
            List<String> header = new ArrayList<>();
            for (Column<T> c : table.columns()) {
                header.add(c.header());
            }
            out.printRecord(header);
            List<String> cells = new ArrayList<>(table.columns().size());
            for (T row : table.rows()) {
                cells.clear();
                for (Column<T> c : table.columns()) {
                    cells.add(cell(c.value().apply(row)));
                }
                out.printRecord(cells);
            }
        }
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        return v.toString();
    }
}

package org.edgesim.report.plot;

import java.nio.file.Path;
import org.apache.commons.csv.CSVRecord;

/**
 * Reading a results CSV's cells for a figure: a row cut short or a cell that is not a number is
 * a {@link DamagedCsvException} naming the file, the line and the column.
 */
final class CsvRows {
    private CsvRows() {
    }

    /** A damaged results file; the message names the file and the line. */
    static final class DamagedCsvException extends RuntimeException {
        DamagedCsvException(String message) {
            super(message);
        }
    }

    /** The cell of {@code row} in {@code column}. */
    static String text(Path csv, CSVRecord row, String column) {
        if (!row.isSet(column)) {
            throw new DamagedCsvException(csv + ", line " + line(row) + ": " + row.size() + " fields, too few for column '"
                    + column + "'; the file is damaged");
        }
        return row.get(column);
    }

    /** The number in {@code row}'s cell in {@code column} (NaN as written by edgesim included). */
    static double number(Path csv, CSVRecord row, String column) {
        String cell = text(csv, row, column);
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new DamagedCsvException(csv + ", line " + line(row) + ": column '" + column + "' holds '" + cell
                    + "', not a number; the file is damaged");
        }
    }

    /** The record's line, the header being line 1 (edgesim's files have no line breaks inside cells). */
    private static long line(CSVRecord row) {
        return row.getRecordNumber() + 1;
    }
}

package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reference points a figure draws beside its results, e.g. the numbers a paper states: a CSV
 * file with columns {@code x} and {@code y} and optionally {@code low} and {@code high} (an
 * interval), {@code series} (the scheduler or swept value whose colour the points take) and
 * {@code panel} (the panel's value); in the units the results hold (SI: s, Hz), scaled as the
 * figure scales its data. Lines starting with {@code #} are comments: say there where each number
 * comes from (figure, table, section). Never numbers from edgesim's own output.
 *
 * @param file  the CSV file, relative to the scenario file's folder
 * @param label what the legend adds to the points' series name (default {@code paper})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferenceData(@JsonProperty(required = true) String file, String label) {
    public ReferenceData {
        if (file.isBlank()) {
            throw new InvalidField("file", "names the reference CSV file, relative to the scenario's folder");
        }
        label = label == null ? "paper" : label;
    }

    /** Where the file is, for the scenario file {@code source}: relative to its folder. */
    public Path besides(String source) {
        return Path.of(source).toAbsolutePath().getParent().resolve(file).normalize();
    }

    /** One reference point; {@code low} and {@code high} are NaN without an interval, {@code series} and {@code panel} "" without one. */
    public record Point(String series, String panel, double x, double y, double low, double high) {
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreSurroundingSpaces(true).get();

    /** The points of {@code csv}; a missing column, a number that is not one, no point at all: an IOException saying where. */
    public static List<Point> read(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new IOException("no reference file " + csv);
        }
        List<Point> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(r, FORMAT)) {
            List<String> header = parser.getHeaderNames();
            for (String needed : List.of("x", "y")) {
                if (!header.contains(needed)) {
                    throw new IOException(csv + ": needs column '" + needed + "' (columns: x, y, and optionally low, high,"
                            + " series, panel); it has " + header);
                }
            }
            for (CSVRecord row : parser) {
                out.add(new Point(text(row, "series"), text(row, "panel"), number(csv, row, "x"), number(csv, row, "y"),
                        header.contains("low") ? number(csv, row, "low") : Double.NaN,
                        header.contains("high") ? number(csv, row, "high") : Double.NaN));
            }
        }
        if (out.isEmpty()) {
            throw new IOException(csv + " holds no point");
        }
        return out;
    }

    private static String text(CSVRecord row, String column) {
        return row.isMapped(column) ? row.get(column) : "";
    }

    private static double number(Path csv, CSVRecord row, String column) throws IOException {
        String v = row.get(column);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IOException(csv + " line " + row.getParser().getCurrentLineNumber() + ": " + column + " '" + v
                    + "' is not a number");
        }
    }
}

package org.edgesim.sweep;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.edgesim.report.AtomicFiles;

/**
 * A block file of {@code runs/}: one line {@code # edgesim block fingerprint=F rows=N sha256=H}
 * (the study's fingerprint, the CSV rows that follow, the SHA-256 of those bytes), then the rows.
 * A block that is truncated, emptied, edited or written without that line is damaged; one written
 * for another study has another fingerprint.
 */
final class Blocks {
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();
    private static final Pattern HEADER = Pattern.compile(
            "# edgesim block fingerprint=([0-9a-f]{64}) rows=(\\d+) sha256=([0-9a-f]{64})");

    private Blocks() {
    }

    /** A block that cannot be used: why, in a few words. */
    static final class DamagedBlockException extends IOException {
        DamagedBlockException(String why) {
            super(why);
        }
    }

    /** What a block holds. */
    record Block(String fingerprint, List<List<String>> rows) {
    }

    /** Writes a block, all or nothing, forced to the disk now. */
    static void write(Path target, String fingerprint, List<List<String>> rows) throws IOException {
        write(target, fingerprint, rows, null);
    }

    /**
     * Writes a block, all or nothing for readers; with {@code sync}, forced to the disk with its
     * group instead of now (its checksum tells a block a crash damaged before that).
     */
    static void write(Path target, String fingerprint, List<List<String>> rows, GroupSync sync) throws IOException {
        StringWriter body = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(body, CSV)) {
            for (List<String> row : rows) {
                p.printRecord(row);
            }
        }
        String text = body.toString();
        String block = "# edgesim block fingerprint=" + fingerprint + " rows=" + rows.size() + " sha256=" + sha256(text)
                + "\n" + text;
        if (sync == null) {
            AtomicFiles.writeString(target, block);
        } else {
            AtomicFiles.writeUnforced(target, w -> w.append(block));
            sync.saved(target);
        }
    }

    /** Reads and checks a block. */
    static Block read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int eol = text.indexOf('\n');
        if (eol < 0) {
            throw new DamagedBlockException(text.isEmpty() ? "empty" : "no header line");
        }
        Matcher m = HEADER.matcher(text.substring(0, eol));
        if (!m.matches()) {
            throw new DamagedBlockException("no block header (written by an earlier version, or edited)");
        }
        String body = text.substring(eol + 1);
        if (!sha256(body).equals(m.group(3))) {
            throw new DamagedBlockException("its checksum does not match (truncated or edited)");
        }
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSV.parse(new StringReader(body))) {
            for (CSVRecord r : p) {
                rows.add(r.toList());
            }
        }
        if (rows.size() != Integer.parseInt(m.group(2))) {
            throw new DamagedBlockException("it holds " + rows.size() + " of its " + m.group(2) + " rows");
        }
        return new Block(m.group(1), rows);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}

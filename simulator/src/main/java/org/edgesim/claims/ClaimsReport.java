package org.edgesim.claims;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.edgesim.report.AtomicFiles;
import org.edgesim.scenario.Tolerance;

/**
 * The claims tables: each study's {@code claims.csv} in its result folder; each paper's
 * {@code results/<paper>/claims.csv}, gathered from its studies' folders; and
 * {@code results/claims.md}, every paper's table.
 */
public final class ClaimsReport {
    public static final String FILE = "claims.csv";
    public static final String MARKDOWN = "claims.md";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    /** How many claims hold, differ and are paper-inconsistent. */
    public record Counts(int holds, int differs, int inconsistent) {
        Counts plus(ClaimResult r) {
            return new Counts(holds + (r.verdict().equals(ClaimResult.HOLDS) ? 1 : 0),
                    differs + (r.verdict().equals(ClaimResult.DIFFERS) ? 1 : 0),
                    inconsistent + (r.verdict().equals(ClaimResult.INCONSISTENT) ? 1 : 0));
        }

        public int total() {
            return holds + differs + inconsistent;
        }

        @Override
        public String toString() {
            return holds + " hold, " + differs + " differ, " + inconsistent + " paper-inconsistent";
        }
    }

    private ClaimsReport() {
    }

    /** Writes {@code rows} to {@code file}, all or nothing. */
    public static void write(Path file, List<ClaimResult> rows) throws IOException {
        AtomicFiles.write(file, w -> {
            CSVPrinter out = new CSVPrinter(w, FORMAT);
            out.printRecord(ClaimResult.HEADER);
            for (ClaimResult r : rows) {
                out.printRecord(r.cells());
            }
            out.flush();
        });
    }

    /** Each paper's claims, read from {@code results/<paper>/claims.csv}, by paper name in order. */
    public static java.util.SortedMap<String, List<ClaimResult>> papers(Path results) throws IOException {
        java.util.SortedMap<String, List<ClaimResult>> out = new java.util.TreeMap<>();
        if (Files.isDirectory(results)) {
            try (Stream<Path> s = Files.list(results)) {
                for (Path paper : s.filter(p -> Files.isRegularFile(p.resolve(FILE))).toList()) {
                    out.put(paper.getFileName().toString(), read(paper.resolve(FILE)));
                }
            }
        }
        return out;
    }

    /** The rows of a claims file. */
    public static List<ClaimResult> read(Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<ClaimResult> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            if (!parser.getHeaderNames().equals(ClaimResult.HEADER)) {
                throw new IOException(file + " is not a claims table: its columns are " + parser.getHeaderNames());
            }
            for (CSVRecord r : parser) {
                out.add(ClaimResult.of(r.toList()));
            }
        }
        return out;
    }

    /**
     * Gathers the claims of every study folder of each paper folder in {@code results} (in name
     * order) into {@code <paper>/claims.csv}, writes {@code claims.md}, and counts the verdicts.
     * A paper without claims gets no table.
     */
    public static Counts gather(Path results) throws IOException {
        Map<String, Map<String, List<ClaimResult>>> papers = new LinkedHashMap<>();
        if (Files.isDirectory(results)) {
            try (Stream<Path> dirs = Files.list(results)) {
                for (Path paper : dirs.filter(Files::isDirectory).sorted().toList()) {
                    Map<String, List<ClaimResult>> studies = new LinkedHashMap<>();
                    try (Stream<Path> s = Files.list(paper)) {
                        for (Path study : s.filter(p -> Files.isRegularFile(p.resolve(FILE))).sorted().toList()) {
                            studies.put(study.getFileName().toString(), read(study.resolve(FILE)));
                        }
                    }
                    if (!studies.isEmpty()) {
                        papers.put(paper.getFileName().toString(), studies);
                    }
                }
            }
        }
        Counts counts = new Counts(0, 0, 0);
        StringBuilder md = new StringBuilder("# edgesim: the papers' claims, reproduced\n\n");
        md.append("Each claim states a paper's finding, the paper's value, the value computed from the study's"
                + " results (with its 95% confidence interval where it is a mean over replications), the tolerance"
                + " written before the run, and the verdict: `holds` within the tolerance, `differs` outside it,"
                + " `paper-inconsistent` where the paper's own model cannot give its number (the reason says why).\n\n");
        for (var paper : papers.entrySet()) {
            List<ClaimResult> all = new ArrayList<>();
            paper.getValue().values().forEach(all::addAll);
            write(results.resolve(paper.getKey()).resolve(FILE), all);
            Counts c = new Counts(0, 0, 0);
            for (ClaimResult r : all) {
                c = c.plus(r);
                counts = counts.plus(r);
            }
            md.append("## ").append(paper.getKey()).append(": ").append(c).append("\n\n");
            md.append("| claim | figure | statement | paper | reproduced | 95% CI | tolerance | verdict | reason |\n");
            md.append("|---|---|---|---|---|---|---|---|---|\n");
            for (var study : paper.getValue().entrySet()) {
                for (ClaimResult r : study.getValue()) {
                    String ci = Double.isNaN(r.ci95Low()) ? "" : "[" + Tolerance.number(r.ci95Low()) + ", "
                            + Tolerance.number(r.ci95High()) + "]";
                    md.append("| ").append(String.join(" | ", List.of(r.claim(),
                            "[" + r.figure() + "](" + paper.getKey() + "/" + r.figure() + ".png)", cell(r.statement()),
                            Tolerance.number(r.paper()), Tolerance.number(r.reproduced()), ci, cell(r.tolerance()),
                            "**" + r.verdict() + "**", cell(r.reason())))).append(" |\n");
                }
            }
            md.append('\n');
            for (String study : paper.getValue().keySet()) {
                md.append("- `").append(study).append("`: ").append(mode(results.resolve(paper.getKey()).resolve(study)))
                        .append('\n');
            }
            md.append('\n');
        }
        Files.createDirectories(results);
        AtomicFiles.writeString(results.resolve(MARKDOWN), md);
        return counts;
    }

    /** Whether a study folder's results come from its quick or its full settings (its study.json says). */
    private static String mode(Path study) throws IOException {
        Path json = study.resolve("study.json");
        if (!Files.exists(json)) {
            return "no study.json";
        }
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        return (node.path("quick").asBoolean(false) ? "quick settings" : "full settings") + ", "
                + node.path("replications").asInt() + " replications";
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}

package org.edgesim.study;

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

    /**
     * The verdicts, counted apart for the papers' claims and for the model checks: a model check
     * never counts as a reproduction of a paper.
     */
    public record Counts(Map<String, Integer> paper, Map<String, Integer> model) {
        public Counts {
            paper = Map.copyOf(paper);
            model = Map.copyOf(model);
        }

        static Counts none() {
            return new Counts(Map.of(), Map.of());
        }

        Counts plus(ClaimResult r) {
            boolean isPaper = r.source().equals(org.edgesim.scenario.ClaimSpec.PAPER);
            Map<String, Integer> p = new java.util.HashMap<>(paper);
            Map<String, Integer> m = new java.util.HashMap<>(model);
            (isPaper ? p : m).merge(r.verdict(), 1, Integer::sum);
            return new Counts(p, m);
        }

        public int total() {
            return papers() + checks();
        }

        /** The papers' claims. */
        public int papers() {
            return paper.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** The model checks. */
        public int checks() {
            return model.values().stream().mapToInt(Integer::intValue).sum();
        }

        public int paper(String verdict) {
            return paper.getOrDefault(verdict, 0);
        }

        /**
         * E.g. {@code papers: 21 hold, 14 differ, 6 inconclusive, 5 paper-inconsistent (of 46);
         * model checks: 19 of 20 hold}.
         */
        @Override
        public String toString() {
            List<String> parts = new ArrayList<>();
            for (String v : ClaimResult.VERDICTS) {
                int n = paper(v);
                if (n > 0 || v.equals(ClaimResult.HOLDS) || v.equals(ClaimResult.DIFFERS)) {
                    parts.add(n + " " + (v.equals(ClaimResult.HOLDS) ? "hold" : v.equals(ClaimResult.DIFFERS)
                            ? "differ" : v));
                }
            }
            String out = papers() == 0 && checks() > 0 ? "" : "papers: " + String.join(", ", parts) + " (of "
                    + papers() + ")";
            if (checks() > 0) {
                List<String> other = new ArrayList<>();
                for (String v : ClaimResult.VERDICTS) {
                    if (!v.equals(ClaimResult.HOLDS) && model.getOrDefault(v, 0) > 0) {
                        other.add(model.get(v) + " " + (v.equals(ClaimResult.DIFFERS) ? "differ" : v));
                    }
                }
                out += (out.isEmpty() ? "" : "; ") + "model checks: " + model.getOrDefault(ClaimResult.HOLDS, 0) + " of "
                        + checks() + " hold"
                        + (other.isEmpty() ? "" : " (" + String.join(", ", other) + ")");
            }
            return out;
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

    /** Each paper's verdicts, counted from {@code results/<paper>/claims.csv}. */
    public static java.util.SortedMap<String, Counts> counts(Path results) throws IOException {
        java.util.SortedMap<String, Counts> out = new java.util.TreeMap<>();
        for (var e : papers(results).entrySet()) {
            Counts c = Counts.none();
            for (ClaimResult r : e.getValue()) {
                c = c.plus(r);
            }
            out.put(e.getKey(), c);
        }
        return out;
    }

    /**
     * The file a claim's figure was drawn to, for a link: the panel it reads ({@code panel}, ""
     * when none or several) where that file exists, else as {@link #figureFile(Path, String)}.
     */
    static Path figureFile(Path paperFolder, String name, String panel) throws IOException {
        if (!panel.isEmpty()) {
            Path file = paperFolder.resolve(org.edgesim.scenario.FigureSpec.fileStem(name, panel) + ".png");
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        return figureFile(paperFolder, name);
    }

    /**
     * The file a figure of {@code paperFolder} was drawn to, for a link: {@code <name>.png}, its
     * first panel {@code <name>-<panel>.png}, or a table's {@code <name>.md}; null if none exists.
     */
    public static Path figureFile(Path paperFolder, String name) throws IOException {
        for (String f : List.of(name + ".png", name + ".md")) {
            if (Files.isRegularFile(paperFolder.resolve(f))) {
                return paperFolder.resolve(f);
            }
        }
        if (!Files.isDirectory(paperFolder)) {
            return null;
        }
        try (Stream<Path> s = Files.list(paperFolder)) {
            return s.filter(p -> p.getFileName().toString().startsWith(name + "-")
                    && p.getFileName().toString().endsWith(".png")).sorted().findFirst().orElse(null);
        }
    }

    /** The rows of a claims file. */
    public static List<ClaimResult> read(Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<ClaimResult> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            if (!parser.getHeaderNames().equals(ClaimResult.HEADER)
                    && !parser.getHeaderNames().equals(ClaimResult.HEADER_WITHOUT_PANEL)) {
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
        Counts counts = Counts.none();
        StringBuilder md = new StringBuilder("# edgesim: the papers' claims, reproduced\n\n");
        boolean quick = false;
        for (var paper : papers.entrySet()) {
            for (String study : paper.getValue().keySet()) {
                quick |= mode(results.resolve(paper.getKey()).resolve(study)).startsWith("quick");
            }
        }
        if (quick) {
            md.append("> **Quick settings (--quick): few replications and rounds, a preview. A claim whose interval"
                    + " these results cannot decide is `not-assessed (quick)`. Run `edgesim reproduce` without --quick"
                    + " for the reproduction.**\n\n");
        }
        md.append("Each claim states a paper's finding (kind `paper`, quoted from the paper) or what edgesim's own"
                + " model predicts (kind `model`, a model check, never counted as a reproduction), the reference value,"
                + " the value computed from the study's results with its 95% interval, the tolerance written before"
                + " the run, and the verdict, decided by the interval: `holds` when it lies inside the tolerance,"
                + " `differs` when it lies wholly outside, `inconclusive` when it straddles an edge (with the"
                + " replications that would settle it), `paper-inconsistent` when the paper's own model, computed"
                + " from the same results, agrees with ours and both differ from the paper's number, `calibrated`"
                + " when a set-up choice was read off the paper's number, `not-assessed (quick)` when a quick run"
                + " cannot decide.\n\n");
        for (var paper : papers.entrySet()) {
            List<ClaimResult> all = new ArrayList<>();
            paper.getValue().values().forEach(all::addAll);
            write(results.resolve(paper.getKey()).resolve(FILE), all);
            Counts c = Counts.none();
            for (ClaimResult r : all) {
                c = c.plus(r);
                counts = counts.plus(r);
            }
            md.append("## ").append(paper.getKey()).append(": ").append(c).append("\n\n");
            md.append("| claim | kind | figure | statement | paper | reproduced | 95% CI | n | tolerance | verdict"
                    + " | reason |\n");
            md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (var study : paper.getValue().entrySet()) {
                for (ClaimResult r : study.getValue()) {
                    String ci = Double.isNaN(r.ci95Low()) ? "" : "[" + Tolerance.number(r.ci95Low()) + ", "
                            + Tolerance.number(r.ci95High()) + "]";
                    Path figure = figureFile(results.resolve(paper.getKey()), r.figure(), r.panel());
                    String link = figure == null ? r.figure() : "[" + r.figure() + "](" + results.toAbsolutePath()
                            .relativize(figure.toAbsolutePath()).toString().replace('\\', '/') + ")";
                    md.append("| ").append(String.join(" | ", List.of(r.claim(), r.source(), link, cell(r.statement()),
                            Tolerance.number(r.paper()), Tolerance.number(r.reproduced()), ci,
                            Integer.toString(r.replications()), cell(r.tolerance()), "**" + r.verdict() + "**",
                            cell(r.reason())))).append(" |\n");
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
            json = study.resolve("calibration.json"); // a channel calibration's record
        }
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

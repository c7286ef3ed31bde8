package org.edgesim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The gallery of {@code reproduce}, {@code results/index.md} and {@code results/index.html}, a page
 * a reviewer reads: a banner when the results come from quick settings, the studies that were
 * skipped and why, then per paper its summary line and each study with its facts, files and
 * figures, each figure beside the claims about it. Every link points to a file that exists.
 */
public final class Gallery {
    /** The columns of a figure's claims. */
    public static final List<String> CLAIM_COLUMNS = List.of("claim", "kind", "paper", "reproduced", "95% interval",
            "n", "tolerance", "verdict", "reason");

    /** A figure of a study: its files (PNG, or a table's Markdown) and its claims' rows in {@link #CLAIM_COLUMNS}. */
    public record Figure(String name, List<Path> files, List<List<String>> claims) {
    }

    /** A study that ran. */
    public record Study(String paper, String name, String description, List<String> facts, Path folder,
                        List<Figure> figures) {
    }

    /** A study that did not run, and why (with what installs what it lacks). */
    public record Skipped(String file, String reason) {
    }

    private static final String QUICK = "Quick settings (--quick): few replications and rounds, a preview. A claim"
            + " whose interval these results cannot decide is 'not-assessed (quick)'; figures say 'quick settings'."
            + " Run `edgesim reproduce` without --quick for the reproduction.";

    private final Path results;
    private final boolean quick;
    private final Map<String, String> summaries;
    private final List<Study> studies;
    private final List<Skipped> skipped;

    /**
     * @param summaries per paper, its claims' summary line (e.g. {@code papers: 3 hold, 1 differ (of 4)})
     */
    public Gallery(Path results, boolean quick, Map<String, String> summaries, List<Study> studies,
                   List<Skipped> skipped) {
        this.results = results.toAbsolutePath();
        this.quick = quick;
        this.summaries = Map.copyOf(summaries);
        this.studies = List.copyOf(studies);
        this.skipped = List.copyOf(skipped);
    }

    /** Writes {@code index.md} and {@code index.html}, each all or nothing. */
    public void write() throws IOException {
        Files.createDirectories(results);
        AtomicFiles.writeString(results.resolve("index.md"), markdown());
        AtomicFiles.writeString(results.resolve("index.html"), html());
    }

    private List<String> papers() {
        return studies.stream().map(Study::paper).distinct().toList();
    }

    String markdown() throws IOException {
        StringBuilder md = new StringBuilder("# edgesim: reproduced figures\n\n");
        md.append(quick ? "> **" + QUICK + "**\n\n" : "Full mode: the scenarios' own settings.\n\n");
        if (Files.exists(results.resolve("claims.md"))) {
            md.append("Every paper's claims in one table: [claims.md](claims.md).\n\n");
        }
        if (!skipped.isEmpty()) {
            md.append("## Skipped\n\n");
            for (Skipped s : skipped) {
                md.append("- `").append(s.file()).append("`: ").append(s.reason()).append('\n');
            }
            md.append('\n');
        }
        for (String paper : papers()) {
            md.append("## ").append(paper).append(summaries.containsKey(paper) ? ": " + summaries.get(paper) : "")
                    .append("\n\n");
            for (Study s : studies.stream().filter(s -> s.paper().equals(paper)).toList()) {
                md.append("### ").append(s.name()).append("\n\n");
                if (s.description() != null) {
                    md.append(s.description()).append("\n\n");
                }
                s.facts().forEach(f -> md.append("- ").append(f).append('\n'));
                md.append("- files: ").append(String.join(" ", files(s.folder()).stream().map(f -> "[" + f.getFileName()
                        + "](" + relative(f) + ")").toList())).append("\n\n");
                for (Figure f : s.figures()) {
                    md.append("#### ").append(f.name()).append("\n\n");
                    for (Path file : f.files()) {
                        if (file.toString().endsWith(".md")) {
                            md.append(Files.readString(file)).append('\n');
                        } else {
                            md.append("![").append(file.getFileName()).append("](").append(relative(file))
                                    .append(")\n\n");
                        }
                    }
                    if (!f.claims().isEmpty()) {
                        md.append("| ").append(String.join(" | ", CLAIM_COLUMNS)).append(" |\n|");
                        md.append("---|".repeat(CLAIM_COLUMNS.size())).append('\n');
                        for (List<String> row : f.claims()) {
                            md.append("| ").append(String.join(" | ", row.stream().map(Gallery::cell).toList()))
                                    .append(" |\n");
                        }
                        md.append('\n');
                    }
                }
            }
        }
        return md.toString();
    }

    String html() throws IOException {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + "edgesim: reproduced figures</title>\n<style>body{font-family:sans-serif;max-width:1400px;margin:2em"
                + " auto;padding:0 1em}table{border-collapse:collapse;font-size:85%}td,th{border:1px solid #ccc;"
                + "padding:3px 6px;vertical-align:top}img{max-width:100%;border:1px solid #eee}.figure{display:flex;"
                + "gap:1em;align-items:flex-start;margin:1em 0}.figure>div{flex:1 1 50%}.banner{background:#fff3cd;"
                + "border:1px solid #e0b000;padding:.6em}.holds{color:#1a7f37}.differs{color:#b35900}"
                + ".inconclusive{color:#555}.paper-inconsistent{color:#8250df}.calibrated{color:#0969da}</style>"
                + "</head><body>\n<h1>edgesim: reproduced figures</h1>\n");
        h.append(quick ? "<p class=\"banner\"><b>" + escape(QUICK) + "</b></p>\n"
                : "<p>Full mode: the scenarios' own settings.</p>\n");
        if (Files.exists(results.resolve("claims.md"))) {
            h.append("<p>Every paper's claims in one table: <a href=\"claims.md\">claims.md</a>.</p>\n");
        }
        if (!skipped.isEmpty()) {
            h.append("<h2>Skipped</h2>\n<ul>\n");
            for (Skipped s : skipped) {
                h.append("<li><code>").append(escape(s.file())).append("</code>: ").append(escape(s.reason()))
                        .append("</li>\n");
            }
            h.append("</ul>\n");
        }
        for (String paper : papers()) {
            h.append("<h2>").append(escape(paper)).append(summaries.containsKey(paper) ? ": "
                    + escape(summaries.get(paper)) : "").append("</h2>\n");
            for (Study s : studies.stream().filter(s -> s.paper().equals(paper)).toList()) {
                h.append("<h3>").append(escape(s.name())).append("</h3>\n");
                if (s.description() != null) {
                    h.append("<p>").append(escape(s.description())).append("</p>\n");
                }
                h.append("<ul>\n");
                s.facts().forEach(f -> h.append("<li>").append(escape(f)).append("</li>\n"));
                h.append("<li>files:");
                for (Path f : files(s.folder())) {
                    h.append(" <a href=\"").append(escape(relative(f))).append("\">")
                            .append(escape(f.getFileName().toString())).append("</a>");
                }
                h.append("</li>\n</ul>\n");
                for (Figure f : s.figures()) {
                    h.append("<h4>").append(escape(f.name())).append("</h4>\n<div class=\"figure\"><div>");
                    for (Path file : f.files()) {
                        if (file.toString().endsWith(".png")) {
                            h.append("<img src=\"").append(escape(relative(file))).append("\" alt=\"")
                                    .append(escape(file.getFileName().toString())).append("\">");
                        } else {
                            h.append("<pre>").append(escape(Files.readString(file))).append("</pre>");
                        }
                    }
                    h.append("</div><div>");
                    if (!f.claims().isEmpty()) {
                        h.append("<table>\n<tr>");
                        CLAIM_COLUMNS.forEach(c -> h.append("<th>").append(escape(c)).append("</th>"));
                        h.append("</tr>\n");
                        int verdict = CLAIM_COLUMNS.indexOf("verdict");
                        for (List<String> row : f.claims()) {
                            h.append("<tr>");
                            for (int i = 0; i < row.size(); i++) {
                                h.append(i == verdict ? "<td class=\"" + escape(row.get(i).split(" ")[0]) + "\">"
                                        : "<td>").append(escape(row.get(i))).append("</td>");
                            }
                            h.append("</tr>\n");
                        }
                        h.append("</table>");
                    }
                    h.append("</div></div>\n");
                }
            }
        }
        return h.append("</body></html>\n").toString();
    }

    /** A study folder's files, without hidden ones. */
    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString()
                    .startsWith(".")).sorted().toList());
        }
    }

    private String relative(Path f) {
        return results.relativize(f.toAbsolutePath()).toString().replace('\\', '/');
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

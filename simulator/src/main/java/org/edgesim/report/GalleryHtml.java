package org.edgesim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code results/index.html}: the gallery of {@code reproduce} as a page: each paper's claims
 * table (from its {@code claims.csv}), then each study with its facts, links to its files and its
 * figures. Written beside {@code index.md}, from the same results.
 */
public final class GalleryHtml {
    /** One study of the gallery. */
    public record Entry(String paper, String name, String description, List<String> facts, Path folder,
                        List<Path> figures) {
    }

    private final StringBuilder html = new StringBuilder();
    private final Path results;

    public GalleryHtml(Path results, String mode) {
        this.results = results.toAbsolutePath();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>edgesim: reproduced"
                + " figures</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em}"
                + "table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;padding:3px 6px;"
                + "vertical-align:top}img{max-width:100%;border:1px solid #eee}.holds{color:#1a7f37}"
                + ".differs{color:#b35900}.paper-inconsistent{color:#8250df}</style></head><body>\n")
                .append("<h1>edgesim: reproduced figures</h1>\n<p>").append(escape(mode)).append("</p>\n");
    }

    /**
     * One paper's claims table: {@code header} and its rows (those of {@code claims.csv}); the
     * cells of column {@code verdict} are coloured by their value.
     */
    public GalleryHtml claims(String paper, List<String> header, List<List<String>> rows) {
        int verdict = header.indexOf("verdict");
        html.append("<h2>").append(escape(paper)).append(": claims</h2>\n<table>\n<tr>");
        header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                html.append(i == verdict ? "<td class=\"" + escape(row.get(i)) + "\">" : "<td>").append(escape(row.get(i)))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        return this;
    }

    /** A study: its heading, facts, links to its files and its figures. */
    public GalleryHtml study(Entry e) throws IOException {
        html.append("<h2>").append(escape(e.paper() + " / " + e.name())).append("</h2>\n");
        if (e.description() != null) {
            html.append("<p>").append(escape(e.description())).append("</p>\n");
        }
        html.append("<ul>\n");
        for (String f : e.facts()) {
            html.append("<li>").append(escape(f)).append("</li>\n");
        }
        html.append("</ul>\n<p>files:");
        if (Files.isDirectory(e.folder())) {
            try (Stream<Path> s = Files.list(e.folder())) {
                for (Path f : s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                        .sorted().toList()) {
                    html.append(" <a href=\"").append(escape(relative(f))).append("\">")
                            .append(escape(f.getFileName().toString())).append("</a>");
                }
            }
        }
        html.append("</p>\n");
        for (Path f : e.figures()) {
            if (f.toString().endsWith(".png")) {
                html.append("<p><img src=\"").append(escape(relative(f))).append("\" alt=\"")
                        .append(escape(f.getFileName().toString())).append("\"></p>\n");
            }
        }
        return this;
    }

    /** Writes the page to {@code results/index.html}, all or nothing. */
    public void write() throws IOException {
        Files.createDirectories(results);
        AtomicFiles.writeString(results.resolve("index.html"), html + "</body></html>\n");
    }

    private String relative(Path f) {
        return results.relativize(f.toAbsolutePath()).toString().replace('\\', '/');
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package org.edgesim.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of records, read from their source files: each component's {@code @param} text and the
 * record's first sentence. The reference is generated from the source tree, where it is published.
 */
final class Javadoc {
    private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+(.*?)(?=@\\w+\\s|$)", Pattern.DOTALL);
    private final Path sources;
    private final Map<Class<?>, Doc> read = new HashMap<>();

    /** What a record's Javadoc says: its text before the tags, and each {@code @param}. */
    record Doc(String text, Map<String, String> params) {
        static final Doc NONE = new Doc("", Map.of());

        /** The first sentence of the text. */
        String summary() {
            java.util.regex.Matcher m = Pattern.compile("(?<!e\\.g|i\\.e)[.] (?=[A-Z`(])").matcher(text);
            return m.find() ? text.substring(0, m.start() + 1) : text;
        }
    }

    /** Javadoc read from {@code sources} (the folder of {@code org/edgesim/...}). */
    Javadoc(Path sources) {
        if (!Files.isDirectory(sources.resolve("org/edgesim"))) {
            throw new IllegalArgumentException("no sources at " + sources + ": run from the repository's root");
        }
        this.sources = sources;
    }

    /** {@code type}'s Javadoc (nothing when it has none). */
    Doc of(Class<?> type) {
        return read.computeIfAbsent(type, this::parse);
    }

    private Doc parse(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        Path file = sources.resolve(top.getName().replace('.', '/') + ".java");
        String source;
        try {
            source = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Matcher declaration = Pattern.compile("\\b(record|class|interface|enum)\\s+" + type.getSimpleName() + "\\b")
                .matcher(source);
        if (!declaration.find()) {
            return Doc.NONE;
        }
        int end = source.lastIndexOf("*/", declaration.start());
        int start = end < 0 ? -1 : source.lastIndexOf("/**", end);
        // Only annotations may stand between the comment and the declaration.
        if (start < 0 || !source.substring(end + 2, declaration.start()).replaceAll("@[\\w.]+(\\([^)]*\\))?", "")
                .replaceAll("\\b(public|final|static|sealed|abstract|private|protected)\\b", "").isBlank()) {
            return Doc.NONE;
        }
        String body = source.substring(start + 3, end).replaceAll("(?m)^\\s*\\*\\s?", "");
        body = plain(body);
        int tags = body.indexOf("@param");
        String text = (tags < 0 ? body : body.substring(0, tags)).trim();
        Map<String, String> params = new LinkedHashMap<>();
        if (tags >= 0) {
            Matcher m = PARAM.matcher(body.substring(tags));
            while (m.find()) {
                params.put(m.group(1), m.group(2).trim());
            }
        }
        return new Doc(text, params);
    }

    /** Javadoc's markup as Markdown on one line. */
    static String plain(String javadoc) {
        return javadoc.replaceAll("\\{@(code|literal) ([^}]*)}", "`$2`")
                .replaceAll("\\{@link(plain)? (?:[\\w.]*#)?([^} ]+)(?: ([^}]*))?}", "`$2`")
                .replaceAll("</?(p|i|b|em|ul|li|ol)>", " ")
                .replaceAll("\\s+", " ").replace("|", "\\|");
    }
}

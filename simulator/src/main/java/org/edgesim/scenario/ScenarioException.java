package org.edgesim.scenario;

/**
 * A scenario that cannot be used, with where and why: {@code file:line:column: field: rule}.
 * The message is one line.
 */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String rule;
    private final boolean dataMissing;

    public ScenarioException(String file, int line, int column, String field, String rule) {
        this(file, line, column, field, rule, false);
    }

    /** @param dataMissing the scenario is sound but names data not installed here (reproduce skips it) */
    public ScenarioException(String file, int line, int column, String field, String rule, boolean dataMissing) {
        super(format(file, line, column, field, rule));
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.rule = rule;
        this.dataMissing = dataMissing;
    }

    public boolean dataMissing() {
        return dataMissing;
    }

    /** Longest value echoed in a message; longer ones are cut, saying so. */
    static final int ECHO = 80;
    /** Longest message. */
    static final int LONGEST = 1000;

    /**
     * One line, in time linear in the text: every run of white space becomes one space, every
     * quoted value ({@code '...'}) longer than {@value #ECHO} characters is cut, Java and Jackson
     * type names become plain words, and the whole is at most {@value #LONGEST} characters.
     */
    static String format(String file, int line, int column, String field, String rule) {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        String what = field == null || field.isEmpty() ? "" : field + ": ";
        String text = oneLine(shortenQuoted(plainTypes(where + ": " + what + rule)));
        return text.length() <= LONGEST ? text : text.substring(0, LONGEST) + "...";
    }

    private static String oneLine(String s) {
        StringBuilder out = new StringBuilder(Math.min(s.length(), 4 * LONGEST));
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Cuts quoted values over {@value #ECHO} characters: {@code 'aaaa...' (3000 characters)}. A
     * quote opens after a non-letter and closes before one, so apostrophes ("the paper's") are text.
     */
    private static String shortenQuoted(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int open = quote(s, i, true);
            int close = open < 0 ? -1 : quote(s, open + 1, false);
            if (open < 0 || close < 0) {
                out.append(s, i, s.length());
                break;
            }
            int length = close - open - 1;
            if (length > ECHO) {
                out.append(s, i, open + 1).append(s, open + 1, open + 1 + ECHO).append("...' (").append(length)
                        .append(" characters)");
            } else {
                out.append(s, i, close + 1);
            }
            i = close + 1;
        }
        return out.toString();
    }

    /** The next quote from {@code from} that opens (after a non-letter) or closes (before one), or -1. */
    private static int quote(String s, int from, boolean opening) {
        for (int q = s.indexOf('\'', from); q >= 0; q = s.indexOf('\'', q + 1)) {
            int neighbour = opening ? q - 1 : q + 1;
            if (neighbour < 0 || neighbour >= s.length() || !Character.isLetterOrDigit(s.charAt(neighbour))) {
                return q;
            }
        }
        return -1;
    }

    /** Java and Jackson type names ({@code `java.lang.Integer`}) as plain words. */
    static String plainTypes(String s) {
        if (s.indexOf('`') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf('`', i);
            int close = open < 0 ? -1 : s.indexOf('`', open + 1);
            if (open < 0 || close < 0) {
                out.append(s, i, s.length());
                break;
            }
            out.append(s, i, open).append(word(s.substring(open + 1, close)));
            i = close + 1;
        }
        return out.toString();
    }

    private static String word(String type) {
        String t = type.replaceAll("<.*", "");
        return switch (t) {
            case "int", "long", "java.lang.Integer", "java.lang.Long", "short" -> "a whole number";
            case "double", "float", "java.lang.Double", "java.lang.Float" -> "a number";
            case "boolean", "java.lang.Boolean" -> "true or false";
            case "java.lang.String" -> "text";
            case "java.util.List", "java.util.ArrayList" -> "a list";
            case "java.util.Map", "java.util.LinkedHashMap" -> "a mapping";
            case "null" -> "null";
            default -> t.startsWith("org.edgesim.") || t.contains(".") ? "a mapping" : t;
        };
    }

    public String file() {
        return file;
    }

    /** 1-based line, or 0 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 if unknown. */
    public int column() {
        return column;
    }

    /** Dotted path of the field ({@code radio.bandwidth}), empty for the whole file. */
    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}

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

    private static String format(String file, int line, int column, String field, String rule) {
        String where = line > 0 ? file + ":" + line + ":" + column : file;
        String what = field == null || field.isEmpty() ? "" : field + ": ";
        return (where + ": " + what + rule).replaceAll("\\s*[\\r\\n]+\\s*", " ");
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

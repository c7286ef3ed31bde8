package org.edgesim.scenario;

/**
 * A scenario value that breaks a rule, thrown by the records' compact constructors. {@code field}
 * is relative to the record being built (dotted for nested paths); the loader adds the file,
 * line, column and the path from the root.
 */
public final class InvalidField extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final boolean dataMissing;

    public InvalidField(String field, String rule) {
        this(field, rule, false);
    }

    private InvalidField(String field, String rule, boolean dataMissing) {
        super(rule);
        this.field = field;
        this.dataMissing = dataMissing;
    }

    /** The scenario is sound but names data that are not installed on this machine. */
    public static InvalidField dataMissing(String field, String rule) {
        return new InvalidField(field, rule, true);
    }

    public boolean isDataMissing() {
        return dataMissing;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return getMessage();
    }

    /** Throws unless {@code value > 0} and finite. */
    public static double positive(String field, double value, Dimension d) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InvalidField(field, "must be > 0" + unit(d) + ", got " + value);
        }
        return value;
    }

    /** Throws unless {@code value >= 0} and finite. */
    public static double nonNegative(String field, double value, Dimension d) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InvalidField(field, "must be >= 0" + unit(d) + ", got " + value);
        }
        return value;
    }

    /** The unit after a number: " s", or nothing for a count. */
    private static String unit(Dimension d) {
        return d.base().isEmpty() ? "" : " " + d.base();
    }

    /** Throws unless {@code value >= min}. */
    public static long atLeast(String field, long value, long min) {
        if (value < min) {
            throw new InvalidField(field, "must be >= " + min + ", got " + value);
        }
        return value;
    }
}

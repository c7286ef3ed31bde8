package org.edgesim.table;

/**
 * The values a column can take, {@code [min, max]} (infinite ends: unbounded): an accuracy lies in
 * {@code [0, 1]}, a loss or a duration is never negative. A study's summaries clip a 95% interval of
 * the mean to its column's range; the mean lies in the range, so the clipped interval covers it as
 * often as the unclipped one did, and an accuracy's error bar never reaches above 1.
 */
public record Range(double min, double max) {
    /** No bounds. */
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("a range needs min <= max, not [" + min + ", " + max + "]");
        }
    }

    /** {@code x} moved into the range (NaN stays NaN). */
    public double clip(double x) {
        return x < min ? min : x > max ? max : x;
    }

    /** Whether the range bounds anything. */
    public boolean bounded() {
        return !equals(ANY);
    }
}

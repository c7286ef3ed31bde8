package org.edgesim.table;

import java.util.function.Function;

/**
 * One CSV column: its header is {@code name} followed by {@code _unit} when there is a unit.
 *
 * @param name        snake_case name
 * @param unit        SI unit symbol ({@code s}, {@code m}, {@code Hz}, {@code bit/s}), or empty
 * @param description one line, written into the manifest
 * @param value       extracts the cell from a row: a Number, String or Boolean
 * @param text        whether the cells are words (a scheduler's name), not numbers: such a column
 *                    gives no sweep metric
 * @param range       the values it can take (an accuracy's {@code [0, 1]}), to which summaries clip
 *                    their intervals
 */
public record Column<T>(String name, String unit, String description, Function<T, ?> value, boolean text,
                        Range range) {
    /** The header cell, e.g. {@code realised_latency_s}. */
    public String header() {
        return unit.isEmpty() ? name : name + "_" + unit.replace("/", "_per_");
    }

    public static <T> Column<T> of(String name, String unit, String description, Function<T, ?> value) {
        return new Column<>(name, unit, description, value, false, Range.ANY);
    }

    /** A column of words, without a unit. */
    public static <T> Column<T> text(String name, String description, Function<T, ?> value) {
        return new Column<>(name, "", description, value, true, Range.ANY);
    }

    /** This column read from a {@code U} through {@code part}. */
    public <U> Column<U> from(Function<U, T> part) {
        return new Column<>(name, unit, description, value.compose(part), text, range);
    }

    /** This column, its values never negative (a duration, a count, an energy). */
    public Column<T> nonNegative() {
        return within(0, Double.POSITIVE_INFINITY);
    }

    /** This column, its values never below {@code min} nor above {@code max}. */
    public Column<T> within(double min, double max) {
        return new Column<>(name, unit, description, value, text, new Range(min, max));
    }
}

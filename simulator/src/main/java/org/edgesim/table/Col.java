package org.edgesim.table;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component that is a CSV column ({@link RecordColumns}): its header is the component's
 * name in snake_case (or {@link #name}) followed by {@code _unit}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Col {
    /** One line, written into the manifest. */
    String value();

    /** SI unit symbol, or empty. */
    String unit() default "";

    /** The column's name when it is not the component's in snake_case. */
    String name() default "";

    /** Words, not numbers (no sweep metric). */
    boolean text() default false;

    /** Written only when the run trains a model (a {@code learning} section). */
    boolean learning() default false;

    /** The least value the column can take ({@link Range}): 0 for an accuracy, a loss, a duration. */
    double min() default Double.NEGATIVE_INFINITY;

    /** The greatest value the column can take ({@link Range}): 1 for an accuracy. */
    double max() default Double.POSITIVE_INFINITY;
}

package org.edgesim.sched.external;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a record component (or a no-argument method) reads in the JSON external schedulers exchange
 * ({@link WireJson}): by default its name in snake case ({@code speedHz} is {@code speed_hz});
 * {@link #unit} appends its unit ({@code "bit/s/Hz"}: {@code _bit_per_s_per_hz}); {@link #value}
 * names it outright; {@link #omit} leaves it out. A method is written only when annotated, before
 * the component {@link #before} names.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
public @interface Wire {
    /** The key, instead of the name in snake case (and its unit). */
    String value() default "";

    /** The unit appended to the key, '/' read as "per", lower case. */
    String unit() default "";

    /** Left out: what a scheduler in another process has no use for (a random stream, an option of ours). */
    boolean omit() default false;

    /** A method's place: before this component (by its Java name). */
    String before() default "";
}

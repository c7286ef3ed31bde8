package org.edgesim.scenario;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field that holds a number or a word (a layer's index or a rule's name, say): the schema
 * lets either through, with {@link #value} as its description; the record checks which.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.PARAMETER})
public @interface IndexOrWord {
    /** What the field holds, for the schema's description. */
    String value();
}

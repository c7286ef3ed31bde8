package org.edgesim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * Reads every {@code double} of a scenario. A field marked {@link Unit} takes a string with a unit,
 * or a plain number in the base unit except where its dimension needs a unit (powers and power
 * densities, which researchers write in dBm); any other double takes plain numbers only.
 */
final class QuantityDeserializer extends JsonDeserializer<Double> implements ContextualDeserializer {
    private final Dimension dimension;

    QuantityDeserializer(Dimension dimension) {
        this.dimension = dimension;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        Unit unit = property == null ? null : property.getAnnotation(Unit.class);
        return new QuantityDeserializer(unit == null ? null : unit.value());
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        return read(p, ctxt, dimension);
    }

    /**
     * The attribute, set when a resolved scenario is read back ({@link ScenarioLoader#resolved}),
     * under which a power's plain number is its base unit, as the scenario was written out.
     */
    static final Object RESOLVED = new Object();

    /** One quantity at the parser's current token. */
    static double read(JsonParser p, DeserializationContext ctxt, Dimension dimension) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            if (dimension != null && dimension.needsUnit() && ctxt.getAttribute(RESOLVED) == null) {
                throw InvalidFormatException.from(p, Quantities.noUnit(p.getText(), dimension), p.getText(), Double.class);
            }
            return plausible(p, p.getDoubleValue(), p.getText(), dimension);
        }
        if (t == JsonToken.VALUE_STRING && dimension != null) {
            String text = p.getText();
            double v;
            try {
                v = Quantities.parse(text, dimension);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, e.getMessage(), text, Double.class);
            }
            return plausible(p, v, text, dimension);
        }
        String expected = dimension == null || dimension == Dimension.COUNT
                ? "a number"
                : dimension.needsUnit() ? "a " + dimension.label() + ": a string such as " + Quantities.example(dimension)
                : "a " + dimension.label() + ": a number in " + dimension.base() + " or a string such as "
                        + Quantities.example(dimension);
        throw MismatchedInputException.from(p, Double.class, "expected " + expected + ", got " + describe(p));
    }

    /** {@code value}, or a refusal naming the dimension's plausible range. */
    private static double plausible(JsonParser p, double value, String written, Dimension dimension)
            throws IOException {
        if (!Double.isFinite(value)) {
            throw InvalidFormatException.from(p, "must be a finite number, got '" + written + "'", written, Double.class);
        }
        if (dimension != null && !dimension.plausible(value)) {
            throw InvalidFormatException.from(p, "'" + written + "' is outside the plausible range of a "
                    + dimension.label() + ", " + dimension.range() + " (or 0)", written, Double.class);
        }
        return value;
    }

    static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "the text '" + p.getText() + "'";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "'" + p.getText() + "'";
        };
    }
}

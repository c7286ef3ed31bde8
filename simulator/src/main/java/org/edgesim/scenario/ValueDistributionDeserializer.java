package org.edgesim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link ValueDistribution} in the unit of the field's {@link Unit} annotation. */
final class ValueDistributionDeserializer extends JsonDeserializer<ValueDistribution> implements ContextualDeserializer {
    private final Dimension dimension;

    ValueDistributionDeserializer(Dimension dimension) {
        this.dimension = dimension;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        Unit unit = property == null ? null : property.getAnnotation(Unit.class);
        return new ValueDistributionDeserializer(unit == null ? Dimension.COUNT : unit.value());
    }

    @Override
    public ValueDistribution deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            return new ValueDistribution.Fixed(QuantityDeserializer.read(p, ctxt, dimension));
        }
        String kind = p.nextFieldName();
        if (kind == null) {
            throw JsonMappingException.from(p, "expected one of 'uniform', 'choice', 'grid' or 'blocks', got an empty mapping");
        }
        p.nextToken();
        List<Double> values = readList(p, ctxt, kind);
        ValueDistribution result;
        try {
            result = switch (kind) {
                case "uniform" -> {
                    requireSize(p, kind, values, 2, "[lo, hi]");
                    yield new ValueDistribution.Uniform(values.get(0), values.get(1));
                }
                case "choice" -> new ValueDistribution.Choice(values.stream().mapToDouble(Double::doubleValue).toArray());
                case "blocks" -> new ValueDistribution.Blocks(values.stream().mapToDouble(Double::doubleValue).toArray());
                case "grid" -> {
                    requireSize(p, kind, values, 3, "[from, to, step]");
                    yield ValueDistribution.Choice.grid(values.get(0), values.get(1), values.get(2));
                }
                default -> throw JsonMappingException.from(p, "unknown distribution '" + kind
                        + "'; use 'uniform', 'choice', 'grid' or 'blocks'");
            };
        } catch (InvalidField e) {
            throw JsonMappingException.from(p, kind + " " + e.rule());
        }
        if (p.nextToken() != JsonToken.END_OBJECT) {
            throw JsonMappingException.from(p, "a distribution has exactly one key ('" + kind + "'), found also '"
                    + p.currentName() + "'");
        }
        return result;
    }

    private List<Double> readList(JsonParser p, DeserializationContext ctxt, String kind) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw JsonMappingException.from(p, "'" + kind + "' expects a list, got " + QuantityDeserializer.describe(p));
        }
        List<Double> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(QuantityDeserializer.read(p, ctxt, dimension));
        }
        return values;
    }

    private static void requireSize(JsonParser p, String kind, List<Double> values, int n, String shape)
            throws JsonMappingException {
        if (values.size() != n) {
            throw JsonMappingException.from(p, "'" + kind + "' expects " + shape + ", got " + values.size() + " values");
        }
    }
}

package org.edgesim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomPropertyDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The JSON Schema (draft 2020-12) of the scenario format, generated from the records the loader
 * binds ({@link Scenario} and the specs it holds): required keys from {@code @JsonProperty},
 * protocols by their {@code type}, no unknown keys, and every quantity with its unit
 * ({@link Unit}) as a number in the base unit or a string such as {@code "10 MHz"}, its units and
 * plausible range in its description. Editors that read {@code $schema} then complete and check a
 * scenario; the loader stays the judge of the rules a schema cannot say (cross-field checks).
 */
public final class ScenarioSchema {
    /** Where a scenario may point its {@code $schema} key: the file {@code edgesim schema} writes. */
    public static final String FILE_NAME = "edgesim-scenario.schema.json";

    /** A number as text (YAML 1.1 reads {@code 2e6} as a string; the loader accepts it). */
    private static final String NUMBER = "[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?";

    private ScenarioSchema() {
    }

    /** A number, or a number written as text. */
    private static ObjectNode number(String type) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        ArrayNode any = n.putArray("anyOf");
        any.addObject().put("type", type);
        any.addObject().put("type", "string").put("pattern", "^\\s*" + NUMBER + "\\s*$");
        return n;
    }

    /** The schema, with the protocol sections on the class path. */
    public static ObjectNode generate() {
        return generate(ProtocolSection.all());
    }

    /** The schema, with protocol sections {@code sections}. */
    public static ObjectNode generate(List<ProtocolSection> sections) {
        SchemaGeneratorConfigBuilder b = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT, Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS,
                        Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES, Option.PLAIN_DEFINITION_KEYS)
                .without(Option.NULLABLE_FIELDS_BY_DEFAULT);
        b.forTypesInGeneral().withSubtypeResolver((declared, context) -> declared.getErasedType() != ProtocolSpec.class
                ? null : sections.stream().map(p -> context.getTypeContext().resolveSubtype(declared, p.spec())).toList());
        b.forFields().withCustomDefinitionProvider((field, context) -> {
            IndexOrWord either = field.getAnnotationConsideringFieldAndGetter(IndexOrWord.class);
            if (either != null) {
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                node.putArray("type").add("integer").add("string");
                node.put("description", either.value());
                return new CustomPropertyDefinition(node, CustomDefinition.AttributeInclusion.NO);
            }
            Unit unit = field.getAnnotationConsideringFieldAndGetter(Unit.class);
            if (unit == null) {
                return null;
            }
            boolean perDevice = field.getType().getErasedType() == ValueDistribution.class;
            return new CustomPropertyDefinition(perDevice ? distribution(unit.value()) : quantity(unit.value()),
                    CustomDefinition.AttributeInclusion.NO);
        });
        b.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            Class<?> erased = type.getErasedType();
            if (erased == JsonNode.class) {
                return new CustomDefinition(JsonNodeFactory.instance.objectNode(), CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.NO);
            }
            if (erased == Double.class || erased == double.class || erased == Float.class || erased == float.class) {
                return new CustomDefinition(number("number"), CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.YES);
            }
            if (erased == Integer.class || erased == int.class || erased == Long.class || erased == long.class) {
                return new CustomDefinition(number("integer"), CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.YES);
            }
            if (erased == ValueDistribution.class) {
                return new CustomDefinition(distribution(Dimension.COUNT), CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.NO);
            }
            if (erased == FadingSpec.class) {
                return new CustomDefinition(fading(), CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.NO);
            }
            if (erased == PathLossSpec.class) {
                return new CustomDefinition(pathLoss(), CustomDefinition.DefinitionType.INLINE,
                        CustomDefinition.AttributeInclusion.NO);
            }
            if (erased.isEnum()) {
                // The loader reads enums whatever their case; the schema offers the lower-case spelling and the constant's.
                ObjectNode e = JsonNodeFactory.instance.objectNode();
                e.put("type", "string");
                ArrayNode values = e.putArray("enum");
                for (Object c : erased.getEnumConstants()) {
                    String name = ((Enum<?>) c).name();
                    values.add(name.toLowerCase(Locale.ROOT).replace('_', '-'));
                    values.add(name);
                }
                return new CustomDefinition(e, CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.YES);
            }
            return null;
        });
        b.forTypesInGeneral().withTypeAttributeOverride((node, scope, context) -> {
            Class<?> erased = scope.getType().getErasedType();
            if (ProtocolSpec.class.isAssignableFrom(erased) && !erased.isInterface() && node.has("properties")) {
                // The discriminator: which protocol this mapping configures.
                ObjectNode type = ((ObjectNode) node.get("properties")).putObject("type");
                type.put("const", ProtocolSection.typeOf(erased));
                type.put("description", "the protocol");
            }
            if (erased == Scenario.class && node.has("properties")) {
                ObjectNode self = ((ObjectNode) node.get("properties")).putObject("$schema");
                self.put("type", "string");
                self.put("description", "the schema this file follows, for editors; the loader ignores it");
            }
        });
        ObjectNode schema = new SchemaGenerator(b.build()).generateSchema(Scenario.class);
        schema.put("$id", "https://edgesim.org/" + FILE_NAME);
        schema.put("title", "edgesim scenario");
        schema.put("description", "A scenario (or a study, with 'sweep') of edgesim; 'edgesim validate' checks what a"
                + " schema cannot: cross-field rules, files, claims against the study.");
        return schema;
    }


    /** A per-device value: one quantity for all, or a distribution of them. */
    static ObjectNode distribution(Dimension dimension) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode d = f.objectNode();
        ArrayNode any = d.putArray("anyOf");
        any.add(quantity(dimension));
        for (String kind : new String[] {"uniform", "choice", "grid", "blocks"}) {
            ObjectNode o = any.addObject();
            o.put("type", "object");
            o.putObject("properties").putObject(kind).put("type", "array").set("items", quantity(dimension));
            o.putArray("required").add(kind);
            o.put("additionalProperties", false);
        }
        d.put("description", "per device: one value for all, or {uniform: [lo, hi]}, {choice: [...]}, {grid: [from, to,"
                + " step]} drawn per device, or {blocks: [...]} in device order; each value "
                + quantity(dimension).get("description").asText());
        return d;
    }

    /** A fading law: a name, or a law with its parameter ({@code {law: rician, kFactor: 6 dB}}). */
    private static ObjectNode fading() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode p = f.objectNode();
        ArrayNode any = p.putArray("anyOf");
        ObjectNode name = any.addObject().put("type", "string")
                .put("description", "rayleigh (default) or none; any case");
        ArrayNode names = name.putArray("enum");
        for (String law : List.of("rayleigh", "none", "RAYLEIGH", "NONE")) {
            names.add(law);
        }
        ObjectNode law = any.addObject();
        law.put("type", "object");
        ObjectNode props = law.putObject("properties");
        ArrayNode laws = props.putObject("law").put("type", "string").putArray("enum");
        FadingSpec.LAWS.forEach(laws::add);
        props.set("kFactor", quantity(Dimension.DECIBEL));
        props.putObject("m").put("type", "number").put("minimum", 0.5).put("maximum", 1000)
                .put("description", "Nakagami's shape (0.5: one-sided Gaussian, 1: Rayleigh)");
        law.putArray("required").add("law");
        law.put("additionalProperties", false);
        return p;
    }

    /** A path loss: a preset's name, or a law {@code intercept + slope log10(d / reference)}. */
    private static ObjectNode pathLoss() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode p = f.objectNode();
        ArrayNode any = p.putArray("anyOf");
        any.addObject().put("type", "string").put("description", "a preset, e.g. urban-macro (128.1 + 37.6 log10 d[km])");
        ObjectNode law = any.addObject();
        law.put("type", "object");
        ObjectNode props = law.putObject("properties");
        props.putObject("preset").put("type", "string");
        props.set("intercept", quantity(Dimension.DECIBEL));
        props.set("slope", quantity(Dimension.DECIBEL));
        props.set("reference", quantity(Dimension.LENGTH));
        law.put("additionalProperties", false);
        ObjectNode model = any.addObject();
        model.put("type", "object").put("description", "a TR 38.901 model: UMa, UMi street canyon, RMa, indoor office");
        ObjectNode mp = model.putObject("properties");
        ArrayNode models = mp.putObject("model").put("type", "string").putArray("enum");
        for (org.edgesim.channel.tr38901.Environment e : org.edgesim.channel.tr38901.Environment.values()) {
            models.add(e.key());
        }
        mp.set("carrier", quantity(Dimension.FREQUENCY));
        mp.set("bsHeight", quantity(Dimension.LENGTH));
        mp.set("utHeight", quantity(Dimension.LENGTH));
        ArrayNode conditions = mp.putObject("condition").put("type", "string").putArray("enum");
        PathLossSpec.CONDITIONS.forEach(conditions::add);
        mp.putObject("shadowing").put("type", "boolean");
        mp.putObject("indoorShare").put("type", "number").put("minimum", 0).put("maximum", 1);
        mp.putObject("o2i").put("type", "string").putArray("enum").add("low").add("high");
        model.putArray("required").add("model").add("carrier");
        model.put("additionalProperties", false);
        return p;
    }

    /** A quantity of {@code dimension}: a number in its base unit, or a number and a unit. */
    static ObjectNode quantity(Dimension dimension) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode q = f.objectNode();
        ArrayNode any = q.putArray("anyOf");
        if (!dimension.needsUnit()) {
            any.addObject().put("type", "number");
        }
        if (!dimension.unitNames().isEmpty()) {
            String units = dimension.unitNames().stream().map(u -> u.replace(".", "\\.")).collect(Collectors.joining("|"));
            // A plain number in a string is read too where a unit is optional (decibels, counts).
            boolean optional = dimension == Dimension.DECIBEL || dimension == Dimension.COUNT;
            any.addObject().put("type", "string").put("pattern", "^\\s*" + NUMBER + "\\s*(" + units + ")"
                    + (optional ? "?" : "") + "\\s*$");
        } else {
            any.addObject().put("type", "string").put("pattern", "^\\s*" + NUMBER + "\\s*$");
        }
        String label = dimension.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        q.put("description", dimension.needsUnit()
                ? String.format(Locale.ROOT, "%s: a string with a unit (%s), never a plain number; plausible: %s", label,
                        String.join(", ", dimension.unitNames()), dimension.range())
                : String.format(Locale.ROOT, "%s: a number in %s%s; plausible: %s", label,
                        dimension.base().isEmpty() ? "plain units" : dimension.base(),
                        dimension.unitNames().isEmpty() ? "" : ", or a string with a unit ("
                                + String.join(", ", dimension.unitNames()) + ")", dimension.range()));
        return q;
    }
}

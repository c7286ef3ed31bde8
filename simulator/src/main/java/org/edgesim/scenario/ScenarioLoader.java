package org.edgesim.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads scenario files (YAML: {@code .yaml}/{@code .yml}; JSON: {@code .json}) into
 * {@link Scenario}s, or fails with a one-line {@link ScenarioException}.
 */
public final class ScenarioLoader {
    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");
    private final List<Check> checks = new ArrayList<>();

    /** A rule that needs the whole scenario, e.g. that the scheduler exists for the protocol. */
    @FunctionalInterface
    public interface Check {
        /** Throws {@link InvalidField} with a root-relative dotted field if the scenario breaks the rule. */
        void check(Scenario scenario);
    }

    /**
     * The numeric round columns a scenario's runs write (their headers), what a study's claims
     * may measure; null when the loader does not know the protocols.
     */
    private java.util.function.Function<Scenario, List<String>> roundColumns;

    /** Tells the loader which numeric round columns a scenario's runs write (the catalog knows). */
    public ScenarioLoader withRoundColumns(java.util.function.Function<Scenario, List<String>> columns) {
        this.roundColumns = columns;
        return this;
    }

    /** The numeric round columns of {@code s}'s runs, or null when unknown. */
    public List<String> roundColumns(Scenario s) {
        return roundColumns == null ? null : roundColumns.apply(s);
    }

    /** Adds a rule checked after binding, reported with the field's location. */
    public ScenarioLoader withCheck(Check check) {
        checks.add(check);
        return this;
    }

    /** Reads {@code file}. */
    public Scenario load(Path file) throws ScenarioException {
        return parse(file.toString(), read(file), Format.of(file.toString()));
    }

    /**
     * Reads {@code file} as a study would be read: a scenario with a {@code sweep} is returned
     * unchecked (its loader checks it point by point, with {@code --quick} its quick points), any
     * other scenario checked whole.
     */
    public Scenario loadForRun(Path file) throws ScenarioException {
        String name = file.toString();
        String text = read(file);
        Format format = Format.of(name);
        if (CalibrationSpec.isCalibration(text)) {
            int line = text.lines().takeWhile(l -> !l.startsWith("calibration:")).toList().size() + 1;
            throw new ScenarioException(name, line, 1, "calibration", "a channel calibration, not a scenario to run:"
                    + " 'edgesim reproduce <its name>' runs it, 'edgesim validate' checks it");
        }
        Scenario s = parse(name, text, format, false);
        return s.sweep() != null ? s : check(name, text, format, s);
    }

    /** The checks added with {@link #withCheck}. */
    public List<Check> checks() {
        return List.copyOf(checks);
    }

    /** The largest scenario file read, in bytes: far above any scenario, far below what would exhaust memory. */
    static final int LARGEST_FILE = 16 * 1024 * 1024;

    /**
     * The longest line of a YAML scenario, in characters. SnakeYAML copies its look-ahead window
     * each time it reads on within one token, so a run of n characters without a line break takes
     * time in n squared (1 MB took 14 s, 50 MB never ended); lines of this length stay linear.
     */
    static final int LONGEST_YAML_LINE = 65_536;

    /** The text of a scenario file, or a located error. */
    public static String read(Path file) throws ScenarioException {
        return read(file, LARGEST_FILE);
    }

    /**
     * The text of {@code file}, read whole only if it is a regular file of at most {@code limit}
     * bytes: the size is judged by reading at most {@code limit + 1} bytes, since a device reports
     * none and a sparse file one it does not hold.
     */
    static String read(Path file, int limit) throws ScenarioException {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new ScenarioException(name, 0, 0, "", "no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new ScenarioException(name, 0, 0, "", "is not a regular file (a scenario is read from a file, not a"
                    + " device, pipe or folder)");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(limit + 1);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(name, 0, 0, "", "no such file");
        } catch (IOException e) {
            throw new ScenarioException(name, 0, 0, "", "cannot read: " + e.getMessage());
        }
        if (bytes.length > limit) {
            throw new ScenarioException(name, 0, 0, "", "is larger than " + bytesInWords(limit)
                    + " (the limit for scenario files)");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ScenarioException(name, 0, 0, "", "not UTF-8 text");
        }
    }

    private static String bytesInWords(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    /** Refuses a YAML line over {@link #LONGEST_YAML_LINE}, at its line, before SnakeYAML scans it. */
    private static void checkLines(String name, String text) throws ScenarioException {
        int line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c != '\n' && c != '\r') {
                continue;
            }
            int length = i - start;
            if (length > LONGEST_YAML_LINE) {
                throw new ScenarioException(name, line, LONGEST_YAML_LINE + 1, "", String.format(Locale.ROOT,
                        "line %d is %,d characters long; a YAML scenario's lines may have at most %,d (write a long list"
                        + " one item a line, or use JSON)", line, length, LONGEST_YAML_LINE));
            }
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                i++; // CR LF is one line break
            }
            line++;
            start = i + 1;
        }
    }

    /** The two scenario syntaxes. */
    public enum Format {
        YAML, JSON;

        public static Format of(String fileName) throws ScenarioException {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                return YAML;
            }
            if (lower.endsWith(".json")) {
                return JSON;
            }
            throw new ScenarioException(fileName, 0, 0, "", "unknown scenario format; name the file *.yaml, *.yml or *.json");
        }
    }

    /** Reads scenario {@code text}; {@code name} is used in messages. */
    public Scenario parse(String name, String text, Format format) throws ScenarioException {
        return parse(name, text, format, true);
    }

    /**
     * As {@link #parse(String, String, Format)}; without {@code checks} only the binding's own rules
     * apply (a study checks its design points instead, e.g. with its quick overrides applied).
     */
    public Scenario parse(String name, String text, Format format, boolean checks) throws ScenarioException {
        ObjectMapper mapper = mapper(format);
        if (text.isBlank()) {
            throw new ScenarioException(name, 1, 1, "", "the file is empty; a scenario is a mapping of keys to values");
        }
        if (format == Format.YAML) {
            checkLines(name, text);
        }
        LocationIndex index = LocationIndex.of(mapper.getFactory(), text);
        checkTokens(name, mapper, text);
        Scenario scenario;
        try {
            scenario = mapper.readValue(text, Scenario.class);
        } catch (JsonProcessingException e) {
            throw translate(name, e, index);
        }
        if (scenario == null) {
            throw new ScenarioException(name, 1, 1, "", "the file holds no scenario mapping");
        }
        if (checks) {
            check(name, index, scenario);
        }
        return scenario;
    }

    /**
     * Runs the checks added with {@link #withCheck} on {@code scenario}, read from {@code text}
     * without them ({@link #parse(String, String, Format, boolean)}), so it is bound only once.
     */
    public Scenario check(String name, String text, Format format, Scenario scenario) throws ScenarioException {
        check(name, LocationIndex.of(mapper(format).getFactory(), text), scenario);
        return scenario;
    }

    private void check(String name, LocationIndex index, Scenario scenario) throws ScenarioException {
        for (Check check : checks) {
            try {
                check.check(scenario);
            } catch (InvalidField e) {
                String pointer = "/" + e.field().replace('.', '/');
                int[] loc = index.find(pointer);
                throw new ScenarioException(name, loc[0], loc[1], e.field(), e.rule(), e.isDataMissing());
            }
        }
    }

    /**
     * Refuses explicit nulls (a key with no value) and YAML aliases, which Jackson would bind as
     * a missing value and as the anchor's name: each at its line, with its field.
     */
    static void checkTokens(String name, ObjectMapper mapper, String text) throws ScenarioException {
        try (com.fasterxml.jackson.core.JsonParser p = mapper.getFactory().createParser(text)) {
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                boolean alias = p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias();
                if (t != com.fasterxml.jackson.core.JsonToken.VALUE_NULL && !alias) {
                    continue;
                }
                String pointer = p.getParsingContext().pathAsPointer().toString();
                String field = pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.');
                JsonLocation at = p.currentTokenLocation();
                throw new ScenarioException(name, at.getLineNr(), at.getColumnNr(), field, alias
                        ? "YAML aliases (*" + p.getText() + ") are not supported: write the value itself"
                        : "must not be null (leave the key out for its default)");
            }
        } catch (java.io.IOException e) {
            // A document that does not parse is reported by the binder with its own location.
        }
    }

    /** The mapper scenarios are read with: strict about keys, types and duplicates. */
    public static ObjectMapper mapper(Format format) {
        SimpleModule units = new SimpleModule("edgesim-units");
        units.addDeserializer(Double.class, new QuantityDeserializer(null));
        units.addDeserializer(double.class, new QuantityDeserializer(null));
        units.addDeserializer(ValueDistribution.class, new ValueDistributionDeserializer(Dimension.COUNT));
        var builder = format == Format.YAML
                ? YAMLMapper.builder(YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .loaderOptions(yamlOptions()).build())
                : JsonMapper.builder(JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
        return builder
                .addModule(units)
                // The protocol sections on the class path, each by its record's @JsonTypeName.
                .registerSubtypes(ProtocolSection.all().stream().map(ProtocolSection::spec).toArray(Class<?>[]::new))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
                .enable(SerializationFeature.INDENT_OUTPUT)
                // Resolved scenarios (manifests, study files) leave absent values out, so they read back.
                .defaultPropertyInclusion(com.fasterxml.jackson.annotation.JsonInclude.Value.construct(
                        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL,
                        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
                .build();
    }

    /**
     * A resolved scenario (a manifest's, a study file's {@code scenario}) read back: written by
     * edgesim in base units, so a power's plain number is its watts here, and only here.
     */
    public static Scenario resolved(ObjectMapper mapper, com.fasterxml.jackson.databind.JsonNode scenario)
            throws IOException {
        return mapper.readerFor(Scenario.class).withAttribute(QuantityDeserializer.RESOLVED, Boolean.TRUE)
                .readValue(scenario);
    }

    /** SnakeYAML's own size limit (3 MiB) raised above {@link #LARGEST_FILE}, so that limit is the one stated. */
    private static LoaderOptions yamlOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(LARGEST_FILE + 1);
        return options;
    }

    public static ScenarioException translate(String name, JsonProcessingException e, LocationIndex index) {
        String field = e instanceof JsonMappingException m ? dotted(m.getPath()) : "";
        String pointer = e instanceof JsonMappingException m ? pointer(m.getPath()) : "";
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int column = loc == null ? 0 : loc.getColumnNr();
        String rule;
        StreamReadException syntax = syntaxCause(e);
        if (syntax != null) {
            JsonLocation at = syntax.getLocation();
            return new ScenarioException(name, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "",
                    "syntax error: " + syntax.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            rule = "unknown key '" + u.getPropertyName() + "'" + suggestion(u.getPropertyName(), u.getKnownPropertyIds())
                    + "; known keys: " + known(u.getKnownPropertyIds());
            int[] at = index.find(pointer);
            line = at[0];
            column = at[1];
        } else if (e instanceof InvalidTypeIdException t) {
            String known = String.join(", ", ProtocolSection.all().stream().map(ProtocolSection::type).toList());
            rule = t.getTypeId() == null ? "missing key 'type' (which protocol: " + known + ")"
                    : "unknown type '" + t.getTypeId() + "'; known: " + known;
            field = field.isEmpty() ? "type" : field + ".type";
        } else if (e instanceof ValueInstantiationException v && v.getCause() instanceof InvalidField f) {
            String prefix = pointer;
            field = join(field, f.field());
            int[] at = index.find(prefix + "/" + f.field().replace('.', '/'));
            line = at[0];
            column = at[1];
            rule = f.rule();
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            rule = "'" + f.getValue() + "' is not one of " + enumNames(f.getTargetType());
        } else if (e instanceof MismatchedInputException mi && mi.getOriginalMessage().startsWith("Missing required creator property")) {
            Matcher m = MISSING.matcher(mi.getOriginalMessage());
            String missing = m.find() ? m.group(1) : "?";
            String objectPointer = pointer.endsWith("/" + missing) ? pointer.substring(0, pointer.lastIndexOf('/')) : pointer;
            ScenarioException unknown = unknownKeyIn(name, objectPointer, recordAt(objectPointer), index);
            if (unknown != null) {
                return unknown; // Jackson checks required keys before unknown ones; a typo is the likelier cause
            }
            int[] at = index.find(objectPointer);
            if (at[0] > 0) {
                line = at[0];
                column = at[1];
            }
            if (!field.equals(missing) && !field.endsWith("." + missing)) {
                field = join(field, missing);
            }
            rule = "missing required key '" + missing + "'";
        } else if (e instanceof MismatchedInputException mi) {
            rule = plain(mi);
        } else if (e instanceof JsonMappingException m) {
            rule = m.getOriginalMessage();
        } else {
            rule = "syntax error: " + e.getOriginalMessage();
        }
        return new ScenarioException(name, line, column, field, rule);
    }

    private static StreamReadException syntaxCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException s) {
                return s;
            }
        }
        return null;
    }

    /** The record type bound at {@code pointer} (a JSON pointer from the root), or null. */
    private static Class<?> recordAt(String pointer) {
        Class<?> type = Scenario.class;
        for (String segment : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/")) {
            Class<?> next = null;
            for (Class<?> candidate : concrete(type)) {
                for (var c : candidate.getRecordComponents()) {
                    if (c.getName().equals(segment)) {
                        next = c.getType();
                    }
                }
            }
            if (next == null) {
                return null;
            }
            type = next;
        }
        return type;
    }

    /** A record type itself, or the records permitted by a sealed interface. */
    private static List<Class<?>> concrete(Class<?> type) {
        if (type.isRecord()) {
            return List.of(type);
        }
        if (type == ProtocolSpec.class) {
            return ProtocolSection.all().stream().<Class<?>>map(ProtocolSection::spec).toList();
        }
        return type.isSealed() ? List.of(type.getPermittedSubclasses()) : List.of();
    }

    /** The first key of the object at {@code pointer} that its record type does not have, as an error. */
    private static ScenarioException unknownKeyIn(String name, String pointer, Class<?> type, LocationIndex index) {
        if (type == null || concrete(type).isEmpty()) {
            return null;
        }
        List<Object> known = new ArrayList<>();
        for (Class<?> record : concrete(type)) {
            for (var c : record.getRecordComponents()) {
                if (!known.contains(c.getName())) {
                    known.add(c.getName());
                }
            }
        }
        if (ProtocolSpec.class.isAssignableFrom(type)) {
            known.add("type");
        }
        if (type == Scenario.class) {
            known.add("$schema"); // read and ignored
        }
        for (String key : index.keysOf(pointer)) {
            if (!known.contains(key)) {
                int[] at = index.find(pointer + "/" + key);
                String field = (pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.') + ".") + key;
                return new ScenarioException(name, at[0], at[1], field, "unknown key '" + key + "'"
                        + suggestion(key, known) + "; known keys: " + known(known));
            }
        }
        return null;
    }

    /** A type mismatch in plain words: what was expected, and the offending token as the parser saw it. */
    private static String plain(MismatchedInputException e) {
        String first = e.getOriginalMessage().split("\\R", 2)[0];
        boolean typeMismatch = first.startsWith("Cannot deserialize value of type") || first.startsWith("Cannot coerce")
                || first.startsWith("Cannot construct instance");
        if (!typeMismatch) {
            return first;
        }
        String got = "another type";
        Matcher text = Pattern.compile("from String \"(.*?)\"").matcher(first);
        Matcher number = Pattern.compile("Cannot coerce [\\w-]+ value \\((.*?)\\)").matcher(first);
        if (text.find()) {
            got = "the text '" + text.group(1) + "'";
        } else if (number.find()) {
            String v = number.group(1);
            got = v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? "the text '" + v.substring(1, v.length() - 1)
                    + "'" : "'" + v + "'";
        } else if (first.contains("from Object value")) {
            got = "a mapping";
        } else if (first.contains("from Array value")) {
            got = "a list";
        }
        return "expected " + describe(e.getTargetType()) + ", got " + got;
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + enumNames(type);
        }
        return "a mapping";
    }

    private static String enumNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            try {
                var json = type.getField(((Enum<?>) c).name()).getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                names.add(json != null ? json.value() : ((Enum<?>) c).name().toLowerCase(Locale.ROOT));
            } catch (NoSuchFieldException ex) {
                names.add(c.toString());
            }
        }
        return names.toString();
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "?" : ids.stream().map(Object::toString).sorted().toList().toString();
    }

    private static String suggestion(String bad, Collection<Object> ids) {
        if (ids == null) {
            return "";
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Object id : ids) {
            int d = levenshtein(bad.toLowerCase(Locale.ROOT), id.toString().toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = id.toString();
            }
        }
        return best != null && bestDistance <= Math.max(2, bad.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "." + b;
    }

    static String dotted(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) {
                sb.append('/').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('/').append(r.getIndex());
            }
        }
        return sb.toString();
    }
}

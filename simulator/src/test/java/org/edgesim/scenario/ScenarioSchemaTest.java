package org.edgesim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated JSON Schema accepts every shipped scenario and refuses what the loader refuses. */
public class ScenarioSchemaTest {
    private static Schema schema;

    @BeforeAll
    static void generate() {
        ObjectNode generated = ScenarioSchema.generate();
        assertEquals("https://json-schema.org/draft/2020-12/schema", generated.get("$schema").asText());
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(generated);
    }

    private static List<Error> errors(JsonNode scenario) {
        return schema.validate(scenario);
    }

    /** The scenarios and examples of the repository (the working directory is simulator/). */
    static List<Path> shipped() throws IOException {
        try (Stream<Path> a = Files.walk(Path.of("..", "scenarios")); Stream<Path> b = Files.walk(Path.of("..", "examples"))) {
            return Stream.concat(a, b).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".json") && !p.endsWith(ScenarioSchema.FILE_NAME))
                    .filter(p -> !p.toString().contains("node_modules")).filter(p -> !calibration(p)).sorted().toList();
        }
    }

    /** Channel calibration files are not scenarios (CalibrationSpec reads them; CalibrationSpecTest checks them). */
    private static boolean calibration(Path p) {
        try {
            return CalibrationSpec.isCalibration(Files.readString(p));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyShippedScenarioValidates() throws IOException {
        List<Path> files = shipped();
        assertTrue(files.size() >= 30, "found " + files);
        YAMLMapper yaml = new YAMLMapper();
        for (Path f : files) {
            JsonNode node = f.toString().endsWith(".json") ? new ObjectMapper().readTree(f.toFile()) : yaml.readTree(f.toFile());
            assertEquals(List.of(), errors(node), f.toString());
        }
    }

    private static ObjectNode minimal() throws IOException {
        return (ObjectNode) new YAMLMapper().readTree("""
                $schema: ./edgesim-scenario.schema.json
                name: s
                seed: 1
                rounds: 2
                cell: {radius: 200 m}
                radio: {bandwidth: 10 MHz, noiseDensity: -174 dBm/Hz, pathLoss: urban-macro, fading: rayleigh,
                        apPower: 28 dBm, devicePower: 28 dBm}
                devices: {count: 3, cpu: {speed: 1 GHz}}
                protocol: {type: feel, maxBatch: 64, modelParameters: 1000, cyclesPerSample: 2e6, trainingSamples: 600}
                scheduler: feel-proposed
                """);
    }

    @Test
    void itRefusesWhatTheLoaderRefuses() throws IOException {
        assertEquals(List.of(), errors(minimal()), "the minimal scenario, with $schema");
        ObjectNode unknown = minimal();
        unknown.put("roundz", 3);
        assertFalse(errors(unknown).isEmpty(), "an unknown key");
        ObjectNode unit = minimal();
        ((ObjectNode) unit.get("radio")).put("bandwidth", "10 MHz/s");
        assertFalse(errors(unit).isEmpty(), "a unit that is not a frequency's");
        ObjectNode bare = minimal();
        ((ObjectNode) bare.get("radio")).put("devicePower", 23);
        assertFalse(errors(bare).isEmpty(), "a power without a unit");
        ObjectNode bareInText = minimal();
        ((ObjectNode) bareInText.get("radio")).put("noiseDensity", "-174");
        assertFalse(errors(bareInText).isEmpty(), "a power density without a unit, in a string");
        ObjectNode missing = minimal();
        missing.remove("seed");
        assertFalse(errors(missing).isEmpty(), "a required key missing");
        ObjectNode protocol = minimal();
        ((ObjectNode) protocol.get("protocol")).put("type", "fedsgd");
        assertFalse(errors(protocol).isEmpty(), "an unknown protocol");
        ObjectNode foreign = minimal();
        ((ObjectNode) foreign.get("protocol")).put("groups", 4);
        assertFalse(errors(foreign).isEmpty(), "a PARTEL key in a FEEL protocol");
    }

    @Test
    void theLoaderReadsAndIgnoresSchemaKey() throws Exception {
        String text = new YAMLMapper().writeValueAsString(minimal());
        Scenario s = org.edgesim.simulation.Catalog.standard().loader().parse("s.yaml", text, ScenarioLoader.Format.YAML);
        assertEquals("s", s.name());
    }

    /** The protocol sections of the main class path (the tests add a protocol of their own, which ships nowhere). */
    /** The shipped protocols' sections (the test class path adds a test-only protocol). */
    public static List<ProtocolSection> shippedProtocols() {
        return ProtocolSection.all().stream().filter(p -> !p.getClass().getProtectionDomain().getCodeSource()
                .getLocation().getPath().contains("test-classes")).toList();
    }

    @Test
    void theShippedSchemaFileIsTheGeneratedOne() throws IOException {
        String generated = new ObjectMapper().enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(ScenarioSchema.generate(shippedProtocols())) + "\n";
        assertEquals(generated, Files.readString(Path.of("..", "scenarios", ScenarioSchema.FILE_NAME)),
                "regenerate it: ./edgesim schema -o scenarios/" + ScenarioSchema.FILE_NAME);
    }

    @Test
    void aBrokenScenarioWithSchemaKeyIsBlamedForWhatIsBroken() throws Exception {
        ObjectNode broken = minimal();
        broken.remove("seed");
        String text = new YAMLMapper().writeValueAsString(broken);
        var e = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class, () ->
                org.edgesim.simulation.Catalog.standard().loader().parse("s.yaml", text, ScenarioLoader.Format.YAML));
        assertTrue(e.getMessage().contains("seed") && !e.getMessage().contains("unknown key '$schema'"), e.getMessage());
    }

    @Test
    void aQuantitySaysItsUnitsAndRange() {
        String text = ScenarioSchema.quantity(Dimension.FREQUENCY).toString();
        assertTrue(text.contains("Hz, kHz, MHz, GHz") && text.contains("1 kHz to 100 GHz"), text);
    }
}

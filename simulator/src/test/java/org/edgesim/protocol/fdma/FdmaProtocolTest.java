package org.edgesim.protocol.fdma;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.ProtocolContractTest;
import org.edgesim.protocol.RunResult;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.scenario.ScenarioSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fifth protocol costs one folder: FedAvg over FDMA, under {@code src/test} only, reaches the
 * catalog, the loader (with located errors), the schema, {@code edgesim list}, external schedulers
 * (its snapshot is its record as JSON) and the protocol contract ({@link ProtocolContractTest} runs
 * it with the four), and its executed round is its closed form: the slowest device's computation
 * plus its upload on its share.
 */
class FdmaProtocolTest {
    private static final Path PYTHON = Path.of("..", "examples", "python").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private static Scenario scenario(String extra) throws Exception {
        return ProtocolContractTest.scenario(FdmaSpec.TYPE, "", "", extra);
    }

    @Test
    void theCatalogTheListAndTheSchemaFindIt() throws Exception {
        Catalog c = Catalog.standard();
        assertTrue(c.protocol(FdmaSpec.TYPE).isPresent());
        assertTrue(c.schedulers().find(FdmaSpec.TYPE, "fdma-equal").isPresent());
        java.io.StringWriter out = new java.io.StringWriter();
        assertEquals(0, org.edgesim.cli.Main.execute(new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(new java.io.StringWriter(), true), "list"));
        assertTrue(out.toString().contains(FdmaSpec.TYPE) && out.toString().contains("fdma-equal"), out.toString());
        JsonNode schema = ScenarioSchema.generate();
        assertTrue(schema.toString().contains("\"const\":\"fedavg-fdma\""), "the schema offers the section");
        String yaml = ProtocolContractTest.base(FdmaSpec.TYPE);
        JsonNode scenario = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(yaml);
        assertEquals(java.util.List.of(), SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(schema).validate(scenario));
        ScenarioException bad = assertThrows(ScenarioException.class, () -> Catalog.standard().loader().parse(
                "fdma.yaml", yaml.replace("modelBits: 2e6", "modelBits: -1"), ScenarioLoader.Format.YAML));
        assertEquals("protocol.modelBits", bad.field());
        assertEquals("fdma.yaml:20:3: protocol.modelBits: must be > 0, got -1.0", bad.getMessage());
    }

    /**
     * Loaded from outside edgesim's own classes (here the test classes' folder), the module is a
     * plug-in: its schedulers say where they came from, and its code identifies its runs, so that a
     * changed plug-in is never resumed into results its old code made. A built-in protocol's runs
     * name no plug-in.
     */
    @Test
    void aPluginProtocolsCodeIdentifiesItsRuns() throws Exception {
        Catalog c = Catalog.standard();
        String folder = Path.of(FdmaModule.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        var provider = c.schedulers().find(FdmaSpec.TYPE, "fdma-equal").orElseThrow();
        assertEquals(folder, c.schedulers().origin(provider));
        assertEquals(java.util.List.of(folder), java.util.List.copyOf(c.codeIdentity(scenario(""),
                java.util.List.of("fdma-equal")).plugins().keySet()));
        var builtIn = c.schedulers().find("partel", "joint-paba").orElseThrow();
        assertEquals(org.edgesim.sched.SchedulerRegistry.BUILT_IN, c.schedulers().origin(builtIn));
        Scenario partel = Catalog.standard().loader().parse("p.yaml", org.edgesim.scenario.TestScenarios.partelYaml(),
                ScenarioLoader.Format.YAML).single();
        assertTrue(c.codeIdentity(partel, java.util.List.of("joint-paba")).plugins().isEmpty());
    }

    @Test
    void theExecutedRoundIsTheSlowestComputationPlusItsUpload() throws Exception {
        RunResult r = new Simulation(Catalog.standard()).run(scenario(""));
        double[] uplink = column(r.rounds(), "uplink_s");
        double[] rate = column(r.devices(), "rate_bit_per_s");
        double[] uploaded = column(r.devices(), "uploaded_s");
        int n = rate.length / uplink.length;
        for (int round = 0; round < uplink.length; round++) {
            double slowest = 0;
            for (int k = round * n; k < (round + 1) * n; k++) {
                assertEquals(0.5 + 2e6 / rate[k], uploaded[k], 1e-9, "device row " + k);
                slowest = Math.max(slowest, uploaded[k]);
            }
            assertEquals(slowest, uplink[round], 1e-12);
        }
    }

    @Test
    void anExternalSchedulerReadsItsRecordAsJson() throws Exception {
        Path script = dir.resolve("fdma_equal.py");
        Files.writeString(script, String.join("\n", "import sys", "sys.path.insert(0, '" + PYTHON + "')",
                "from edgesim_scheduler import serve", "",
                "def plan(s):",
                "    assert set(s) == {'round', 'band_hz', 'power_w', 'noise_density', 'model_bits', 'compute_s',"
                        + " 'large_scale'}, sorted(s)",
                "    n = len(s['large_scale'])",
                "    return {'shares': [1.0 / n] * n}", "",
                "serve(plan)", ""));
        Scenario builtIn = scenario("");
        String yaml = ProtocolContractTest.base(FdmaSpec.TYPE).replace("scheduler: fdma-equal",
                        "scheduler: python-equal\nexternalSchedulers:\n  python-equal:\n    command: [python3, " + script
                                + "]\n");
        Scenario external = Catalog.standard().loader().parse("fdma.yaml", yaml, ScenarioLoader.Format.YAML).single();
        RunResult a = new Simulation(Catalog.standard()).run(builtIn);
        RunResult b = new Simulation(Catalog.standard()).run(external);
        assertArrayEquals(column(a.rounds(), "end_s"), column(b.rounds(), "end_s"));
        assertArrayEquals(column(a.devices(), "share"), column(b.devices(), "share"));
    }
}

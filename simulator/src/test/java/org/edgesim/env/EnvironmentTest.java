package org.edgesim.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgesim.protocol.ProtocolContractTest;
import org.edgesim.scenario.EnvironmentSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The step environment: an episode is the run a built-in scheduler would make when handed the same
 * plans (rewards are its rounds' realised latencies, negated); the same seed and plans give the
 * same bytes; a refused plan is an error reply and the round still waits; environments in one
 * process share nothing; the server answers every line, errors included, and goes on.
 */
class EnvironmentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The tests' FedAvg-over-FDMA scenario (3 rounds, 6 devices). */
    private static Scenario fdma() throws Exception {
        return Catalog.standard().loader().parse("fdma.yaml", ProtocolContractTest.base("fedavg-fdma"),
                ScenarioLoader.Format.YAML).single();
    }

    private static JsonNode shares(double... s) {
        ObjectNode plan = JSON.createObjectNode();
        var a = plan.putArray("shares");
        for (double v : s) {
            a.add(v);
        }
        return plan;
    }

    private static JsonNode equal(int n) {
        double[] s = new double[n];
        java.util.Arrays.fill(s, 1.0 / n);
        return shares(s);
    }

    /** An episode of equal shares: the replies as text. */
    private static List<String> episode(Environment env, long seed) {
        List<String> replies = new ArrayList<>();
        ObjectNode first = env.reset(seed);
        replies.add(first.toString());
        int n = first.get("observation").get("large_scale").size();
        for (int r = 0; r < 3; r++) {
            replies.add(env.step(equal(n)).toString());
        }
        return replies;
    }

    @Test
    void anEpisodeIsTheRunOfTheSamePlansAndItsRewardsItsLatencies() throws Exception {
        Scenario s = fdma();
        try (Environment env = new Environment(Catalog.standard(), s, "a")) {
            ObjectNode first = env.reset(null);
            assertEquals(1, first.get("info").get("round").asInt());
            List<Double> rewards = new ArrayList<>();
            ObjectNode last = null;
            for (int r = 0; r < 3; r++) {
                last = env.step(equal(6));
                rewards.add(last.get("reward").asDouble());
                assertEquals(-last.get("info").get("realised_latency_s").asDouble(), last.get("reward").asDouble());
                assertEquals(r == 2, last.get("terminated").asBoolean());
                assertFalse(last.get("truncated").asBoolean());
            }
            assertTrue(last.get("observation").isNull(), "no observation after the last round");
            // The built-in equal-shares scheduler makes the same run.
            double[] realised = org.edgesim.report.TableColumns.column(new Simulation(Catalog.standard()).run(s).rounds(),
                    "realised_latency_s");
            for (int r = 0; r < 3; r++) {
                assertEquals(-realised[r], rewards.get(r), 0.0);
            }
            assertEquals(3, last.get("info").get("rounds").size());
            IllegalStateException over = assertThrows(IllegalStateException.class, () -> env.step(equal(6)));
            assertTrue(over.getMessage().contains("reset"), over.getMessage());
        }
    }

    @Test
    void theSameSeedAndPlansGiveTheSameBytesAndEnvironmentsShareNothing() throws Exception {
        Scenario s = fdma();
        try (Environment a = new Environment(Catalog.standard(), s, "a");
             Environment b = new Environment(Catalog.standard(), s, "b")) {
            List<String> alone = episode(a, 7);
            assertEquals(alone, episode(a, 7), "the same seed and plans: the same bytes");
            assertFalse(alone.equals(episode(a, 8)), "another seed, another episode");
            // Interleaved, step by step, each environment gives what it gives alone.
            ObjectNode ra = a.reset(7L);
            ObjectNode rb = b.reset(8L);
            List<String> inA = new ArrayList<>(List.of(ra.toString()));
            List<String> inB = new ArrayList<>(List.of(rb.toString()));
            for (int r = 0; r < 3; r++) {
                inA.add(a.step(equal(6)).toString());
                inB.add(b.step(equal(6)).toString());
            }
            assertEquals(alone, inA);
            assertEquals(episode(b, 8), inB);
        }
    }

    @Test
    void aRefusedPlanIsAnErrorAndTheRoundStillWaits() throws Exception {
        try (Environment env = new Environment(Catalog.standard(), fdma(), "a")) {
            List<String> plain = episode(env, 3);
            env.reset(3L);
            ObjectNode refused = env.step(shares(0.5, 0.5, 0.5, 0.5, 0.5, 0.5));
            assertTrue(refused.get("error").asText().contains("more than the band"), refused.toString());
            ObjectNode wrongSize = env.step(shares(0.5));
            assertTrue(wrongSize.has("error"), wrongSize.toString());
            List<String> after = new ArrayList<>(List.of(plain.get(0)));
            for (int r = 0; r < 3; r++) {
                after.add(env.step(equal(6)).toString());
            }
            assertEquals(plain, after, "the refusals changed nothing");
        }
    }

    @Test
    void whatAStepCannotBeIsRefusedAndATimeLimitTruncates() throws Exception {
        Catalog c = Catalog.standard();
        Scenario mel = c.loader().parse("mel.yaml", ProtocolContractTest.base("async-mel"), ScenarioLoader.Format.YAML)
                .single();
        IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class,
                () -> new Environment(c, mel, "m"));
        assertTrue(fixed.getMessage().contains("fixed length"), fixed.getMessage());
        Scenario noEnergy = c.loader().parse("fdma.yaml", ProtocolContractTest.base("fedavg-fdma")
                .replace("    capacitance: 1e-28\n", ""), ScenarioLoader.Format.YAML).single();
        IllegalArgumentException energy = assertThrows(IllegalArgumentException.class,
                () -> new Environment(c, noEnergy, new Reward(EnvironmentSpec.LATENCY_ENERGY, 0.1), Layout.ROWS, "e"));
        assertTrue(energy.getMessage().contains("energy model"), energy.getMessage());
        Scenario auto = c.loader().parse("cpsl.yaml", ProtocolContractTest.base("cpsl").replace("cut: 3", "cut: auto")
                .replace("gibbsIterations: 20", "gibbsIterations: 20\n  saaSamples: 2"), ScenarioLoader.Format.YAML).single();
        try (Environment env = new Environment(c, auto, "c")) {
            RuntimeException before = assertThrows(RuntimeException.class, () -> env.reset(1L));
            assertTrue(before.getMessage().contains("before round 1"), before.getMessage());
        }
        // A time limit that the first round crosses: the episode is cut short after it.
        Scenario s = fdma();
        double first = org.edgesim.report.TableColumns.column(new Simulation(c).run(s).rounds(), "end_s")[0];
        Scenario limited = c.loader().parse("fdma.yaml", ProtocolContractTest.base("fedavg-fdma")
                .replace("rounds: 3\n", "rounds: 3\ntimeLimit: " + first / 2 + " s\n"), ScenarioLoader.Format.YAML)
                .single();
        try (Environment env = new Environment(c, limited, "t")) {
            env.reset(null);
            ObjectNode only = env.step(equal(6));
            assertTrue(only.get("truncated").asBoolean() && !only.get("terminated").asBoolean(), only.toString());
            assertEquals(-first, only.get("reward").asDouble(), 1e-12);
        }
    }

    @Test
    void theServerAnswersEveryLineAndGoesOnAfterErrors() throws Exception {
        Path file = dir.resolve("fdma.yaml");
        Files.writeString(file, ProtocolContractTest.base("fedavg-fdma"));
        String in = String.join("\n",
                "{\"cmd\": \"make\", \"env\": \"x\", \"scenario\": \"" + file + "\"}",
                "not json",
                "{\"cmd\": \"step\", \"env\": \"nobody\", \"plan\": {}}",
                "{\"cmd\": \"reset\", \"env\": \"x\", \"seed\": \"abc\"}",
                "{\"cmd\": \"reset\", \"env\": \"x\", \"seed\": 7}",
                "{\"cmd\": \"step\", \"env\": \"x\", \"plan\": {\"shares\": [2]}}",
                "{\"cmd\": \"step\", \"env\": \"x\", \"plan\": " + equal(6) + "}",
                "{\"cmd\": \"make\", \"env\": \"y\", \"scenario\": \"" + dir.resolve("missing.yaml") + "\"}",
                "{\"cmd\": \"close\", \"env\": \"x\"}", "");
        StringWriter out = new StringWriter();
        new Server(Catalog.standard()).serve(new StringReader(in), out);
        List<JsonNode> replies = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            replies.add(JSON.readTree(line));
        }
        assertEquals(9, replies.size(), out.toString());
        assertTrue(replies.get(0).get("made").asBoolean());
        assertTrue(replies.get(1).get("error").asText().startsWith("not JSON"));
        assertTrue(replies.get(2).get("error").asText().contains("no environment 'nobody'"));
        assertEquals("\"seed\" must be an integer, got \"abc\"", replies.remove(3).get("error").asText());
        assertEquals(1, replies.get(3).get("info").get("round").asInt());
        assertTrue(replies.get(4).get("error").asText().startsWith("plan refused"));
        assertEquals(-replies.get(5).get("info").get("realised_latency_s").asDouble(),
                replies.get(5).get("reward").asDouble());
        assertTrue(replies.get(6).get("error").asText().contains("missing.yaml"), replies.get(6).toString());
        assertTrue(replies.get(7).get("closed").asBoolean());
        Environment env = new Environment(Catalog.standard(), fdma(), "z");
        try (env) {
            assertEquals(JSON.readTree(episode(env, 7).get(1)), ((ObjectNode) replies.get(5)).without("env"));
        }
    }

    @Test
    void columnsHoldTheRowsNumbersKeyByKey() throws Exception {
        Scenario s = Catalog.standard().loader().parse("partel.yaml", ProtocolContractTest.base("partel"),
                ScenarioLoader.Format.YAML).single();
        try (Environment rows = new Environment(Catalog.standard(), s, "r");
             Environment columns = new Environment(Catalog.standard(), s, Reward.DEFAULT, Layout.COLUMNS, "c")) {
            JsonNode byRow = rows.reset(5L).get("observation");
            JsonNode byColumn = columns.reset(5L).get("observation");
            JsonNode workers = byRow.get("workers");
            assertTrue(workers.isArray() && workers.get(0).isObject(), byRow.toString());
            assertTrue(byColumn.get("workers").isObject(), byColumn.toString());
            int checked = 0;
            for (int k = 0; k < workers.size(); k++) {
                for (var it = workers.get(k).fields(); it.hasNext(); checked++) {
                    var e = it.next();
                    assertEquals(e.getValue(), byColumn.get("workers").get(e.getKey()).get(k), e.getKey());
                }
            }
            assertEquals(workers.size() * workers.get(0).size(), checked);
            assertEquals(byRow.size(), byColumn.size());
            assertEquals(byRow.get("model_parameters"), byColumn.get("model_parameters"));
            // Binary: each column's doubles, little-endian, in base64; the same bits.
            try (Environment binary = new Environment(Catalog.standard(), s, Reward.DEFAULT, Layout.BINARY, "b")) {
                JsonNode bytes = binary.reset(5L).get("observation").get("workers");
                for (var it = byColumn.get("workers").fields(); it.hasNext(); ) {
                    var e = it.next();
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(java.util.Base64.getDecoder()
                            .decode(bytes.get(e.getKey()).get("f64").asText())).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    assertEquals(8 * e.getValue().size(), b.remaining(), e.getKey());
                    for (JsonNode v : e.getValue()) {
                        assertEquals(v.doubleValue(), b.getDouble(), 0.0, e.getKey());
                    }
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Layout.named("table"));
    }

    @Test
    void theScenarioNamesTheRewardAndAMakeRequestMayNameAnother() throws Exception {
        String text = ProtocolContractTest.base("fedavg-fdma") + "environment:\n  reward: -latency-energy\n  lambda: 0.5\n";
        Path file = dir.resolve("energy.yaml");
        Files.writeString(file, text);
        Scenario s = Catalog.standard().loader().loadForRun(file);
        try (Environment env = new Environment(Catalog.standard(), s, "e")) {
            env.reset(2L);
            ObjectNode step = env.step(equal(6));
            JsonNode info = step.get("info");
            double energy = info.get("energy_J").asDouble();
            assertTrue(energy > 0, info.toString());
            assertEquals(-(info.get("realised_latency_s").asDouble() + 0.5 * energy), step.get("reward").asDouble(), 1e-15);
        }
        Server server = new Server(Catalog.standard());
        JsonNode scenario = server.answer("{\"cmd\": \"make\", \"env\": \"s\", \"scenario\": \"" + file + "\"}");
        assertTrue(scenario.get("made").asBoolean(), scenario.toString());
        server.answer("{\"cmd\": \"make\", \"env\": \"l\", \"scenario\": \"" + file + "\", \"reward\": \"-latency\"}");
        server.answer("{\"cmd\": \"reset\", \"env\": \"s\", \"seed\": 2}");
        server.answer("{\"cmd\": \"reset\", \"env\": \"l\", \"seed\": 2}");
        String step = "{\"cmd\": \"step\", \"env\": \"%s\", \"plan\": " + equal(6) + "}";
        JsonNode withEnergy = server.answer(String.format(step, "s"));
        JsonNode latency = server.answer(String.format(step, "l"));
        assertEquals(-latency.get("info").get("realised_latency_s").asDouble(), latency.get("reward").asDouble());
        assertTrue(withEnergy.get("reward").asDouble() < latency.get("reward").asDouble(), withEnergy + " " + latency);
        // A reward the scenario cannot name is refused at its line.
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, text.replace("-latency-energy", "-loss"));
        var e = assertThrows(org.edgesim.scenario.ScenarioException.class,
                () -> Catalog.standard().loader().loadForRun(bad));
        assertTrue(e.getMessage().contains("bad.yaml:") && e.getMessage().contains("environment.reward: must be one of"),
                e.getMessage());
    }

    /** FEEL's full batch with equal slots, as the built-in feel-full-batch-equal-slots plans it. */
    private static JsonNode fullBatch(JsonNode s) {
        ObjectNode plan = JSON.createObjectNode().put("update", "gradient");
        int n = s.get("devices").size();
        for (String[] k : new String[][] {{"batches", "max_batch"}, {"slot_up_s", "frame_up_s"},
                {"slot_down_s", "frame_down_s"}}) {
            var a = plan.putArray(k[0]);
            for (int i = 0; i < n; i++) {
                if (k[0].equals("batches")) {
                    a.add(s.get(k[1]).asInt());
                } else {
                    a.add(s.get(k[1]).asDouble() / n);
                }
            }
        }
        return plan;
    }

    @Test
    void anAccuracyRewardIsTheGainOverTheRoundPerSecondOfIt() throws Exception {
        String learning = "learning:\n  data: fashion-mnist-small\n  model: logistic-regression\n  stepSize: 0.1\n";
        Scenario s = Catalog.standard().loader().parse("feel.yaml", ProtocolContractTest.base("feel")
                .replace("scheduler: feel-proposed\n", "scheduler: feel-full-batch-equal-slots\n") + learning
                + "environment:\n  reward: accuracy-gain-per-s\n", ScenarioLoader.Format.YAML).single();
        List<Double> rewards = new ArrayList<>();
        List<Double> accuracies = new ArrayList<>();
        List<Double> latencies = new ArrayList<>();
        try (Environment env = new Environment(Catalog.standard(), s, "acc")) {
            JsonNode obs = env.reset(null).get("observation");
            while (!obs.isNull()) {
                ObjectNode step = env.step(fullBatch(obs));
                rewards.add(step.get("reward").asDouble());
                accuracies.add(step.get("info").get("test_accuracy").asDouble());
                latencies.add(step.get("info").get("realised_latency_s").asDouble());
                obs = step.get("observation");
            }
        }
        // The accuracies are the built-in run's, whose plans these are; the rewards their gains per second.
        double[] trained = org.edgesim.report.TableColumns.column(new Simulation(Catalog.standard()).run(s).rounds(),
                "test_accuracy");
        assertEquals(3, trained.length);
        double before = 0;
        double telescoped = 0;
        for (int r = 0; r < 3; r++) {
            assertEquals(trained[r], accuracies.get(r), 0.0);
            assertEquals((trained[r] - before) / latencies.get(r), rewards.get(r), 0.0);
            telescoped += rewards.get(r) * latencies.get(r);
            before = trained[r];
        }
        assertEquals(trained[2], telescoped, 1e-12, "the gains add up to the last accuracy");
        assertTrue(trained[2] > 0.3, "the model learned: " + trained[2]);

        // Without training, or with a protocol that trains once the clock has run, it is refused.
        IllegalArgumentException untrained = assertThrows(IllegalArgumentException.class, () -> new Environment(
                Catalog.standard(), fdma(), new Reward(EnvironmentSpec.ACCURACY_GAIN, 0), Layout.ROWS, "u"));
        assertTrue(untrained.getMessage().contains("learning section"), untrained.getMessage());
        Scenario partel = Catalog.standard().loader().parse("partel.yaml", ProtocolContractTest.base("partel")
                + learning.replace("logistic-regression", "logistic-regression\n  l1: 1e-4"),
                ScenarioLoader.Format.YAML).single();
        try (Environment env = new Environment(Catalog.standard(), partel,
                new Reward(EnvironmentSpec.ACCURACY_GAIN, 0), Layout.ROWS, "p")) {
            JsonNode first = env.reset(1L).get("observation");
            Environment.EpisodeOver over = assertThrows(Environment.EpisodeOver.class,
                    () -> env.step(partelBaseline(first)));
            assertTrue(over.getMessage().contains("does not evaluate"), over.getMessage());
        }
    }

    /** PARTEL's baseline: blocks by computation capability, equal shares. */
    private static JsonNode partelBaseline(JsonNode s) {
        double[] capability = new double[s.get("groups").asInt()];
        for (JsonNode w : s.get("workers")) {
            capability[w.get("group").asInt()] += w.get("speed_hz").asDouble();
        }
        long[] blocks = org.edgesim.sched.Apportion.largestRemainder(capability, s.get("model_parameters").asLong(), 1);
        ObjectNode plan = JSON.createObjectNode();
        var b = plan.putArray("blocks");
        for (long v : blocks) {
            b.add(v);
        }
        int n = s.get("workers").size();
        var shares = plan.putArray("shares");
        for (int k = 0; k < n; k++) {
            shares.add(1.0 / n);
        }
        return plan;
    }
}

package org.edgesim.env;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.simulation.Catalog;

/**
 * {@code edgesim serve}: JSON lines in, JSON lines out, one reply per request, in order. Requests
 * name an environment ({@code "env"}, any string) and a command:
 * <ul>
 * <li>{@code {"cmd": "make", "env": "a", "scenario": "path.yaml", "reward": "-latency", "lambda": 0,
 * "layout": "columns"}}: an environment over a scenario file; reward and lambda optional (the
 * scenario's {@code environment} section otherwise, see {@link Reward}), layout optional
 * ({@code rows}, the default, {@code columns} or {@code binary}, see {@link Layout});</li>
 * <li>{@code {"cmd": "reset", "env": "a", "seed": 7}}: a new episode (seed optional: the file's);
 * {@code {"env", "observation", "info"}};</li>
 * <li>{@code {"cmd": "step", "env": "a", "plan": {...}}}: the plan of the round asked, as an external
 * scheduler would answer it; {@code {"env", "observation", "reward", "terminated", "truncated", "info"}};</li>
 * <li>{@code {"cmd": "close", "env": "a"}}.</li>
 * </ul>
 * A request that cannot be carried out gets {@code {"env", "error"}} and changes nothing else: the
 * process and its other environments go on.
 */
public final class Server {
    private final Catalog catalog;
    /** Doubles written and read by Schubfach and FastDoubleParser: a third of a step went to them. */
    private final ObjectMapper json = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER).build();
    private final Map<String, Environment> envs = new LinkedHashMap<>();

    public Server(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The longest request line, characters (as an external scheduler's answer). */
    static final int LONGEST_LINE = 64 << 20;

    /**
     * Answers every line of {@code in} on {@code out} (each reply flushed) until {@code in} ends; then
     * closes every environment. Reads in blocks and writes each reply straight from its tree: an
     * observation is tens of kilobytes, and a step is a fraction of a millisecond.
     */
    public void serve(Reader in, Writer out) throws IOException {
        try (in) {
            char[] block = new char[1 << 16];
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            int n;
            while ((n = in.read(block)) != -1) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (block[i] != '\n') {
                        continue;
                    }
                    tooLong = append(line, block, from, i, tooLong);
                    reply(line, tooLong, out);
                    line.setLength(0);
                    tooLong = false;
                    from = i + 1;
                }
                tooLong = append(line, block, from, n, tooLong);
            }
            if (line.length() > 0 || tooLong) {
                reply(line, tooLong, out);
            }
        } finally {
            envs.values().forEach(Environment::close);
            envs.clear();
        }
    }

    /** Adds {@code block[from, to)} to {@code line} up to its longest; whether the line is too long. */
    private static boolean append(StringBuilder line, char[] block, int from, int to, boolean tooLong) {
        int room = LONGEST_LINE - line.length();
        line.append(block, from, Math.min(to - from, room));
        return tooLong || to - from > room;
    }

    private void reply(StringBuilder line, boolean tooLong, Writer out) throws IOException {
        ObjectNode reply = tooLong ? error(null, "a request line over " + (LONGEST_LINE >> 20) + " MiB")
                : line.toString().isBlank() ? null : answer(line.toString());
        if (reply != null) {
            json.writeValue(out, reply);
            out.write('\n');
            out.flush();
        }
    }

    /** The reply to one request line. */
    ObjectNode answer(String line) {
        JsonNode request;
        try {
            request = json.readTree(line);
        } catch (JsonProcessingException e) {
            return error(null, "not JSON: " + e.getOriginalMessage());
        }
        String env = request.path("env").isTextual() ? request.get("env").asText() : null;
        try {
            if (!request.isObject() || env == null) {
                return error(env, "a request is an object with \"env\" (a name, a string) and \"cmd\"");
            }
            String cmd = request.path("cmd").asText("");
            ObjectNode reply = switch (cmd) {
                case "make" -> make(env, request);
                case "reset" -> environment(env).reset(seed(request));
                case "step" -> step(env, request);
                case "close" -> close(env);
                default -> throw new IllegalArgumentException("unknown cmd '" + cmd + "'; known: make, reset, step, close");
            };
            reply.put("env", env);
            return reply;
        } catch (Environment.EpisodeOver e) {
            ObjectNode o = error(env, e.getMessage());
            o.put("episode_over", true);
            return o;
        } catch (RuntimeException e) {
            return error(env, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private ObjectNode make(String env, JsonNode request) {
        if (envs.containsKey(env)) {
            throw new IllegalArgumentException("environment '" + env + "' exists; close it first");
        }
        String file = request.path("scenario").asText(null);
        if (file == null) {
            throw new IllegalArgumentException("make needs \"scenario\": a scenario file");
        }
        JsonNode lambda = request.path("lambda");
        if (!lambda.isMissingNode() && !lambda.isNumber()) {
            throw new IllegalArgumentException("\"lambda\" must be a number (seconds a joule is worth), got " + lambda);
        }
        Layout layout = Layout.named(request.path("layout").asText(Layout.ROWS.wire()));
        Scenario scenario;
        try {
            scenario = catalog.loader().loadForRun(Path.of(file));
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        // The request's reward, else the scenario's (its environment section), else -latency.
        Reward reward = Reward.of(scenario.environment());
        if (request.has("reward") || request.has("lambda")) {
            reward = new Reward(request.path("reward").asText(reward.name()), lambda.asDouble(reward.lambda()));
        }
        envs.put(env, new Environment(catalog, scenario, reward, layout, env));
        return json.createObjectNode().put("made", true);
    }

    /** The reset's seed: an integer that a long holds, or none. */
    private static Long seed(JsonNode request) {
        JsonNode seed = request.path("seed");
        if (seed.isMissingNode() || seed.isNull()) {
            return null;
        }
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw new IllegalArgumentException("\"seed\" must be an integer, got " + seed);
        }
        return seed.asLong();
    }

    private ObjectNode step(String env, JsonNode request) {
        if (!request.has("plan")) {
            throw new IllegalArgumentException("step needs \"plan\": the round's plan, as an external scheduler answers it");
        }
        return environment(env).step(request.get("plan"));
    }

    private ObjectNode close(String env) {
        Environment e = envs.remove(env);
        if (e == null) {
            throw new IllegalArgumentException("no environment '" + env + "'");
        }
        e.close();
        return json.createObjectNode().put("closed", true);
    }

    private Environment environment(String env) {
        Environment e = envs.get(env);
        if (e == null) {
            throw new IllegalArgumentException("no environment '" + env + "'; make it first");
        }
        return e;
    }

    private ObjectNode error(String env, String message) {
        ObjectNode o = json.createObjectNode();
        o.put("env", env);
        o.put("error", message);
        return o;
    }
}

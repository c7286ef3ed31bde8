package org.edgesim.env;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.simulation.Catalog;

/**
 * {@code edgesim serve}: JSON lines in, JSON lines out, one reply per request, in order. Requests
 * name an environment ({@code "env"}, any string) and a command:
 * <ul>
 * <li>{@code {"cmd": "make", "env": "a", "scenario": "path.yaml", "reward": "-latency", "lambda": 0}}:
 * an environment over a scenario file (reward and lambda optional, see {@link Reward});</li>
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
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Environment> envs = new LinkedHashMap<>();

    public Server(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The longest request line, characters (as an external scheduler's answer). */
    static final int LONGEST_LINE = 64 << 20;

    /** Answers every line of {@code in} on {@code out} until {@code in} ends; then closes every environment. */
    public void serve(Reader in, PrintWriter out) throws IOException {
        try (BufferedReader lines = new BufferedReader(in)) {
            StringBuilder line = new StringBuilder();
            boolean tooLong = false;
            int c;
            while ((c = lines.read()) != -1 || line.length() > 0 || tooLong) {
                if (c != -1 && c != '\n') {
                    if (line.length() < LONGEST_LINE) {
                        line.append((char) c);
                    } else {
                        tooLong = true;
                    }
                    continue;
                }
                ObjectNode reply = tooLong ? error(null, "a request line over " + (LONGEST_LINE >> 20) + " MiB")
                        : line.toString().isBlank() ? null : answer(line.toString());
                line.setLength(0);
                tooLong = false;
                if (reply != null) {
                    out.println(json.writeValueAsString(reply));
                    out.flush();
                }
                if (c == -1) {
                    break;
                }
            }
        } finally {
            envs.values().forEach(Environment::close);
            envs.clear();
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
        Reward reward = new Reward(request.path("reward").asText(Reward.LATENCY), lambda.asDouble(0));
        try {
            envs.put(env, new Environment(catalog, catalog.loader().loadForRun(Path.of(file)), reward, env));
        } catch (ScenarioException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
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

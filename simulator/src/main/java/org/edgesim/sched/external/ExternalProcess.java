package org.edgesim.sched.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The process of one external scheduler for one run, and its line protocol. Each round edgesim
 * writes one line, {@code {"protocol": ..., "round": r, "snapshot": {...}}}, and reads one line
 * back, the plan as a JSON object. The process is started at the first round and ended when the
 * run closes it (its standard input is closed; it is stopped if it has not exited 5 s later).
 */
public final class ExternalProcess implements AutoCloseable {
    /** A line the reader thread puts when the process's output ends. */
    private static final Optional<String> END = Optional.empty();
    private static final int ERROR_TAIL = 400;

    private final String name;
    private final String protocol;
    private final java.util.List<String> command;
    private final double timeoutS;
    private final ObjectMapper mapper = new ObjectMapper();
    private Process process;
    private Writer in;
    private final BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    private final StringBuffer errors = new StringBuffer();

    /**
     * @param command  the process's command line
     * @param timeoutS how long an answer may take, s
     */
    public ExternalProcess(String name, String protocol, java.util.List<String> command, double timeoutS) {
        this.name = name;
        this.protocol = protocol;
        this.command = java.util.List.copyOf(command);
        this.timeoutS = timeoutS;
    }

    /**
     * Sends round {@code round}'s snapshot and returns the plan {@code decode} makes of the answer;
     * an answer that is not JSON, or that {@code decode} rejects with an
     * {@link IllegalArgumentException}, is a bad answer naming the round.
     */
    public <P> P exchange(int round, JsonNode snapshot, Function<JsonNode, P> decode) {
        String answer = ask(round, snapshot);
        JsonNode plan;
        try {
            plan = mapper.readTree(answer);
        } catch (JsonProcessingException e) {
            throw bad(round, "answered something that is not JSON: '" + shorten(answer) + "'");
        }
        if (plan == null || !plan.isObject()) {
            throw bad(round, "answered '" + shorten(answer) + "', not a JSON object (the plan)");
        }
        try {
            return decode.apply(plan);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw bad(round, "answered a plan that breaks a rule: " + e.getMessage());
        }
    }

    private String ask(int round, JsonNode snapshot) {
        start(round);
        ObjectNode request = mapper.createObjectNode();
        request.put("protocol", protocol);
        request.put("round", round);
        request.set("snapshot", snapshot);
        try {
            in.write(mapper.writeValueAsString(request));
            in.write('\n');
            in.flush();
        } catch (IOException e) {
            throw died(round, "stopped reading its input");
        }
        Optional<String> line;
        try {
            line = lines.poll((long) Math.ceil(timeoutS * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExternalSchedulerException("external scheduler '" + name + "': interrupted at round " + round,
                    false);
        }
        if (line == null) {
            process.destroyForcibly();
            throw new ExternalSchedulerException("external scheduler '" + name + "' did not answer round " + round
                    + " within " + java.math.BigDecimal.valueOf(timeoutS).stripTrailingZeros().toPlainString() + " s (externalSchedulers."
                    + name + ".timeout); it was stopped", false);
        }
        if (line.isEmpty()) {
            throw died(round, "ended its output");
        }
        return line.get();
    }

    private void start(int round) {
        if (process != null) {
            return;
        }
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new ExternalSchedulerException("external scheduler '" + name + "' cannot start " + command
                    + " for round " + round + ": " + e.getMessage(), false);
        }
        in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        daemon("out", () -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    lines.add(Optional.of(l));
                }
            } catch (IOException e) {
                // The process is gone: the end of its output says so below.
            }
            lines.add(END);
        });
        daemon("err", () -> drain(process.getErrorStream()));
    }

    private void drain(InputStream err) {
        byte[] buffer = new byte[4096];
        try (err) {
            for (int n = err.read(buffer); n >= 0; n = err.read(buffer)) {
                errors.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (errors.length() > 4 * ERROR_TAIL) {
                    errors.delete(0, errors.length() - ERROR_TAIL);
                }
            }
        } catch (IOException e) {
            // Nothing more to keep.
        }
    }

    private void daemon(String what, Runnable body) {
        Thread t = new Thread(body, "external-" + name + "-" + what);
        t.setDaemon(true);
        t.start();
    }

    private ExternalSchedulerException died(int round, String what) {
        Integer code = null;
        try {
            if (process.waitFor(2, TimeUnit.SECONDS)) {
                code = process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String tail = errors.toString().strip();
        if (tail.length() > ERROR_TAIL) {
            tail = tail.substring(tail.length() - ERROR_TAIL);
        }
        tail = tail.replaceAll("\\s*\\n\\s*", " | ");
        return new ExternalSchedulerException("external scheduler '" + name + "' " + what + " at round " + round
                + (code == null ? "" : " and exited with code " + code) + (tail.isEmpty() ? "" : "; its last error"
                + " output: " + tail), false);
    }

    private ExternalSchedulerException bad(int round, String what) {
        return new ExternalSchedulerException("external scheduler '" + name + "', round " + round + ": " + what, true);
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 80) + "...";
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            // Already closed by the process's exit.
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

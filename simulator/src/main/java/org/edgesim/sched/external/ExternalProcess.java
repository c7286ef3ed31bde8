package org.edgesim.sched.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The process of one external scheduler for one run, and its line protocol. Each round edgesim
 * writes one line, {@code {"protocol": ..., "round": r, "snapshot": {...}}}, and reads one line
 * back, the plan as a JSON object of at most {@link #MAX_LINE_BYTES} bytes (64 MiB). Writing the
 * snapshot and reading the plan together must take at most the timeout. The process is started at
 * the first round and ended when the run closes it (its standard input is closed; it is stopped
 * if it has not exited 5 s later). Whenever it is stopped, on a failure or at the close, the
 * processes it started are stopped with it.
 */
public final class ExternalProcess implements PlanExchange, AutoCloseable {
    /** The longest line a scheduler may answer, bytes: 64 MiB. */
    public static final int MAX_LINE_BYTES = 64 << 20;
    private static final int ERROR_TAIL = 400;

    private final String name;
    private final String protocol;
    private final List<String> command;
    private final double timeoutS;
    private final ObjectMapper mapper = new ObjectMapper();
    private Process process;
    private ProcessTree tree;
    private OutputStream in;
    private ExecutorService writer;
    private final BlockingQueue<LineReader.Read> lines = new LinkedBlockingQueue<>();
    private final StringBuffer errors = new StringBuffer();

    /**
     * @param command  the process's command line
     * @param timeoutS how long one exchange (writing the snapshot, reading the plan) may take, s
     */
    public ExternalProcess(String name, String protocol, List<String> command, double timeoutS) {
        this.name = name;
        this.protocol = protocol;
        this.command = List.copyOf(command);
        this.timeoutS = timeoutS;
    }

    /**
     * Sends round {@code round}'s snapshot and returns the plan {@code decode} makes of the answer;
     * an answer that is not JSON, or that {@code decode} rejects with an
     * {@link IllegalArgumentException}, is a bad answer naming the round.
     */
    @Override
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
        long deadline = System.nanoTime() + (long) Math.ceil(timeoutS * 1e9);
        send(round, request(round, snapshot), deadline);
        LineReader.Read read;
        try {
            read = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(round);
        }
        if (read == null) {
            throw late("did not answer round " + round);
        }
        tree.look();
        return switch (read.kind()) {
            case LINE -> read.line();
            case END -> throw died(round, "ended its output");
            case TOO_LONG -> throw bad(round, "answered a line longer than " + (MAX_LINE_BYTES >> 20)
                    + " MiB, the most a plan may take (is its newline missing?)");
        };
    }

    private byte[] request(int round, JsonNode snapshot) {
        ObjectNode request = mapper.createObjectNode();
        request.put("protocol", protocol);
        request.put("round", round);
        request.set("snapshot", snapshot);
        try {
            return (mapper.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write round " + round + "'s snapshot as JSON: " + e.getMessage(), e);
        }
    }

    /** Writes {@code line} by {@code deadline}: a process that does not read cannot block the run once the pipe is full. */
    private void send(int round, byte[] line, long deadline) {
        Future<?> sent = writer.submit(() -> {
            in.write(line);
            in.flush();
            return null;
        });
        try {
            sent.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw late("did not read round " + round + "'s snapshot");
        } catch (ExecutionException e) {
            throw died(round, "stopped reading its input");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(round);
        }
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
        tree = new ProcessTree(process);
        in = process.getOutputStream();
        writer = Executors.newSingleThreadExecutor(r -> daemon("in", r));
        LineReader reader = new LineReader(MAX_LINE_BYTES);
        InputStream out = process.getInputStream();
        daemon("out", () -> reader.read(out, lines::add)).start();
        daemon("err", () -> drain(process.getErrorStream())).start();
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

    private Thread daemon(String what, Runnable body) {
        Thread t = new Thread(body, "external-" + name + "-" + what);
        t.setDaemon(true);
        return t;
    }

    /** The process is stopped with its children: it took longer than the timeout to {@code what}. */
    private ExternalSchedulerException late(String what) {
        tree.stop();
        return new ExternalSchedulerException("external scheduler '" + name + "' " + what + " within "
                + BigDecimal.valueOf(timeoutS).stripTrailingZeros().toPlainString() + " s (externalSchedulers." + name
                + ".timeout); it was stopped", false);
    }

    private ExternalSchedulerException interrupted(int round) {
        tree.stop();
        return new ExternalSchedulerException("external scheduler '" + name + "': interrupted at round " + round, false);
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
        tree.stop();
        String tail = errors.toString().strip();
        if (tail.length() > ERROR_TAIL) {
            tail = tail.substring(tail.length() - ERROR_TAIL);
        }
        tail = tail.replaceAll("\\s*\\n\\s*", " | ");
        return new ExternalSchedulerException("external scheduler '" + name + "' " + what + " at round " + round
                + (code == null ? "" : " and exited with code " + code) + (tail.isEmpty() ? "" : "; its last error"
                + " output: " + tail), false);
    }

    /** A bad answer: the process is stopped with its children, since the run ends. */
    private ExternalSchedulerException bad(int round, String what) {
        tree.stop();
        return new ExternalSchedulerException("external scheduler '" + name + "', round " + round + ": " + what, true);
    }

    private static String shorten(String s) {
        String one = s.length() > 1000 ? s.substring(0, 1000) : s;
        one = one.replaceAll("\\s+", " ");
        return one.length() <= 80 ? one : one.substring(0, 80) + "...";
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        tree.look();
        try {
            in.close();
        } catch (IOException e) {
            // Already closed by the process's exit.
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                tree.stop();
            }
        } catch (InterruptedException e) {
            tree.stop();
            Thread.currentThread().interrupt();
        } finally {
            tree.stopDescendants();
            writer.shutdownNow();
        }
    }
}

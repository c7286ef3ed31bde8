package org.edgesim.sched.external;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a process's output into lines of at most {@code maxBytes} bytes each (UTF-8, a newline
 * or CR LF ending each), so that output without an end cannot fill the heap.
 */
final class LineReader {
    /** What the output gave: a line, its end, or a line longer than the bound (after which nothing is read). */
    enum Kind { LINE, END, TOO_LONG }

    record Read(Kind kind, String line) {
        static final Read END = new Read(Kind.END, null);
        static final Read TOO_LONG = new Read(Kind.TOO_LONG, null);
    }

    private final long maxBytes;

    LineReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reads {@code in} to its end, or to its first line over the bound, telling {@code sink} of each read. */
    void read(InputStream in, Consumer<Read> sink) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                int from = 0;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        line.write(buffer, from, i - from);
                        sink.accept(new Read(Kind.LINE, text(line)));
                        line.reset();
                        from = i + 1;
                    }
                }
                line.write(buffer, from, n - from);
                if (line.size() > maxBytes) {
                    sink.accept(Read.TOO_LONG);
                    return;
                }
            }
        } catch (IOException e) {
            // The process is gone: the end of its output says so.
        }
        sink.accept(Read.END);
    }

    private static String text(ByteArrayOutputStream line) {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}

package org.edgesim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code edgesim}: the command-line entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given output streams; returns the exit code (used by tests too). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        // Charts are drawn off-screen; must be set before any AWT class loads.
        System.setProperty("java.awt.headless", "true");
        CommandLine cli = new CommandLine(new EdgesimCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Failures());
        return cli.execute(args);
    }
}

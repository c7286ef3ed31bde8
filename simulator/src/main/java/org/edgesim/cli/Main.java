package org.edgesim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** {@code edgesim}: the command-line entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        // A thread of a library that dies says so in one line too (the run's own failures come back to execute).
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> Failures.report(e, err));
        System.exit(execute(new PrintWriter(System.out, true), err, args));
    }

    /** The command line, without streams or handlers: what {@code edgesim reference} documents. */
    public static CommandLine commandLine() {
        return new CommandLine(new EdgesimCommand());
    }

    /**
     * Runs the CLI with the given output streams; returns the exit code (used by tests too). Any
     * throwable, an {@link Error} included (which picocli passes on), ends as one line.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        try {
            // Charts are drawn off-screen; must be set before any AWT class loads.
            System.setProperty("java.awt.headless", "true");
            CommandLine cli = commandLine();
            cli.setOut(out);
            cli.setErr(err);
            cli.setExecutionExceptionHandler(new Failures());
            cli.setParameterExceptionHandler(new BadArguments());
            cli.registerConverter(java.nio.file.Path.class, BadArguments::path);
            return cli.execute(args);
        } catch (Throwable e) {
            return Failures.report(e, err);
        }
    }
}

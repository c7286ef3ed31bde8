package org.edgesim.cli;

import java.io.PrintWriter;
import org.edgesim.kernel.SimulationException;
import org.edgesim.learning.data.DataFormatException;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.round.InfeasibleTransferException;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.sched.PluginException;
import org.edgesim.sched.external.ExternalSchedulerException;
import picocli.CommandLine;

/**
 * Turns every throwable into one line on stderr and an exit code: 2 for bad input (scenario, data,
 * infeasible round, an external scheduler's bad plan, plug-ins that do not fit), 1 otherwise (an
 * external scheduler that could not start, died or did not answer in time, a plug-in whose code
 * fails, too little memory, and as a last resort an internal error, the only line that names a
 * Java class).
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        return report(e, cli.getErr());
    }

    /** Writes {@code e} as one line to {@code err}; returns the exit code. */
    static int report(Throwable e, PrintWriter err) {
        Outcome o = describe(e);
        err.println("edgesim: " + o.line().strip().replaceAll("\\s*\\R\\s*", " | "));
        err.flush();
        return o.code();
    }

    private record Outcome(int code, String line) {
    }

    private static Outcome describe(Throwable e) {
        if (e instanceof org.edgesim.report.ResultFolders.UnsafeOutputException unsafe) {
            return new Outcome(BAD_INPUT, "--out: " + unsafe.getMessage());
        }
        if (e instanceof ScenarioException s) {
            return new Outcome(BAD_INPUT, s.getMessage());
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return new Outcome(INTERNAL, "out of memory: the scenario needs more than Java's heap of "
                        + (Runtime.getRuntime().maxMemory() >> 20) + " MiB; give Java more (EDGESIM_JAVA_OPTS=-Xmx16g,"
                        + " say) or make the scenario smaller");
            }
            if (t instanceof InfeasibleScenarioException || t instanceof InfeasibleTransferException) {
                return new Outcome(BAD_INPUT, t.getMessage());
            }
            if (t instanceof ExternalSchedulerException external) {
                return new Outcome(external.badAnswer() ? BAD_INPUT : INTERNAL, external.getMessage());
            }
            if (t instanceof PluginException plugin) {
                return new Outcome(plugin.badInput() ? BAD_INPUT : INTERNAL, plugin.getMessage());
            }
            if (t instanceof org.edgesim.scenario.ProtocolSectionException protocols) {
                return new Outcome(BAD_INPUT, protocols.getMessage());
            }
            if (t instanceof java.util.ServiceConfigurationError service) {
                return new Outcome(INTERNAL, "a plug-in cannot be loaded: " + service.getMessage());
            }
            if (t instanceof DataFormatException data) {
                return new Outcome(BAD_INPUT, "bad training data: " + data.getMessage());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException io) {
                // The environment (a read-only folder, a full disk), not edgesim: one line, and no partial result folder
                // (single runs are staged and renamed; a study's finished blocks stay for --resume).
                return new Outcome(INTERNAL, "cannot read or write files: " + (io.getMessage() == null
                        ? "an input or output operation failed" : io.getMessage())
                        + (io instanceof java.nio.file.AccessDeniedException ? " (permission denied)" : ""));
            }
        }
        if (e instanceof SimulationException s) {
            return new Outcome(INTERNAL, "the simulation failed: " + s.getMessage());
        }
        return new Outcome(INTERNAL, "internal error (please report): " + e);
    }
}

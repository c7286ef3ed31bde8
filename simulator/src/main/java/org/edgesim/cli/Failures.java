package org.edgesim.cli;

import org.edgesim.kernel.SimulationException;
import org.edgesim.learning.data.DataFormatException;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.round.InfeasibleTransferException;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.sched.external.ExternalSchedulerException;
import picocli.CommandLine;

/**
 * Turns exceptions into one line on stderr and an exit code: 2 for bad input (scenario, data,
 * infeasible round, an external scheduler's bad plan), 1 otherwise (an external scheduler that
 * could not start, died or did not answer in time included).
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        if (e instanceof org.edgesim.report.ResultFolders.UnsafeOutputException unsafe) {
            cli.getErr().println("edgesim: --out: " + unsafe.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof ScenarioException s) {
            cli.getErr().println("edgesim: " + s.getMessage());
            return BAD_INPUT;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InfeasibleScenarioException || t instanceof InfeasibleTransferException) {
                cli.getErr().println("edgesim: " + t.getMessage());
                return BAD_INPUT;
            }
            if (t instanceof ExternalSchedulerException external) {
                cli.getErr().println("edgesim: " + external.getMessage());
                return external.badAnswer() ? BAD_INPUT : INTERNAL;
            }
            if (t instanceof DataFormatException data) {
                cli.getErr().println("edgesim: bad training data: " + data.getMessage());
                return BAD_INPUT;
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException io) {
                // The environment (a read-only folder, a full disk), not edgesim: one line, and no partial result folder
                // (single runs are staged and renamed; a study's finished blocks stay for --resume).
                cli.getErr().println("edgesim: cannot read or write files: " + (io.getMessage() == null
                        ? io.getClass().getSimpleName() : io.getMessage()) + (io instanceof java.nio.file.AccessDeniedException
                        ? " (permission denied)" : ""));
                return INTERNAL;
            }
        }
        if (e instanceof SimulationException s) {
            cli.getErr().println("edgesim: the simulation failed: " + s.getMessage());
            return INTERNAL;
        }
        cli.getErr().println("edgesim: internal error: " + e);
        e.printStackTrace(cli.getErr());
        return INTERNAL;
    }
}

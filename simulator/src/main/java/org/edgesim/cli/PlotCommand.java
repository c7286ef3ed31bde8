package org.edgesim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgesim.sweep.Studies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plot", mixinStandardHelpOptions = true,
        header = "Re-draw a study's figures from its CSV files.",
        description = {"Re-draw a sweep's figures (PNG and SVG) from its summary.csv and study.json,",
                "without running anything."})
final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULT_DIR", description = "a sweep's result folder")
    Path folder;

    @Option(names = "--out", paramLabel = "DIR", description = "where the figures go (default: RESULT_DIR)")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<Path> files;
        try {
            files = Studies.plot(folder, out != null ? out : folder);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("edgesim: " + e.getMessage());
            return Failures.BAD_INPUT;
        }
        files.forEach(f -> spec.commandLine().getOut().println(f));
        return 0;
    }
}

package org.edgesim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.sweep.Studies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plot", mixinStandardHelpOptions = true,
        header = "Re-draw a study's figures from its CSV files.",
        description = {"Re-draw a sweep's figures (PNG, SVG and PDF) from its CSV files and study.json,",
                "without running anything; --layout column draws them one column of a paper wide,",
                "--layout double-column across both columns."})
final class PlotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RESULT_DIR", description = "a sweep's result folder")
    Path folder;

    @Option(names = "--out", paramLabel = "DIR", description = "where the figures go (default: RESULT_DIR)")
    Path out;

    @Option(names = "--layout", paramLabel = "LAYOUT", description = "screen (800 x 560 pixels), column (3.5 x 2.5"
            + " inches at 8-9 pt) or double-column (7.16 x 3 inches at 9-10 pt) for every figure (default: each"
            + " figure's own)")
    String layout;

    @Override
    public Integer call() throws Exception {
        List<Path> files;
        if (layout != null && !FigureSpec.LAYOUTS.contains(layout)) {
            spec.commandLine().getErr().println("edgesim: --layout must be one of " + FigureSpec.LAYOUTS + ", got '"
                    + layout + "'");
            return Failures.BAD_INPUT;
        }
        try {
            files = Studies.plot(folder, out != null ? out : folder, layout);
        } catch (java.io.IOException e) {
            spec.commandLine().getErr().println("edgesim: " + e.getMessage());
            return Failures.BAD_INPUT;
        }
        files.forEach(f -> spec.commandLine().getOut().println(f));
        return 0;
    }
}

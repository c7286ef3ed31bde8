package org.edgesim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgesim.report.plot.CurveChart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "chart", mixinStandardHelpOptions = true,
        header = "Draw columns of a CSV file against one of them (PNG, SVG, PDF).",
        description = {"Draws columns of any CSV file (a learning curve, a trace) against one of them, one line",
                "each in the studies' styles, as BASE.png, .svg and .pdf; cells that are not numbers are left out."})
final class ChartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CSV", description = "the file")
    Path csv;

    @Option(names = "--x", required = true, description = "the column along the x axis")
    String x;

    @Option(names = "--y", required = true, split = ",", description = "the columns drawn (comma-separated)")
    List<String> ys;

    @Option(names = "--title", defaultValue = "", description = "the chart's title")
    String title;

    @Option(names = "--y-label", description = "the y axis's label (default: the first column's name)")
    String yLabel;

    @Option(names = "--out", description = "BASE of the files (default: the CSV's name without .csv, beside it)")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(csv)) {
            spec.commandLine().getErr().println("edgesim: " + csv + ": no such file");
            return Failures.BAD_INPUT;
        }
        Path base = out != null ? out : csv.resolveSibling(csv.getFileName().toString().replaceFirst("\\.csv$", ""));
        Path folder = base.toAbsolutePath().getParent();
        try {
            List<Path> files = CurveChart.draw(csv, x, ys, title, yLabel != null ? yLabel : ys.get(0), folder,
                    base.getFileName().toString());
            spec.commandLine().getOut().println("chart -> " + files);
            return 0;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("edgesim: " + e.getMessage());
            return Failures.BAD_INPUT;
        }
    }
}

package org.edgesim.cli;

import picocli.CommandLine.Command;

@Command(name = "edgesim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Discrete-event simulator of wireless edge learning.",
        subcommands = {RunCommand.class, ValidateCommand.class, ListCommand.class, PlotCommand.class, ReproduceCommand.class,
                BenchCommand.class, SchemaCommand.class, ReferenceCommand.class, ServeCommand.class, ChartCommand.class, picocli.CommandLine.HelpCommand.class,
                picocli.AutoComplete.GenerateCompletion.class},
        footer = {"", "Exit codes: 0 success, 1 internal error, 2 bad input."})
final class EdgesimCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

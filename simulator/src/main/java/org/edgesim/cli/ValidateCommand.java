package org.edgesim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgesim.engine.Catalog;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files without running them; one line per file.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "1..*", description = "scenario files")
    List<Path> files;

    @Override
    public Integer call() {
        Catalog catalog = Catalog.standard();
        int code = 0;
        for (Path f : files) {
            try {
                Scenario s = catalog.loader().load(f);
                spec.commandLine().getOut().println(f + ": ok (" + s.protocol().type() + "/" + s.scheduler() + ", "
                        + s.deviceCount() + " devices, " + s.rounds() + " rounds)");
            } catch (ScenarioException e) {
                spec.commandLine().getErr().println("edgesim: " + e.getMessage());
                code = Failures.BAD_INPUT;
            }
        }
        return code;
    }
}

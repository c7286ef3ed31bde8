package org.edgesim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgesim.engine.Catalog;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.Study;
import org.edgesim.scenario.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check scenario files without running them; one line per file. A study's every",
                "design point is checked too."})
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
                String study = "";
                if (s.sweep() != null) {
                    // Every design point is bound and checked, as a run would.
                    Study st = new StudyLoader(catalog.loader()).load(f, false);
                    study = String.format(java.util.Locale.ROOT, "; sweep: %d points x %d schedulers x %d replications"
                            + " = %d runs, %d figure(s), %d claim(s)", st.points().size(), st.schedulers().size(),
                            st.replications(), st.runs(), s.figures() == null ? 0 : s.figures().size(),
                            st.claims().size());
                }
                spec.commandLine().getOut().println(f + ": ok (" + s.protocol().type() + "/" + s.scheduler() + ", "
                        + s.deviceCount() + " devices, " + s.rounds() + " rounds"
                        + (s.learning() == null ? "" : ", trains " + s.learning().describe()) + study + ")");
            } catch (ScenarioException e) {
                spec.commandLine().getErr().println("edgesim: " + e.getMessage());
                code = Failures.BAD_INPUT;
            }
        }
        return code;
    }
}

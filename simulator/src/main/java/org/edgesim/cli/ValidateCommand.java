package org.edgesim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.edgesim.simulation.Catalog;
import org.edgesim.scenario.CalibrationSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        header = "Check scenario files without running them, as run would.",
        description = {"Check scenario files without running them; one line per file. A study's every",
                "design point is checked too."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", arity = "1..*", description = "scenario files")
    List<Path> files;

    @picocli.CommandLine.Option(names = "--quick", description = "check the sweeps with their quick overrides applied,"
            + " as 'run --quick' and 'reproduce --quick' would run them")
    boolean quick;

    @picocli.CommandLine.Option(names = "--allow-large", description = "accept sweeps of more than 100,000 design points")
    boolean allowLarge;

    @Override
    public Integer call() {
        Catalog catalog = Catalog.standard();
        int code = 0;
        for (Path f : files) {
            try {
                if (CalibrationSpec.isCalibration(f)) {
                    CalibrationSpec c = CalibrationSpec.load(f);
                    spec.commandLine().getOut().println(String.format(java.util.Locale.ROOT, "%s: ok (calibration %s:"
                            + " %d models x %d drops of %d devices, %d claim(s); edgesim reproduce %s runs it)", f,
                            c.calibration(), c.models().size(), quick ? c.quickDrops() : c.drops(), c.devicesPerDrop(),
                            c.claims().size(), c.name()));
                    continue;
                }
                Scenario s = catalog.loader().loadForRun(f);
                String study = "";
                Study st = null;
                if (s.sweep() != null) {
                    // Every design point is bound and checked, as a run would.
                    st = new StudyLoader(catalog.loader()).load(f, quick, allowLarge);
                    study = String.format(java.util.Locale.ROOT, "; sweep: %d points x %d schedulers x %d replications"
                            + " = %d runs, %d figure(s), %d claim(s)", st.points().size(), st.schedulers().size(),
                            st.replications(), st.runs(), s.figures() == null ? 0 : s.figures().size(),
                            st.claims().size());
                }
                Scenario shown = st != null ? st.base() : s;
                spec.commandLine().getOut().println(f + ": ok (" + shown.protocol().type() + "/" + shown.scheduler()
                        + ", " + shown.deviceCount() + " devices, " + shown.rounds() + " rounds"
                        + (shown.learning() == null ? "" : ", trains " + shown.learning().describe()) + study + ")");
            } catch (ScenarioException e) {
                spec.commandLine().getErr().println("edgesim: " + e.getMessage());
                code = Failures.BAD_INPUT;
            }
        }
        return code;
    }
}

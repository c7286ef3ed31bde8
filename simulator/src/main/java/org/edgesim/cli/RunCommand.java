package org.edgesim.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.edgesim.engine.Catalog;
import org.edgesim.engine.Simulation;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.report.RunWriter;
import org.edgesim.scenario.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run one scenario and write results/<name>-seed<seed>/ (rounds.csv, devices.csv,",
                "manifest.json, latency.png), all or nothing."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "scenario file (.yaml, .yml or .json)")
    Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "master seed (default: the scenario's)")
    Long seed;

    @Option(names = "--rounds", paramLabel = "N", description = "number of rounds (default: the scenario's)")
    Integer rounds;

    @Option(names = "--out", paramLabel = "DIR", description = "result folder (default: results/<name>-seed<seed>)")
    Path out;

    @Option(names = {"-q", "--quiet"}, description = "no progress lines")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = Catalog.standard();
        Scenario scenario = catalog.loader().load(scenarioFile);
        if (rounds != null) {
            if (rounds < 1) {
                spec.commandLine().getErr().println("edgesim: --rounds must be >= 1, got " + rounds);
                return Failures.BAD_INPUT;
            }
            scenario = scenario.withRounds(rounds);
        }
        if (seed != null) {
            scenario = scenario.withSeed(seed);
        }
        Path target = out != null ? out : Path.of("results", scenario.name() + "-seed" + scenario.seed());
        var err = spec.commandLine().getErr();
        RunContext.RoundListener progress = quiet ? RunContext.RoundListener.NONE : new ProgressLines(err);
        long t0 = System.nanoTime();
        RunResult result = new Simulation(catalog).run(scenario, progress);
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);
        Path written = RunWriter.write(target, scenario, scenarioFile.toString(), result, wall);
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s: %d rounds of %s/%s in %.2f s -> %s",
                scenario.name(), scenario.rounds(), scenario.protocol().type(), scenario.scheduler(),
                wall.toNanos() / 1e9, written));
        return 0;
    }

    /** Plain progress lines on stderr, about ten per run. */
    private record ProgressLines(java.io.PrintWriter err) implements RunContext.RoundListener {
        @Override
        public void roundDone(int round, int total) {
            int step = Math.max(1, total / 10);
            if (round % step == 0 || round == total) {
                err.println("round " + round + "/" + total);
            }
        }
    }
}

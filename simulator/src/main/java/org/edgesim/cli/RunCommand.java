package org.edgesim.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunContext;
import org.edgesim.protocol.RunResult;
import org.edgesim.report.EventTrace;
import org.edgesim.report.ResultFolders;
import org.edgesim.report.RunWriter;
import org.edgesim.scenario.Scenario;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.edgesim.sweep.Studies;
import org.edgesim.sweep.SweepExecutor;
import org.edgesim.sweep.SweepProgress;
import org.edgesim.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run one scenario, or a study (a scenario with a sweep), and write its results.",
        description = {"Run one scenario and write results/<name>-seed<seed>/ (rounds.csv, devices.csv,",
                "manifest.json, latency.png), all or nothing.",
                "A scenario with a 'sweep' section runs every design point x compared scheduler x",
                "replication in parallel and writes points.csv, summary.csv, study.json and its figures;",
                "each run is saved as it finishes, so an interrupted sweep continues with --resume."})
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

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N", description = "sweep: parallel runs (default: all cores); results do not depend on it")
    Integer threads;

    @Option(names = "--resume", description = "sweep: keep the runs already in the result folder, run the rest")
    boolean resume;

    @Option(names = "--force", description = "sweep: start afresh in a result folder that holds another study's runs"
            + " (without it they are refused)")
    boolean force;

    @Option(names = "--allow-large", description = "sweep: accept more than 100,000 design points")
    boolean allowLarge;

    @Option(names = "--quick", description = "sweep: apply the sweep's 'quick' overrides (fewer replications, rounds)")
    boolean quick;

    @Option(names = "--events", description = "a single run: also write events.csv (every event: time_s, round, entity,"
            + " what ended, since when) and timeline.png/.svg/.pdf (the first rounds, device by device)")
    boolean events;

    @Mixin
    ExecutorOptions executorOptions;

    @Override
    public Integer call() throws Exception {
        Catalog catalog = Catalog.standard();
        Scenario scenario = catalog.loader().loadForRun(scenarioFile);
        if (rounds != null && rounds < 1) {
            spec.commandLine().getErr().println("edgesim: --rounds must be >= 1, got " + rounds);
            return Failures.BAD_INPUT;
        }
        if (threads != null && threads < 1) {
            spec.commandLine().getErr().println("edgesim: --threads must be >= 1, got " + threads);
            return Failures.BAD_INPUT;
        }
        if (scenario.sweep() != null) {
            if (events) {
                spec.commandLine().getErr().println("edgesim: --events traces a single run; " + scenarioFile
                        + " is a study (run one of its points without 'sweep')");
                return Failures.BAD_INPUT;
            }
            return sweep(catalog);
        }
        if (resume || force || quick || threads != null || !executorOptions.executor.equals("local") || executorOptions.master != null) {
            spec.commandLine().getErr().println("edgesim: --resume, --force, --quick, --threads, --executor and --master apply to sweeps; "
                    + scenarioFile + " has no 'sweep' section");
            return Failures.BAD_INPUT;
        }
        if (rounds != null) {
            scenario = scenario.withRounds(rounds);
        }
        if (seed != null) {
            scenario = scenario.withSeed(seed);
        }
        Path target = out != null ? out : Path.of("results", scenario.name() + "-seed" + scenario.seed());
        ResultFolders.checkRunTarget(target); // before running: a refused --out costs nothing
        var err = spec.commandLine().getErr();
        RunContext.RoundListener progress = quiet ? RunContext.RoundListener.NONE : new ProgressLines(err);
        long t0 = System.nanoTime();
        EventTrace trace = events ? new EventTrace() : null;
        RunResult result = new Simulation(catalog).run(scenario, 0, progress,
                trace == null ? org.edgesim.kernel.EventObserver.NONE : trace);
        Duration wall = Duration.ofNanos(System.nanoTime() - t0);
        Path written = RunWriter.write(target, scenario, scenarioFile.toString(), result, wall, trace,
                catalog.codeIdentity(scenario, java.util.List.of(scenario.scheduler())));
        // The rounds that ran: individual learning has one, a time limit may stop a run early; with
        // several cells a round has a row per cell that served someone.
        int rows = result.rounds().rows().size();
        String ran = !scenario.severalCells() ? rows + " rounds"
                : String.format(Locale.ROOT, "%d rounds in %d cells (%d rows)", roundsIn(result), scenario.cells().size(),
                        rows);
        spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s: %s of %s/%s in %.2f s -> %s",
                scenario.name(), ran, scenario.protocol().type(), scenario.scheduler(), wall.toNanos() / 1e9, written));
        return 0;
    }

    private Integer sweep(Catalog catalog) throws Exception {
        Study study = new StudyLoader(catalog.loader()).load(scenarioFile, quick, allowLarge);
        if (rounds != null) {
            study = study.map(s -> s.withRounds(rounds));
        }
        if (seed != null) {
            study = study.map(s -> s.withSeed(seed));
        }
        Path target = out != null ? out : Path.of("results", study.base().name() + "-seed" + study.base().seed());
        ResultFolders.checkStudyTarget(target);
        var err = spec.commandLine().getErr();
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        SweepProgress progress = quiet ? SweepProgress.NONE : SweepProgress.forConsole(study.base().name(), err);
        // Only while the sweep runs: a Ctrl-C then says where the finished runs are.
        Thread hook = new Thread(() -> System.err.println("edgesim: interrupted; the finished runs are kept in "
                + target + "; continue with --resume"));
        Runtime.getRuntime().addShutdownHook(hook);
        long t0 = System.nanoTime();
        SweepRunner.Outcome outcome;
        SweepExecutor executor;
        try {
            executor = executorOptions.create(catalog, n);
        } catch (IllegalArgumentException e) {
            err.println("edgesim: " + e.getMessage());
            Runtime.getRuntime().removeShutdownHook(hook);
            return Failures.BAD_INPUT;
        }
        try (executor) {
            outcome = Studies.run(new SweepRunner(executor, catalog).onWarning(w -> err.println("edgesim: " + w)), study,
                    target, target, resume, force, quick, progress, () -> { });
        } catch (IllegalStateException e) {
            err.println("edgesim: " + e.getMessage());
            return Failures.BAD_INPUT;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C arrived as the sweep ended: the hook has run or is running.
            }
        }
        for (String f : outcome.failures()) {
            err.println("edgesim: failed: " + f);
        }
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "%s: %d points x %d schedulers x %d replications = %d runs (%d resumed, %d failed) on %s"
                        + " in %.2f s -> %s", study.base().name(), study.points().size(), study.schedulers().size(),
                outcome.replications(), outcome.runs(), outcome.resumed(), outcome.failures().size(), executor.describe(),
                (System.nanoTime() - t0) / 1e9, target));
        return outcome.failures().isEmpty() ? 0 : 1;
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

    /** How many rounds a run of several cells ran: the distinct values of its {@code round} column. */
    private static long roundsIn(RunResult result) {
        return roundsIn(result.rounds());
    }

    private static <T> long roundsIn(org.edgesim.table.Table<T> rounds) {
        org.edgesim.table.Column<T> round = rounds.columns().stream().filter(c -> c.name().equals("round")).findFirst()
                .orElseThrow();
        return rounds.rows().stream().map(round.value()).distinct().count();
    }
}

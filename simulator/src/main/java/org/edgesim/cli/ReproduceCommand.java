package org.edgesim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.edgesim.calibration.CalibrationStudy;
import org.edgesim.study.ClaimResult;
import org.edgesim.study.ClaimsReport;
import org.edgesim.simulation.Catalog;
import org.edgesim.report.Gallery;
import org.edgesim.report.plot.StudyFigure;
import org.edgesim.scenario.CalibrationSpec;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.study.Study;
import org.edgesim.study.StudyLoader;
import org.edgesim.sweep.Studies;
import org.edgesim.sweep.SweepExecutor;
import org.edgesim.sweep.SweepProgress;
import org.edgesim.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "reproduce", mixinStandardHelpOptions = true,
        header = "Run every figure scenario, draw the figures and check the papers' claims.",
        description = {"Run every figure scenario in the scenarios folder and its subfolders (those with",
                "'figures'; a scenario whose data are not installed is skipped, saying so) and write",
                "results/<paper>/<figure>.png and .svg, each study's CSV files under",
                "results/<paper>/<scenario>/, each paper's claims checked in results/<paper>/claims.csv",
                "(all of them in results/claims.md), and a gallery results/index.md."})
final class ReproduceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TARGET", defaultValue = "all",
            description = "all (default), a paper (e.g. partel), or a scenario or figure name")
    String target;

    @Option(names = "--quick", description = "the scenarios' quick settings: few replications and rounds; minutes, not hours")
    boolean quick;

    @Option(names = "--threads", paramLabel = "N", description = "parallel runs (default: all cores)")
    Integer threads;

    @Mixin
    ExecutorOptions executorOptions;

    @Option(names = "--resume", description = "continue interrupted studies instead of starting them afresh")
    boolean resume;

    @Option(names = "--force", description = "with --resume: start afresh a study whose folder holds another study's"
            + " runs (without it they are refused)")
    boolean force;

    @Option(names = "--recheck-claims", description = "run nothing: check the claims of the studies already run again,"
            + " from their CSV files, with this build, and redraw the claims tables and gallery (a study whose scenario"
            + " file changed since its run is refused)")
    boolean recheck;

    @Option(names = "--allow-large", description = "accept sweeps of more than 100,000 design points")
    boolean allowLarge;

    @Option(names = "--scenarios", paramLabel = "DIR", defaultValue = "scenarios", description = "where the scenario files are (default: ${DEFAULT-VALUE})")
    Path scenarios;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "results", description = "where results go (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(names = {"-q", "--quiet"}, description = "no progress output")
    boolean quiet;

    private record Done(Study study, Path file, List<Path> figures, double seconds) {
    }

    /** A calibration file chosen, and what its run left. */
    private record Calibration(CalibrationSpec spec, Path file) {
    }

    private record Calibrated(Calibration calibration, CalibrationStudy.Outcome outcome, double seconds) {
    }

    /** The calibration files chosen (run after the studies: seconds each). */
    private final List<Calibration> calibrations = new ArrayList<>();
    private final List<Calibrated> calibrated = new ArrayList<>();

    /** The studies skipped (their data not installed), for the gallery. */
    private final List<Gallery.Skipped> skipped = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (!Files.isDirectory(scenarios)) {
            err.println("edgesim: no scenarios folder " + scenarios);
            return Failures.BAD_INPUT;
        }
        if (threads != null && threads < 1) {
            err.println("edgesim: --threads must be >= 1, got " + threads);
            return Failures.BAD_INPUT;
        }
        Catalog catalog = Catalog.standard();
        StudyLoader loader = new StudyLoader(catalog.loader());
        List<Path> files;
        try (Stream<Path> s = Files.walk(scenarios)) {
            // Scenario files, not the JSON Schema that describes them (scenarios/edgesim-scenario.schema.json).
            files = s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$") && !p.toString().endsWith(".schema.json"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        }
        List<Study> chosen = new ArrayList<>();
        for (Path f : files) {
            if (CalibrationSpec.isCalibration(f)) {
                CalibrationSpec c = CalibrationSpec.load(f);
                if (target.equals("all") || target.equals(c.paper()) || target.equals(c.name())) {
                    calibrations.add(new Calibration(c, f));
                }
                continue;
            }
            Study study;
            try {
                study = loader.load(f, quick, allowLarge);
            } catch (ScenarioException e) {
                if (!e.dataMissing()) {
                    throw e;
                }
                // Unloaded, its paper and names are unknown: said unless the file cannot be one the target names.
                if (target.equals("all") || Files.readString(f).contains(target)) {
                    err.println("edgesim: skipped, its data are not installed: " + e.getMessage());
                    skipped.add(new Gallery.Skipped(f.toString(), "its data are not installed: " + e.getMessage()));
                }
                continue;
            }
            Scenario base = study.base();
            if (base.figures() == null || !matches(base)) {
                continue;
            }
            chosen.add(study);
        }
        if (chosen.isEmpty() && calibrations.isEmpty()) {
            err.println("edgesim: no figure scenario in " + scenarios + " matches '" + target + "'");
            return Failures.BAD_INPUT;
        }
        // A paper's figures share its folder: two studies drawing one name would overwrite each other.
        java.util.Map<String, String> drawnBy = new java.util.HashMap<>();
        for (Study st : chosen) {
            for (FigureSpec f : st.base().figures()) {
                String key = paperOf(st.base()) + "/" + f.name();
                String other = drawnBy.putIfAbsent(key, st.base().name());
                if (other != null) {
                    err.println("edgesim: figure '" + f.name() + "' is drawn by studies " + other + " and "
                            + st.base().name() + " of paper " + paperOf(st.base()) + "; results/" + paperOf(st.base())
                            + "/ would hold one of them: rename one");
                    return Failures.BAD_INPUT;
                }
            }
        }
        if (recheck) {
            if (resume || force) {
                err.println("edgesim: --recheck-claims runs nothing; it takes no --resume or --force");
                return Failures.BAD_INPUT;
            }
            return recheck(chosen, err);
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        SweepExecutor executor;
        try {
            executor = executorOptions.create(catalog, n);
        } catch (IllegalArgumentException e) {
            err.println("edgesim: " + e.getMessage());
            return Failures.BAD_INPUT;
        }
        try (executor) {
            return reproduce(chosen, new SweepRunner(executor, catalog), err);
        }
    }

    /**
     * The files of figure {@code f} in {@code dir}: {@code <name>.png} or {@code <name>-<panel>.png}
     * (and the speedup table's {@code .md}); with {@code all}, also the SVG and CSV siblings.
     */
    private static List<Path> figureFiles(Path dir, FigureSpec f, boolean all) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> kinds = all ? List.of(".png", ".svg", ".pdf", ".md", ".csv") : f.speedupTable() ? List.of(".png", ".md")
                : List.of(".png");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String name = p.getFileName().toString();
                int dot = name.lastIndexOf('.');
                if (dot < 0 || !kinds.contains(name.substring(dot)) || !Files.isRegularFile(p)) {
                    return false;
                }
                String stem = name.substring(0, dot);
                return StudyFigure.drawnBy(f, stem);
            }).sorted().toList();
        }
    }

    private int reproduce(List<Study> chosen, SweepRunner runner, java.io.PrintWriter err) throws Exception {
        runner.onWarning(w -> err.println("edgesim: " + w));
        List<Done> done = new ArrayList<>();
        int failed = 0;
        // With an executor whose threads serve several sweeps, two studies are under way at a time:
        // the next one's tasks queue behind the current one's and take a thread as soon as the
        // current one's tail leaves it free (and its figures and claims are drawn meanwhile). Each
        // study writes its own folder only, so the results are the same bytes either way; the next
        // study's progress shows once the current one's is done.
        int inFlight = runner.executor().sharesThreads() ? 2 : 1;
        java.util.concurrent.ExecutorService studies = java.util.concurrent.Executors.newFixedThreadPool(inFlight, r -> {
            Thread t = new Thread(r, "edgesim-study");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<StudyRun>> pending = new ArrayList<>();
            List<SweepProgress.Gate> gates = new ArrayList<>();
            long previousEnd = Long.MIN_VALUE;
            for (int i = 0; i < chosen.size(); i++) {
                // Study i is under way (submitted with the one before); the next one starts once
                // study i hands its tasks to the pool, so that its own queue behind them.
                while (pending.size() < Math.min(chosen.size(), i + 1)) {
                    submit(chosen.get(pending.size()), runner, err, studies, pending, gates);
                }
                gates.get(i).open();
                if (inFlight > 1 && i + 1 < chosen.size()) {
                    gates.get(i).awaitStarted(pending.get(i));
                    submit(chosen.get(i + 1), runner, err, studies, pending, gates);
                }
                StudyRun r;
                try {
                    r = pending.get(i).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Exception x) {
                        throw x;
                    }
                    throw (Error) e.getCause();
                }
                failed += r.outcome().failures().size();
                r.outcome().failures().forEach(f -> err.println("edgesim: failed: " + f));
                // The wall time the study added: from its start or the previous study's end, whichever
                // came later (overlapping studies' times add up to the whole run's).
                double seconds = Math.max(0, r.end() - Math.max(r.start(), previousEnd)) / 1e9;
                previousEnd = Math.max(previousEnd, r.end());
                Done d = new Done(r.study(), r.file(), r.figures(), seconds);
                done.add(d);
                spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s/%s: %d runs in %.1f s -> %s",
                        paperOf(r.study().base()), r.study().base().name(), r.outcome().runs(), seconds, r.figures()));
            }
        } finally {
            studies.shutdownNow();
        }
        for (Calibration c : calibrations) {
            long t0 = System.nanoTime();
            CalibrationStudy.Outcome o = CalibrationStudy.run(c.spec(), results.resolve(c.spec().paper()), quick,
                    quiet ? new java.io.PrintWriter(java.io.Writer.nullWriter()) : err);
            double seconds = (System.nanoTime() - t0) / 1e9;
            calibrated.add(new Calibrated(c, o, seconds));
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "%s/%s: %d models x %d drops in %.1f s -> %s",
                    c.spec().paper(), c.spec().name(), c.spec().models().size(), o.drops(), seconds, o.figures()));
        }
        int summary = summarise(done);
        return failed == 0 ? summary : 1;
    }

    /** The papers' claims tables, the gallery and the counts printed, after the studies in {@code done}. */
    private int summarise(List<Done> done) throws IOException {
        ClaimsReport.Counts claims = ClaimsReport.gather(results);
        writeIndex(done);
        spec.commandLine().getOut().println("gallery: " + results.resolve("index.md") + " and "
                + results.resolve("index.html"));
        if (claims.total() > 0) {
            for (var paper : ClaimsReport.counts(results).entrySet()) {
                spec.commandLine().getOut().println("claims of " + paper.getKey() + ": " + paper.getValue());
            }
            spec.commandLine().getOut().println("claims: " + claims + " (" + results.resolve(ClaimsReport.MARKDOWN) + ")");
        }
        return 0;
    }

    /** {@code --recheck-claims}: every chosen study's claims again, then the papers' tables and the gallery. */
    private int recheck(List<Study> chosen, java.io.PrintWriter err) throws IOException {
        List<Done> done = new ArrayList<>();
        for (Study study : chosen) {
            String paper = paperOf(study.base());
            Study ran;
            try {
                ran = Studies.recheckClaims(study, results.resolve(paper).resolve(study.base().name()), quick);
            } catch (IOException e) {
                err.println("edgesim: " + e.getMessage());
                return Failures.BAD_INPUT;
            }
            List<Path> figures = new ArrayList<>();
            for (FigureSpec f : study.base().figures()) {
                figures.addAll(figureFiles(results.resolve(paper), f, false));
            }
            done.add(new Done(ran, study.source() == null ? null : Path.of(study.source()), figures, 0));
            spec.commandLine().getOut().println(paper + "/" + study.base().name() + ": claims checked again");
        }
        for (Calibration c : calibrations) {
            spec.commandLine().getOut().println(c.spec().paper() + "/" + c.spec().name() + ": a calibration's claims are"
                    + " kept as its run left them (it runs in seconds: reproduce " + c.spec().name() + " checks them again)");
        }
        return summarise(done);
    }

    private void submit(Study study, SweepRunner runner, java.io.PrintWriter err,
                        java.util.concurrent.ExecutorService studies,
                        List<java.util.concurrent.Future<StudyRun>> pending, List<SweepProgress.Gate> gates) {
        SweepProgress.Gate gate = SweepProgress.gated(quiet ? SweepProgress.NONE
                : SweepProgress.forConsole(study.base().name(), err));
        gates.add(gate);
        pending.add(studies.submit(() -> runStudy(study, runner, gate)));
    }

    /** What one study left: its outcome and what the gallery shows of it. */
    private record StudyRun(SweepRunner.Outcome outcome, Study study, Path file, List<Path> figures, long start,
                            long end) {
    }

    private StudyRun runStudy(Study study, SweepRunner runner, SweepProgress progress) throws Exception {
        String paper = paperOf(study.base());
        Path folder = results.resolve(paper).resolve(study.base().name());
        long t0 = System.nanoTime();
        // Without --resume each study starts afresh; once its run is accepted (under its folder's
        // lock), the figures of an earlier run (another panel set, e.g. a full run's) are removed
        // so that they cannot pass for this one's.
        Studies.Stale stale = () -> {
            if (!resume) {
                for (FigureSpec f : study.base().figures()) {
                    for (Path old : figureFiles(results.resolve(paper), f, true)) {
                        Files.delete(old);
                    }
                }
            }
        };
        SweepRunner.Outcome o = Studies.run(runner, study, folder, results.resolve(paper), resume,
                resume ? force : true, quick, progress, stale);
        List<Path> figures = new ArrayList<>();
        for (FigureSpec f : study.base().figures()) {
            figures.addAll(figureFiles(results.resolve(paper), f, false));
        }
        return new StudyRun(o, study.withReplications(o.replications()), study.source() == null ? null
                : Path.of(study.source()), figures, t0, System.nanoTime());
    }

    private boolean matches(Scenario s) {
        if (target.equals("all") || target.equals(paperOf(s)) || target.equals(s.name())) {
            return true;
        }
        return s.figures().stream().anyMatch(f -> f.name().equals(target));
    }

    private static String paperOf(Scenario s) {
        return s.paper() == null ? "misc" : s.paper();
    }

    private void writeIndex(List<Done> done) throws IOException {
        java.util.Map<String, String> summaries = new java.util.HashMap<>();
        ClaimsReport.counts(results).forEach((paper, c) -> summaries.put(paper, c.toString()));
        List<Gallery.Study> studies = new ArrayList<>();
        for (Done d : done) {
            Scenario s = d.study().base();
            Path studyFolder = results.resolve(paperOf(s)).resolve(s.name());
            List<ClaimResult> rows = Files.exists(studyFolder.resolve(ClaimsReport.FILE))
                    ? ClaimsReport.read(studyFolder.resolve(ClaimsReport.FILE)) : List.of();
            List<Gallery.Figure> figures = new ArrayList<>();
            for (FigureSpec f : s.figures()) {
                figures.add(new Gallery.Figure(f.name(), figureFiles(results.resolve(paperOf(s)), f, false),
                        rows.stream().filter(r -> r.figure().equals(f.name())).map(ClaimResult::shown).toList()));
            }
            studies.add(new Gallery.Study(paperOf(s), s.name(), s.description(), List.of(
                    "scenario: " + d.file(), String.format(Locale.ROOT, "swept: %s; %d points x %d schedulers (%s) x %d"
                            + " replications = %d runs", d.study().parameters(), d.study().points().size(),
                            d.study().schedulers().size(), String.join(", ", d.study().schedulers()),
                            d.study().replications(), d.study().runs()), String.format(Locale.ROOT,
                            "seed: %d, rounds: %d, run time: %.1f s", s.seed(),
                            d.study().points().get(0).scenario().rounds(), d.seconds())), studyFolder, figures));
        }
        for (Calibrated c : calibrated) {
            CalibrationSpec cs = c.calibration().spec();
            Path folder = results.resolve(cs.paper()).resolve(cs.name());
            List<Gallery.Figure> figures = new ArrayList<>();
            for (int metric = 0; metric < CalibrationSpec.METRICS.size(); metric++) {
                String name = CalibrationStudy.figureName(cs, metric);
                figures.add(new Gallery.Figure(name, c.outcome().figures().stream()
                        .filter(p -> p.getFileName().toString().equals(name + ".png")).toList(), c.outcome().claims()
                        .stream().filter(r -> r.figure().equals(name)).map(ClaimResult::shown).toList()));
            }
            studies.add(new Gallery.Study(cs.paper(), cs.name(), cs.description(), List.of("calibration: "
                    + c.calibration().file(), String.format(Locale.ROOT, "%d models x %d drops of %d devices, seed %d, run"
                    + " time %.1f s", cs.models().size(), c.outcome().drops(), cs.devicesPerDrop(), cs.seed(), c.seconds())),
                    folder, figures));
        }
        studies.addAll(earlier(done));
        studies.sort(java.util.Comparator.comparing(Gallery.Study::paper).thenComparing(Gallery.Study::name));
        new Gallery(results, quick, summaries, studies, skipped).write();
    }

    /**
     * The studies in the results folder that this run did not run (an earlier run's, in the same
     * mode, quick or full), so that reproducing one paper or study keeps the others in the gallery.
     */
    private List<Gallery.Study> earlier(List<Done> done) throws IOException {
        java.util.Set<Path> ran = new java.util.HashSet<>();
        for (Done d : done) {
            ran.add(results.resolve(paperOf(d.study().base())).resolve(d.study().base().name()).toAbsolutePath());
        }
        List<Gallery.Study> out = new ArrayList<>();
        if (!Files.isDirectory(results)) {
            return out;
        }
        var mapper = org.edgesim.scenario.ScenarioLoader.mapper(org.edgesim.scenario.ScenarioLoader.Format.JSON);
        try (Stream<Path> papers = Files.list(results)) {
            for (Path paperDir : papers.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> folders = Files.list(paperDir)) {
                    for (Path folder : folders.filter(f -> Files.isRegularFile(f.resolve(Studies.STUDY))).sorted()
                            .toList()) {
                        if (ran.contains(folder.toAbsolutePath())) {
                            continue;
                        }
                        var m = mapper.readTree(folder.resolve(Studies.STUDY).toFile());
                        if (m.path("quick").asBoolean() != quick) {
                            continue;
                        }
                        Scenario s = Studies.scenarioOf(folder);
                        List<ClaimResult> rows = Files.exists(folder.resolve(ClaimsReport.FILE))
                                ? ClaimsReport.read(folder.resolve(ClaimsReport.FILE)) : List.of();
                        List<Gallery.Figure> figures = new ArrayList<>();
                        for (FigureSpec f : s.figures()) {
                            figures.add(new Gallery.Figure(f.name(), figureFiles(paperDir, f, false), rows.stream()
                                    .filter(r -> r.figure().equals(f.name())).map(ClaimResult::shown).toList()));
                        }
                        List<String> schedulers = new ArrayList<>();
                        m.path("schedulers").forEach(n -> schedulers.add(n.asText()));
                        out.add(new Gallery.Study(paperDir.getFileName().toString(), s.name(), s.description(),
                                List.of("scenario: " + m.path("scenarioFile").asText(), String.format(Locale.ROOT,
                                        "%d points x %d schedulers (%s) x %d replications = %d runs",
                                        m.path("points").asInt(), schedulers.size(), String.join(", ", schedulers),
                                        m.path("replications").asInt(), m.path("runs").asLong()),
                                        String.format(Locale.ROOT, "seed: %d, rounds: %d; run by an earlier"
                                                + " reproduce", s.seed(), s.rounds())), folder, figures));
                    }
                }
            }
        }
        return out;
    }
}

package org.edgesim.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.edgesim.study.PairedStatistics;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.report.AtomicFiles;
import org.edgesim.report.CodeIdentity;
import org.edgesim.scenario.PrecisionSpec;
import org.edgesim.study.Study;

/**
 * Runs every (point, scheduler, replication) of a study on an executor (threads of this JVM by
 * default, or a Spark cluster) and writes, as each
 * block of {@link #BLOCK} replications finishes, its rows atomically into {@code runs/} of the
 * result folder, forced to the disk in groups once a second ({@link GroupSync}: a crash loses at
 * most that second's blocks, which their checksums tell); finished blocks are skipped on {@code resume}. When all have run, {@code points.csv} (one row per run, in the
 * study's order) and {@code summary.csv} are assembled from those rows, so the results are the
 * same bytes whatever the number of threads, the order of completion or the interruptions. A run
 * that fails is reported with its parameters in {@code failures.csv} and does not stop the others.
 * Studies that keep traces ({@link Study#traced()}) also get {@code rounds.csv} (one row per run and
 * round) and {@code trace.csv} (its statistics per point, scheduler and round).
 */
public final class SweepRunner {
    public static final String POINTS = "points.csv";
    public static final String SUMMARY = "summary.csv";
    /** Paired differences against the reference scheduler (studies that compare schedulers). */
    public static final String PAIRED = "paired.csv";
    public static final String FAILURES = "failures.csv";
    public static final String ROUNDS = "rounds.csv";
    public static final String TRACE = "trace.csv";
    /** Suffix of a block's per-round rows in {@code runs/}, beside its {@code <id>.csv}. */
    private static final String ROUNDS_SUFFIX = ".rounds.csv";
    /** Suffix of a block's failed replications in {@code runs/}, when some failed. */
    private static final String FAILURES_SUFFIX = ".failures.csv";
    public static final String RUNS = "runs";
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    /** The study a folder's blocks belong to: {@code runs/study.json}. */
    public static final String RUNS_STUDY = "study.json";
    /** Held while a sweep writes a folder. */
    public static final String LOCK = ".edgesim.lock";

    private final SweepExecutor executor;
    private final Catalog catalog;
    private java.util.function.Consumer<String> warnings = w -> System.err.println("edgesim: " + w);

    /** A runner on {@code executor}, for the schedulers of {@code catalog} (whose plug-ins it identifies). */
    public SweepRunner(SweepExecutor executor, Catalog catalog) {
        this.executor = executor;
        this.catalog = catalog;
    }

    /** A runner on {@code executor}, for the standard catalog (built-in schedulers and plug-ins). */
    public SweepRunner(SweepExecutor executor) {
        this(executor, Catalog.standard());
    }

    /** A runner on {@code threads} threads of this JVM. */
    public SweepRunner(Simulation simulation, int threads) {
        this(new LocalExecutor(simulation, threads), simulation.catalog());
    }

    public SweepExecutor executor() {
        return executor;
    }

    /** Where one-line warnings go (a damaged block run again); standard error by default. */
    public SweepRunner onWarning(java.util.function.Consumer<String> sink) {
        this.warnings = sink;
        return this;
    }

    /** The code that runs {@code study}: this build, the plug-in jars and scheduler scripts it uses. */
    public CodeIdentity code(Study study) {
        return catalog.codeIdentity(study.base(), study.schedulers());
    }

    /**
     * The study's fingerprint: the SHA-256 of its resolved scenario (sweep, seed, replications and
     * overrides included) and of the code that runs it ({@link #code}: edgesim's version, git
     * commit and dirty flag, plug-in jars, scheduler scripts). Every block carries it, so blocks of
     * another study, or of the same study computed by other code, are never mixed in.
     */
    public String fingerprint(Study study) {
        return fingerprint(study, code(study));
    }

    private static String fingerprint(Study study, CodeIdentity code) {
        try {
            String json = org.edgesim.scenario.ScenarioLoader.mapper(org.edgesim.scenario.ScenarioLoader.Format.JSON)
                    .writeValueAsString(study.base());
            return Blocks.sha256(json + "\n" + code.canonical());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the study as JSON", e);
        }
    }

    /**
     * Replications saved together: one file per block of {@value} replications of one point and
     * scheduler, so that a sweep of 40,000 short runs writes 1,600 files, not 40,000, while an
     * interruption loses at most one block per thread. Fixed, so that resuming with another
     * thread count finds the same blocks.
     */
    static final int BLOCK = 25;

    /** A block of replications {@code [first, end)} of one point and scheduler: the unit of work and of saving. */
    record Run(Study.Point point, String scheduler, int first, int end) {
        String id() {
            return String.format(Locale.ROOT, "p%05d-%s-r%05d", point.index(), scheduler, first);
        }

        int size() {
            return end - first;
        }
    }

    /**
     * What a sweep left: where, how many runs, which failed, and how many replications ran (the
     * sweep's, or as many as its precision target took).
     */
    public record Outcome(Path folder, long runs, long resumed, List<String> failures, int replications) {
    }

    /** Every block of {@code study}, in the study's order: points, then schedulers, then replications. */
    static List<Run> runs(Study study) {
        return runs(study, study.replications());
    }

    /**
     * As above, with replications in batches of {@code batch} (sequential replications): a block
     * never spans two batches, so the blocks of the first batches stay when more are added.
     */
    static List<Run> runs(Study study, int batch) {
        List<Run> out = new ArrayList<>();
        int n = study.replications();
        for (Study.Point p : study.points()) {
            for (String s : study.schedulers()) {
                for (int b = 0; b < n; b += batch) {
                    int end = Math.min(n, b + batch);
                    for (int r = b; r < end; r += BLOCK) {
                        out.add(new Run(p, s, r, Math.min(end, r + BLOCK)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Runs {@code study} into {@code folder}.
     *
     * @param resume keep the runs already in {@code folder}; without it the folder must not hold any
     * @throws IllegalStateException if {@code folder} holds runs and {@code resume} is off
     */
    public Outcome run(Study study, Path folder, boolean resume, SweepProgress progress)
            throws IOException, InterruptedException {
        return run(study, folder, resume, false, progress);
    }

    /**
     * Runs {@code study} into {@code folder}, which one sweep at a time may write (a lock file).
     *
     * @param resume keep the blocks already in {@code folder} that belong to this study (same
     *               fingerprint) and are intact; a damaged block is run again, saying so
     * @param force  start afresh over blocks of another study, instead of refusing
     * @throws IllegalStateException if {@code folder} holds blocks and {@code resume} is off, or
     *                               blocks of another study and {@code force} is off, or another
     *                               sweep is writing it
     */
    public Outcome run(Study study, Path folder, boolean resume, boolean force, SweepProgress progress)
            throws IOException, InterruptedException {
        Files.createDirectories(folder);
        try (FolderLock lock = FolderLock.acquire(folder.resolve(LOCK))) {
            return runHeld(study, folder, resume, force, progress, () -> { });
        }
    }

    /** Something done to a result folder once a run into it is accepted, before anything in it changes. */
    @FunctionalInterface
    interface Accepted {
        void run() throws IOException;
    }

    /**
     * As {@link #run(Study, Path, boolean, boolean, SweepProgress)}, with the folder's lock held by
     * the caller; {@code accepted} runs once the run is accepted (nothing is deleted before).
     */
    Outcome runHeld(Study study, Path folder, boolean resume, boolean force, SweepProgress progress,
                    Accepted accepted) throws IOException, InterruptedException {
        Path runsDir = folder.resolve(RUNS);
        CodeIdentity code = code(study);
        String fingerprint = fingerprint(study, code);
        removeLitter(folder);
        removeLitter(runsDir);
        List<Path> blocks = blockFiles(runsDir);
        if (!resume && !blocks.isEmpty() && !force) {
            throw new IllegalStateException(folder + " already holds runs of a sweep; add --resume to continue it,"
                    + " --force to start afresh, or choose another --out");
        }
        if (resume && !force) {
            checkSameStudy(study, code, fingerprint, runsDir, blocks);
        }
        accepted.run();
        if (!resume || force) {
            for (Path b : blocks) {
                Files.delete(b);
            }
        }
        Files.createDirectories(runsDir);
        writeRunsStudy(runsDir, study, code, fingerprint);
        // A fixed count runs in one batch; with a precision target, batches of the sweep's
        // replications run until every interval is narrow enough (decided by the results alone).
        PrecisionSpec precision = study.precision();
        int batch = study.replications();
        int n = batch;
        Map<String, String> unsaved = new java.util.TreeMap<>();
        long resumed = 0;
        long before = 0; // runs of the batches this sweep has run
        while (true) {
            Study current = study.withReplications(n);
            // At least 0: a block of an earlier batch that could not be saved is computed again.
            resumed += Math.max(0, runBatch(current, batch, runsDir, fingerprint, unsaved, progress) - before);
            if (precision == null || n >= precision.maxReplications()
                    || precise(current, runs(current, batch), runsDir, precision)) {
                break;
            }
            before = current.runs();
            n = Math.min(n + batch, precision.maxReplications());
        }
        study = study.withReplications(n);
        List<Run> all = runs(study, batch);
        // Every block, computed now or earlier, is checked again: one deleted or changed while the
        // sweep ran is a missing run, said by name, never a row silently left out.
        List<String> failures = new ArrayList<>();
        for (Run r : all) {
            if (!intact(runsDir, r, study.traced(), false)) {
                String why = unsaved.getOrDefault(r.id(), "its block " + RUNS + "/" + r.id() + ".csv is missing or"
                        + " damaged (deleted or changed while the sweep ran?)") + "; continue with --resume to compute it";
                failures.add(describe(study, r.point()) + " scheduler " + r.scheduler() + " replications " + r.first()
                        + "-" + (r.end() - 1) + ": " + why);
            } else {
                failures.addAll(recordedFailures(runsDir, r));
            }
        }
        List<String> sortedFailures = failures.stream().sorted().toList();
        assemble(study, all, folder, sortedFailures, ranges(study));
        return new Outcome(folder, study.runs(), resumed, sortedFailures, n);
    }

    /**
     * Runs the blocks of {@code study} (replications in batches of {@code batch}) not already
     * intact in {@code runsDir}; returns how many runs were already done.
     */
    private long runBatch(Study study, int batch, Path runsDir, String fingerprint, Map<String, String> unsaved,
                          SweepProgress progress) throws IOException, InterruptedException {
        List<Run> pending = new ArrayList<>();
        for (Run r : runs(study, batch)) {
            if (!intact(runsDir, r, study.traced(), true)) {
                pending.add(r);
            }
        }
        long done = study.runs() - pending.stream().mapToLong(Run::size).sum();
        progress.started(study.runs(), done);
        // One task per block (point, scheduler, replications), so that a study of one point and a few
        // schedulers still keeps every thread busy; a run depends on its scenario, scheduler and
        // replication alone (common random numbers come from the streams' names, not from sharing).
        List<SweepTask> tasks = new ArrayList<>();
        List<String> keyNames = new ArrayList<>(List.of("point"));
        keyNames.addAll(study.parameters());
        for (Run r : pending) {
            tasks.add(new SweepTask(r.point().index(), describe(study, r.point()), keyNames, keys(study, r.point()),
                    r.first(), r.end(), List.of(r.scheduler()), study.traced()));
        }
        try (GroupSync sync = new GroupSync(GroupSync.PERIOD_MS)) {
            executor.execute(study, tasks, progress, result -> save(result, study, runsDir, unsaved, fingerprint, sync));
        } finally {
            progress.close();
        }
        return done;
    }

    /**
     * Whether every point and scheduler of {@code study} has a 95% interval of the precision
     * metric's mean within the relative half-width asked for (a block that failed or is missing
     * counts as not precise: the batches go on to the maximum, and the check after the sweep names it).
     */
    private static boolean precise(Study study, List<Run> all, Path runsDir, PrecisionSpec precision)
            throws IOException {
        Map<String, List<Double>> values = new java.util.HashMap<>();
        for (Run r : all) {
            Path csv = runsDir.resolve(r.id() + ".csv");
            if (!Files.exists(csv)) {
                return false;
            }
            List<List<String>> rows = Blocks.read(csv).rows();
            if (rows.isEmpty()) {
                return false;
            }
            int col = rows.get(0).indexOf(precision.metric());
            if (col < 0) {
                continue; // a point that does not write the metric (one cell of a study of several) has no target
            }
            List<Double> v = values.computeIfAbsent(r.point().index() + "/" + r.scheduler(), k -> new ArrayList<>());
            for (List<String> row : rows.subList(1, rows.size())) {
                v.add(Double.parseDouble(row.get(col)));
            }
        }
        for (List<Double> v : values.values()) {
            if (v.size() < 2) {
                return false;
            }
            PairedStatistics.Estimate e = PairedStatistics.mean(v.stream().mapToDouble(Double::doubleValue).toArray());
            if (!((e.high() - e.low()) / 2 <= precision.relativeHalfWidth() * Math.abs(e.value()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Removes the temporary files ({@code .NAME.tmp-PID-TID}) that a killed edgesim left in
     * {@code dir}: with the folder's lock held, no other edgesim writes there.
     */
    static void removeLitter(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.getFileName().toString().matches("\\..+\\.tmp-\\d+-\\d+")
                    && Files.isRegularFile(p)).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String describe(Study study, Study.Point point) {
        StringBuilder sb = new StringBuilder("point " + point.index());
        for (int k = 0; k < study.parameters().size(); k++) {
            sb.append(' ').append(study.parameters().get(k)).append('=').append(point.labels().get(k));
        }
        return sb.toString();
    }

    /** The point's key columns: its index and its swept values (SI units, or the label if not a number). */
    private static List<String> keys(Study study, Study.Point point) {
        List<String> row = new ArrayList<>(List.of(Integer.toString(point.index())));
        for (int k = 0; k < study.parameters().size(); k++) {
            row.add(point.key(k));
        }
        return row;
    }

    /**
     * Saves each block of a task's result in its files: the replications that failed (if any)
     * and the per-round rows first, the block's {@code <id>.csv} last (a block counts as done once
     * it exists). A failed replication is left out of its block's rows and recorded beside them,
     * so that --resume does not retry it and still reports it.
     */
    private static void save(SweepTask.Result result, Study study, Path runsDir, Map<String, String> unsaved,
                             String fingerprint, GroupSync sync) {
        SweepTask t = result.task();
        Study.Point point = study.points().get(t.point());
        for (int i = 0; i < t.schedulers().size(); i++) {
            Run r = new Run(point, t.schedulers().get(i), t.first(), t.end());
            try {
                Path failed = runsDir.resolve(r.id() + FAILURES_SUFFIX);
                List<String> f = result.failures().get(i);
                if (f.isEmpty()) {
                    Files.deleteIfExists(failed);
                } else {
                    Blocks.write(failed, fingerprint, f.stream().map(List::of).toList(), sync);
                }
                if (t.traced()) {
                    Blocks.write(runsDir.resolve(r.id() + ROUNDS_SUFFIX), fingerprint, result.roundRows().get(i), sync);
                }
                Blocks.write(runsDir.resolve(r.id() + ".csv"), fingerprint, result.rows().get(i), sync);
            } catch (IOException e) {
                unsaved.put(r.id(), "cannot save its block: " + SweepWork.words(e));
            }
        }
    }

    /** The failures recorded beside an intact block. */
    private static List<String> recordedFailures(Path runsDir, Run r) throws IOException {
        Path failed = runsDir.resolve(r.id() + FAILURES_SUFFIX);
        if (!Files.exists(failed)) {
            return List.of();
        }
        return Blocks.read(failed).rows().stream().map(row -> row.get(0)).toList();
    }

    /** Writes {@code rows} to a temporary file beside {@code target} and renames it: all or nothing. */
    static void writeAtomically(Path target, List<List<String>> rows) throws IOException {
        AtomicFiles.write(target, w -> {
            CSVPrinter p = new CSVPrinter(w, CSV);
            for (List<String> row : rows) {
                p.printRecord(row);
            }
            p.flush();
        });
    }

    /** The round columns' ranges (by header) of the study's points, to which summaries clip their intervals. */
    private Map<String, org.edgesim.table.Range> ranges(Study study) {
        Map<String, org.edgesim.table.Range> out = new java.util.HashMap<>();
        for (Study.Point p : study.points()) {
            catalog.protocol(p.scenario().protocol().type()).ifPresent(protocol -> protocol.roundColumns(p.scenario())
                    .forEach(c -> out.putIfAbsent(c.header(), c.range())));
        }
        return out;
    }

    private static void assemble(Study study, List<Run> all, Path folder, List<String> failures,
                                 Map<String, org.edgesim.table.Range> ranges) throws IOException {
        List<List<String>> rows = concatenate(study, all, folder, ".csv");
        writeAtomically(folder.resolve(POINTS), rows);
        writeAtomically(folder.resolve(SUMMARY), Summary.of(study, rows, ranges));
        if (study.schedulers().size() > 1) {
            writeAtomically(folder.resolve(PAIRED), Summary.paired(study, rows, study.reference()));
        }
        if (study.traced()) {
            List<List<String>> rounds = concatenate(study, all, folder, ROUNDS_SUFFIX);
            writeAtomically(folder.resolve(ROUNDS), rounds);
            writeAtomically(folder.resolve(TRACE), Summary.ofRounds(study, rounds, ranges));
        }
        if (failures.isEmpty()) {
            Files.deleteIfExists(folder.resolve(FAILURES));
        } else {
            List<List<String>> f = new ArrayList<>();
            f.add(List.of("failure"));
            failures.forEach(x -> f.add(List.of(x)));
            writeAtomically(folder.resolve(FAILURES), f);
        }
    }

    /** Whether a file of {@code runs/} is one of edgesim's blocks, or a temporary one a killed sweep left. */
    public static boolean isBlockFile(String name) {
        return name.matches("\\.?p\\d{5}-.*\\.csv(\\.tmp-.*)?");
    }

    /** The block files in {@code runsDir} (and temporary files a killed sweep left), in name order. */
    private static List<Path> blockFiles(Path runsDir) throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (var s = Files.list(runsDir)) {
            return s.filter(p -> isBlockFile(p.getFileName().toString())).sorted().toList();
        }
    }

    /** Refuses blocks of another study, naming what differs. */
    private static void checkSameStudy(Study study, CodeIdentity code, String fingerprint, Path runsDir,
                                       List<Path> blocks)
            throws IOException {
        for (Path b : blocks) {
            if (!b.getFileName().toString().endsWith(".csv")) {
                continue;
            }
            String theirs;
            try {
                theirs = Blocks.read(b).fingerprint();
            } catch (Blocks.DamagedBlockException e) {
                continue; // run again below
            }
            if (!theirs.equals(fingerprint)) {
                throw new IllegalStateException(runsDir.getParent() + " holds runs of another study ("
                        + StudyDifference.of(runsDir.resolve(RUNS_STUDY), study, code) + "); nothing was run: add --force"
                        + " to start afresh there, or choose another --out");
            }
        }
    }

    /**
     * Whether a block was saved whole for this study: its files intact, and a row or a recorded
     * failure for each of its replications. A damaged one is deleted, saying so.
     */
    private boolean intact(Path runsDir, Run r, boolean traced, boolean rerun) throws IOException {
        Path csv = runsDir.resolve(r.id() + ".csv");
        if (!Files.exists(csv)) {
            return false;
        }
        Path failed = runsDir.resolve(r.id() + FAILURES_SUFFIX);
        List<Path> files = new ArrayList<>(List.of(csv));
        if (traced) {
            files.add(runsDir.resolve(r.id() + ROUNDS_SUFFIX));
        }
        try {
            for (Path f : files) {
                if (!Files.exists(f)) {
                    throw new Blocks.DamagedBlockException("its per-round rows are missing");
                }
                Blocks.read(f);
            }
            int rows = Math.max(0, Blocks.read(csv).rows().size() - 1);
            int failures = Files.exists(failed) ? Blocks.read(failed).rows().size() : 0;
            if (rows + failures != r.size()) {
                throw new Blocks.DamagedBlockException("it accounts for " + (rows + failures) + " of its " + r.size()
                        + " replications");
            }
            return true;
        } catch (Blocks.DamagedBlockException e) {
            if (rerun) {
                warnings.accept(RUNS + "/" + csv.getFileName() + " is damaged (" + e.getMessage() + "); its runs are"
                        + " run again");
            }
            for (Path g : files) {
                Files.deleteIfExists(g);
            }
            Files.deleteIfExists(failed);
            return false;
        }
    }

    private static void writeRunsStudy(Path runsDir, Study study, CodeIdentity code, String fingerprint)
            throws IOException {
        var mapper = org.edgesim.scenario.ScenarioLoader.mapper(org.edgesim.scenario.ScenarioLoader.Format.JSON);
        var node = mapper.createObjectNode();
        node.put("fingerprint", fingerprint);
        node.put("edgesim", org.edgesim.report.BuildInfo.version());
        node.set("code", code.toJson(mapper));
        node.set("scenario", mapper.valueToTree(study.base()));
        AtomicFiles.writeString(runsDir.resolve(RUNS_STUDY), mapper.writeValueAsString(node));
    }

    /**
     * The rows of every block's file {@code <id><suffix>}, in the study's order, under one header:
     * the columns of all of them, in the order they first appear (points of one study may write
     * different columns, as one cell and several cells do); a column a run does not write is NaN in
     * its rows.
     */
    private static List<List<String>> concatenate(Study study, List<Run> all, Path folder, String suffix)
            throws IOException {
        List<List<List<String>>> blocks = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (Run r : all) {
            Path f = folder.resolve(RUNS).resolve(r.id() + suffix);
            if (!Files.exists(f)) {
                continue; // failed
            }
            List<List<String>> records = Blocks.read(f).rows();
            if (records.isEmpty()) {
                continue; // every replication of the block failed
            }
            for (String h : records.get(0)) {
                if (!header.contains(h)) {
                    header.add(h);
                }
            }
            blocks.add(records);
        }
        if (blocks.isEmpty()) {
            throw new IOException("no run of " + study.base().name() + " succeeded; see " + FAILURES);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (List<List<String>> records : blocks) {
            List<String> h = records.get(0);
            if (h.equals(header)) {
                rows.addAll(records.subList(1, records.size()));
                continue;
            }
            int[] at = new int[header.size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = h.indexOf(header.get(i));
            }
            for (List<String> record : records.subList(1, records.size())) {
                List<String> row = new ArrayList<>(at.length);
                for (int i : at) {
                    row.add(i < 0 ? "NaN" : record.get(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}

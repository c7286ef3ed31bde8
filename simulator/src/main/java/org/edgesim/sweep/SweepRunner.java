package org.edgesim.sweep;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.edgesim.engine.Simulation;
import org.edgesim.protocol.RunContext;
import org.edgesim.report.AtomicFiles;
import org.edgesim.scenario.Study;

/**
 * Runs every (point, scheduler, replication) of a study on a pool of threads and writes, as each
 * block of {@link #BLOCK} replications finishes, its rows atomically into {@code runs/} of the
 * result folder; finished blocks are skipped on {@code resume}. When all have run, {@code points.csv} (one row per run, in the
 * study's order) and {@code summary.csv} are assembled from those rows, so the results are the
 * same bytes whatever the number of threads, the order of completion or the interruptions. A run
 * that fails is reported with its parameters in {@code failures.csv} and does not stop the others.
 * Studies that keep traces ({@link Study#traced()}) also get {@code rounds.csv} (one row per run and
 * round) and {@code trace.csv} (its statistics per point, scheduler and round).
 */
public final class SweepRunner {
    public static final String POINTS = "points.csv";
    public static final String SUMMARY = "summary.csv";
    public static final String FAILURES = "failures.csv";
    public static final String ROUNDS = "rounds.csv";
    public static final String TRACE = "trace.csv";
    /** Suffix of a block's per-round rows in {@code runs/}, beside its {@code <id>.csv}. */
    private static final String ROUNDS_SUFFIX = ".rounds.csv";
    public static final String RUNS = "runs";
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private final Simulation simulation;
    private final int threads;

    public SweepRunner(Simulation simulation, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.simulation = simulation;
        this.threads = threads;
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

    /** What a sweep left: where, how many runs, which failed. */
    public record Outcome(Path folder, long runs, long resumed, List<String> failures) {
    }

    /** Every block of {@code study}, in the study's order: points, then schedulers, then replications. */
    static List<Run> runs(Study study) {
        List<Run> out = new ArrayList<>();
        for (Study.Point p : study.points()) {
            for (String s : study.schedulers()) {
                for (int r = 0; r < study.replications(); r += BLOCK) {
                    out.add(new Run(p, s, r, Math.min(study.replications(), r + BLOCK)));
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
        Path runsDir = folder.resolve(RUNS);
        if (!resume && Files.isDirectory(runsDir)) {
            try (var existing = Files.list(runsDir)) {
                if (existing.findAny().isPresent()) {
                    throw new IllegalStateException(folder + " already holds runs of a sweep; add --resume to"
                            + " continue it, or choose another --out");
                }
            }
        }
        Files.createDirectories(runsDir);
        List<Run> all = runs(study);
        List<Run> pending = new ArrayList<>();
        for (Run r : all) {
            if (!Files.exists(runsDir.resolve(r.id() + ".csv"))) {
                pending.add(r);
            }
        }
        long resumed = study.runs() - pending.stream().mapToLong(Run::size).sum();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        progress.started(study.runs(), resumed);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "edgesim-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            // One task per point and block of replications, over every pending scheduler: the
            // schedulers of a replication run one after another on one thread and share its streams.
            Map<String, List<Run>> tasks = new java.util.LinkedHashMap<>();
            for (Run r : pending) {
                tasks.computeIfAbsent(r.point().index() + "/" + r.first(), k -> new ArrayList<>()).add(r);
            }
            for (List<Run> task : tasks.values()) {
                futures.add(pool.submit(() -> {
                    execute(study, task, runsDir, failures, progress);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            progress.close();
        }
        List<String> sortedFailures = failures.stream().sorted().toList();
        assemble(study, all, folder, sortedFailures);
        return new Outcome(folder, study.runs(), resumed, sortedFailures);
    }

    private static String describe(Study study, Run r, int replication) {
        StringBuilder sb = new StringBuilder("point " + r.point().index());
        for (int k = 0; k < study.parameters().size(); k++) {
            sb.append(' ').append(study.parameters().get(k)).append('=').append(r.point().labels().get(k));
        }
        return sb.append(" scheduler ").append(r.scheduler()).append(" replication ").append(replication).toString();
    }

    /**
     * Runs the blocks of {@code task} (one point and block of replications, several schedulers),
     * replication by replication, and saves each block's rows in its file; a failed replication is
     * reported and its block saved without it, so that it is not retried by --resume.
     */
    private void execute(Study study, List<Run> task, Path runsDir, List<String> failures, SweepProgress progress) {
        List<List<List<String>>> rows = new ArrayList<>();
        List<List<List<String>>> roundRows = new ArrayList<>();
        for (int i = 0; i < task.size(); i++) {
            rows.add(new ArrayList<>());
            roundRows.add(new ArrayList<>());
        }
        Run first = task.get(0);
        for (int rep = first.first(); rep < first.end(); rep++) {
            for (int i = 0; i < task.size(); i++) {
                simulate(study, task.get(i), rep, rows.get(i), roundRows.get(i), failures);
                progress.step();
            }
        }
        for (int i = 0; i < task.size(); i++) {
            Run r = task.get(i);
            try {
                // The per-round rows first: the block counts as done once its <id>.csv exists.
                if (study.traced()) {
                    writeAtomically(runsDir.resolve(r.id() + ROUNDS_SUFFIX), roundRows.get(i));
                }
                writeAtomically(runsDir.resolve(r.id() + ".csv"), rows.get(i));
            } catch (IOException e) {
                failures.add(describe(study, r, r.first()) + ": cannot save the block: " + e);
            }
        }
    }

    /** Runs replication {@code rep} of block {@code r} and adds its rows (and per-round rows) to the block's. */
    private void simulate(Study study, Run r, int rep, List<List<String>> rows, List<List<String>> roundRows,
                          List<String> failures) {
        try {
            var result = simulation.run(r.point().scenario().withScheduler(r.scheduler()), rep,
                    RunContext.RoundListener.NONE);
            Map<String, Double> metrics = Metrics.of(result);
            if (rows.isEmpty()) {
                rows.add(keyHeader(study, List.of(), metrics.keySet()));
            }
            List<String> row = keys(study, r, rep);
            for (double v : metrics.values()) {
                row.add(Double.toString(v));
            }
            rows.add(row);
            if (study.traced()) {
                Metrics.Rounds rounds = Metrics.perRound(result);
                if (roundRows.isEmpty()) {
                    roundRows.add(keyHeader(study, List.of("round"), rounds.columns()));
                }
                for (int i = 0; i < rounds.rows().size(); i++) {
                    List<String> line = keys(study, r, rep);
                    line.add(Integer.toString(i + 1));
                    for (double v : rounds.rows().get(i)) {
                        line.add(Double.toString(v));
                    }
                    roundRows.add(line);
                }
            }
        } catch (RuntimeException e) {
            failures.add(describe(study, r, rep) + ": " + e);
        }
    }

    /** point, the swept parameters, scheduler, replication, then {@code more} and {@code metrics}. */
    private static List<String> keyHeader(Study study, List<String> more, java.util.Collection<String> metrics) {
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(study.parameters());
        header.addAll(List.of("scheduler", "replication"));
        header.addAll(more);
        header.addAll(metrics);
        return header;
    }

    /** The key values of replication {@code rep} of block {@code r}, as {@link #keyHeader} names them. */
    private static List<String> keys(Study study, Run r, int rep) {
        List<String> row = new ArrayList<>(List.of(Integer.toString(r.point().index())));
        for (int k = 0; k < study.parameters().size(); k++) {
            double v = r.point().values().get(k);
            row.add(Double.isNaN(v) ? r.point().labels().get(k) : number(v));
        }
        row.add(r.scheduler());
        row.add(Integer.toString(rep));
        return row;
    }

    /** A parameter value in SI units: integers without a fraction (10000000, 3), others as Java prints them. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
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

    private static void assemble(Study study, List<Run> all, Path folder, List<String> failures) throws IOException {
        List<List<String>> rows = concatenate(study, all, folder, ".csv");
        writeAtomically(folder.resolve(POINTS), rows);
        writeAtomically(folder.resolve(SUMMARY), Summary.of(study, rows));
        if (study.traced()) {
            List<List<String>> rounds = concatenate(study, all, folder, ROUNDS_SUFFIX);
            writeAtomically(folder.resolve(ROUNDS), rounds);
            writeAtomically(folder.resolve(TRACE), Summary.ofRounds(study, rounds));
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

    /** The rows of every block's file {@code <id><suffix>}, in the study's order, under one header. */
    private static List<List<String>> concatenate(Study study, List<Run> all, Path folder, String suffix)
            throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = null;
        for (Run r : all) {
            Path f = folder.resolve(RUNS).resolve(r.id() + suffix);
            if (!Files.exists(f)) {
                continue; // failed
            }
            try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8); CSVParser p = CSV.parse(in)) {
                List<CSVRecord> records = p.getRecords();
                if (records.isEmpty()) {
                    continue; // every replication of the block failed
                }
                List<String> h = records.get(0).toList();
                if (header == null) {
                    header = h;
                    rows.add(h);
                } else if (!header.equals(h)) {
                    throw new IOException(f + ": columns differ from the other runs' (a run from another study?)");
                }
                for (CSVRecord rec : records.subList(1, records.size())) {
                    rows.add(rec.toList());
                }
            }
        }
        if (header == null) {
            throw new IOException("no run of " + study.base().name() + " succeeded; see " + FAILURES);
        }
        return rows;
    }
}

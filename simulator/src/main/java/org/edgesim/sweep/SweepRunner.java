package org.edgesim.sweep;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.edgesim.scenario.Study;

/**
 * Runs every (point, scheduler, replication) of a study on a pool of threads and writes, as each
 * run finishes, its row atomically into {@code runs/} of the result folder; finished runs are
 * skipped on {@code resume}. When all have run, {@code points.csv} (one row per run, in the
 * study's order) and {@code summary.csv} are assembled from those rows, so the results are the
 * same bytes whatever the number of threads, the order of completion or the interruptions. A run
 * that fails is reported with its parameters in {@code failures.csv} and does not stop the others.
 */
public final class SweepRunner {
    public static final String POINTS = "points.csv";
    public static final String SUMMARY = "summary.csv";
    public static final String FAILURES = "failures.csv";
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

    /** One run of the study. */
    record Run(Study.Point point, String scheduler, int replication) {
        String id() {
            return String.format(Locale.ROOT, "p%05d-%s-r%05d", point.index(), scheduler, replication);
        }
    }

    /** What a sweep left: where, how many runs, which failed. */
    public record Outcome(Path folder, long runs, long resumed, List<String> failures) {
    }

    /** Every run of {@code study}, in the study's order: points, then schedulers, then replications. */
    static List<Run> runs(Study study) {
        List<Run> out = new ArrayList<>();
        for (Study.Point p : study.points()) {
            for (String s : study.schedulers()) {
                for (int r = 0; r < study.replications(); r++) {
                    out.add(new Run(p, s, r));
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
        long resumed = all.size() - pending.size();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        progress.started(all.size(), resumed);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "edgesim-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Run r : pending) {
                futures.add(pool.submit(() -> {
                    try {
                        execute(study, r, runsDir);
                    } catch (RuntimeException | IOException e) {
                        failures.add(describe(study, r) + ": " + e);
                    }
                    progress.step();
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
        return new Outcome(folder, all.size(), resumed, sortedFailures);
    }

    private static String describe(Study study, Run r) {
        StringBuilder sb = new StringBuilder("point " + r.point().index());
        for (int k = 0; k < study.parameters().size(); k++) {
            sb.append(' ').append(study.parameters().get(k)).append('=').append(r.point().labels().get(k));
        }
        return sb.append(" scheduler ").append(r.scheduler()).append(" replication ").append(r.replication()).toString();
    }

    private void execute(Study study, Run r, Path runsDir) throws IOException {
        var result = simulation.run(r.point().scenario().withScheduler(r.scheduler()), r.replication(),
                RunContext.RoundListener.NONE);
        Map<String, Double> metrics = Metrics.of(result);
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(study.parameters());
        header.addAll(List.of("scheduler", "replication"));
        header.addAll(metrics.keySet());
        List<String> row = new ArrayList<>(List.of(Integer.toString(r.point().index())));
        for (int k = 0; k < study.parameters().size(); k++) {
            double v = r.point().values().get(k);
            row.add(Double.isNaN(v) ? r.point().labels().get(k) : number(v));
        }
        row.add(r.scheduler());
        row.add(Integer.toString(r.replication()));
        for (double v : metrics.values()) {
            row.add(Double.toString(v));
        }
        writeAtomically(runsDir.resolve(r.id() + ".csv"), List.of(header, row));
    }

    /** A parameter value in SI units: integers without a fraction (10000000, 3), others as Java prints them. */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Writes {@code rows} to a temporary file beside {@code target} and renames it: all or nothing. */
    static void writeAtomically(Path target, List<List<String>> rows) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + Thread.currentThread().getId());
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); CSVPrinter p = new CSVPrinter(w, CSV)) {
            for (List<String> row : rows) {
                p.printRecord(row);
            }
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void assemble(Study study, List<Run> all, Path folder, List<String> failures) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = null;
        for (Run r : all) {
            Path f = folder.resolve(RUNS).resolve(r.id() + ".csv");
            if (!Files.exists(f)) {
                continue; // failed
            }
            try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8); CSVParser p = CSV.parse(in)) {
                List<CSVRecord> records = p.getRecords();
                List<String> h = records.get(0).toList();
                if (header == null) {
                    header = h;
                    rows.add(h);
                } else if (!header.equals(h)) {
                    throw new IOException(f + ": columns differ from the other runs' (a run from another study?)");
                }
                rows.add(records.get(1).toList());
            }
        }
        if (header == null) {
            throw new IOException("no run of " + study.base().name() + " succeeded; see " + FAILURES);
        }
        writeAtomically(folder.resolve(POINTS), rows);
        writeAtomically(folder.resolve(SUMMARY), Summary.of(study, rows));
        if (failures.isEmpty()) {
            Files.deleteIfExists(folder.resolve(FAILURES));
        } else {
            List<List<String>> f = new ArrayList<>();
            f.add(List.of("failure"));
            failures.forEach(x -> f.add(List.of(x)));
            writeAtomically(folder.resolve(FAILURES), f);
        }
    }
}

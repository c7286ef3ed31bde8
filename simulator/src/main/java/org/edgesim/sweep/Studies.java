package org.edgesim.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgesim.study.ClaimEvaluator;
import org.edgesim.study.ClaimsReport;
import org.edgesim.report.AtomicFiles;
import org.edgesim.report.BuildInfo;
import org.edgesim.report.CodeIdentity;
import org.edgesim.report.ResultFolders;
import org.edgesim.report.SpeedupTable;
import org.edgesim.report.plot.StudyFigure;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.study.Study;

/**
 * A study's result folder: {@code study.json} (the resolved scenario with its sweep and figures,
 * seed, version), the sweep's CSV files, the figures drawn from {@code summary.csv} and
 * {@code trace.csv}, and the study's claims evaluated from them ({@code claims.csv}).
 */
public final class Studies {
    public static final String STUDY = "study.json";
    /** The folder of a study's copies of its figures' reference points. */
    public static final String REFERENCE = "reference";

    private Studies() {
    }

    /** Runs {@code study} into {@code folder} and draws its figures into {@code figureFolder}. */
    public static SweepRunner.Outcome run(SweepRunner runner, Study study, Path folder, Path figureFolder,
                                          boolean resume, boolean quick, SweepProgress progress)
            throws IOException, InterruptedException {
        return run(runner, study, folder, figureFolder, resume, false, quick, progress, () -> { });
    }

    /** Files of an earlier result that must not pass for this one's, removed once the run is accepted. */
    @FunctionalInterface
    public interface Stale {
        void remove() throws IOException;
    }

    /**
     * As above; {@code force} starts afresh over the blocks of another study instead of refusing
     * ({@link SweepRunner#run(Study, Path, boolean, boolean, SweepProgress)}). The whole study, from
     * the check of the folder to its claims, holds the folder's lock, and nothing is deleted
     * before the run is accepted: then the study's old claims, and what {@code stale} removes.
     */
    public static SweepRunner.Outcome run(SweepRunner runner, Study study, Path folder, Path figureFolder,
                                          boolean resume, boolean force, boolean quick, SweepProgress progress,
                                          Stale stale)
            throws IOException, InterruptedException {
        ResultFolders.checkStudyTarget(folder);
        Files.createDirectories(folder);
        try (FolderLock lock = FolderLock.acquire(folder.resolve(SweepRunner.LOCK))) {
            ResultFolders.mark(folder);
            SweepRunner.Outcome outcome = runner.runHeld(study, folder, resume, force, progress, () -> {
                Files.deleteIfExists(folder.resolve(ClaimsReport.FILE));
                stale.remove();
            });
            Study ran = study.withReplications(outcome.replications());
            writeStudy(folder.resolve(STUDY), ran, quick, runner);
            copyReferences(ran, folder);
            plot(folder, figureFolder);
            if (!ran.claims().isEmpty() && outcome.failures().isEmpty()) {
                ClaimsReport.write(folder.resolve(ClaimsReport.FILE), ClaimEvaluator.evaluate(ran, folder, quick));
            }
            return outcome;
        }
    }

    /**
     * Evaluates the claims of the study already run in {@code folder} again, from its CSV files,
     * with this build's evaluator, and rewrites its {@code claims.csv}; nothing runs. Refused
     * (IOException saying why) unless the folder holds a finished study in the same mode whose
     * scenario, claims included, is the one {@code study} was read from now: a claim re-read
     * after a change to the scenario would not be the one its runs were made for.
     *
     * @return the study as it ran (its replications)
     */
    public static Study recheckClaims(Study study, Path folder, boolean quick) throws IOException {
        Path file = folder.resolve(STUDY);
        if (!Files.exists(file)) {
            throw new IOException(folder + " holds no " + STUDY + ": study " + study.base().name() + " has not run there");
        }
        ObjectMapper mapper = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        var stored = mapper.readTree(file.toFile());
        if (stored.path("quick").asBoolean(false) != quick) {
            throw new IOException(folder + " holds a " + (quick ? "full" : "quick") + " run of " + study.base().name()
                    + ", not a " + (quick ? "quick" : "full") + " one");
        }
        // Compared as written and read back, as the stored one was (numbers read back as the types read gives).
        if (!stored.path("scenario").equals(mapper.readTree(mapper.writeValueAsString(mapper.valueToTree(study.base()))))) {
            throw new IOException(study.base().name() + ": " + study.source() + " has changed since the run in "
                    + folder + "; run it again instead");
        }
        Study ran = study.withReplications(stored.path("replications").asInt());
        if (!ran.claims().isEmpty()) {
            if (!Files.exists(folder.resolve(ClaimsReport.FILE))) {
                throw new IOException(folder + " holds no " + ClaimsReport.FILE + ": its run did not finish");
            }
            ClaimsReport.write(folder.resolve(ClaimsReport.FILE), ClaimEvaluator.evaluate(ran, folder, quick));
        }
        return ran;
    }

    /**
     * Copies each figure's reference points into the study folder ({@code reference/<figure>.csv}),
     * so that the folder alone re-draws its figures.
     */
    private static void copyReferences(Study study, Path folder) throws IOException {
        if (study.base().figures() == null) {
            return;
        }
        for (FigureSpec f : study.base().figures()) {
            if (f.referenceData() != null) {
                Files.createDirectories(folder.resolve(REFERENCE));
                AtomicFiles.writeString(folder.resolve(REFERENCE).resolve(f.name() + ".csv"),
                        Files.readString(f.referenceData().besides(study.source())));
            }
        }
    }

    /**
     * The study's manifest: the same bytes for the same study, code and mode in any JVM (no
     * times, maps in a defined order), so that it can be compared.
     */
    private static void writeStudy(Path file, Study study, boolean quick, SweepRunner runner) throws IOException {
        ObjectMapper mapper = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        ObjectNode m = mapper.createObjectNode();
        m.put("edgesim", BuildInfo.version());
        m.put("scenarioFile", study.source());
        m.put("quick", quick);
        m.put("seed", study.base().seed());
        m.put("points", study.points().size());
        m.put("replications", study.replications());
        m.set("schedulers", mapper.valueToTree(study.schedulers()));
        m.put("runs", study.runs());
        CodeIdentity code = runner.code(study);
        m.put("fingerprint", runner.fingerprint(study));
        m.set("code", code.toJson(mapper));
        m.set("dependencies", mapper.valueToTree(BuildInfo.dependencies()));
        m.set("scenario", mapper.valueToTree(study.base()));
        AtomicFiles.writeString(file, mapper.writeValueAsString(m));
    }

    /** The scenario (with its figures) a study folder was run from. */
    public static Scenario scenarioOf(Path folder) throws IOException {
        Path file = folder.resolve(STUDY);
        if (!Files.exists(file)) {
            throw new IOException(folder + " holds no " + STUDY + "; is it a sweep's result folder?");
        }
        ObjectMapper mapper = ScenarioLoader.mapper(ScenarioLoader.Format.JSON);
        return ScenarioLoader.resolved(mapper, mapper.readTree(file.toFile()).get("scenario"));
    }

    /**
     * Draws every figure of the study in {@code folder} from its {@code summary.csv} or
     * {@code trace.csv}, into {@code target}.
     */
    public static List<Path> plot(Path folder, Path target) throws IOException {
        return plot(folder, target, null);
    }

    /**
     * As {@link #plot(Path, Path)}; a {@code layout} ({@code screen}, {@code column}) replaces the
     * figures' own, null keeps them.
     */
    public static List<Path> plot(Path folder, Path target, String layout) throws IOException {
        Scenario scenario = scenarioOf(folder);
        List<Path> written = new ArrayList<>();
        if (scenario.figures() == null) {
            return written;
        }
        Files.createDirectories(target);
        boolean quick = ScenarioLoader.mapper(ScenarioLoader.Format.JSON).readTree(folder.resolve(STUDY).toFile())
                .path("quick").asBoolean(false);
        for (FigureSpec figure : scenario.figures()) {
            FigureSpec f = layout == null ? figure : figure.withLayout(layout);
            f = quick ? f.markedQuick() : f;
            if (f.speedupTable()) {
                Path rounds = folder.resolve(SweepRunner.ROUNDS);
                if (!Files.exists(rounds)) {
                    throw new IOException(folder + " holds no " + SweepRunner.ROUNDS + " for table " + f.name());
                }
                written.addAll(SpeedupTable.write(rounds, f, target));
                continue;
            }
            Path data = folder.resolve(f.fromTrace() ? SweepRunner.TRACE : f.fromPoints() ? SweepRunner.POINTS
                    : f.fromPaired() ? SweepRunner.PAIRED : SweepRunner.SUMMARY);
            if (!Files.exists(data)) {
                throw new IOException(folder + " holds no " + data.getFileName() + " for figure " + f.name()
                        + (f.fromTrace() ? " (the study kept no per-round trace)" : ""));
            }
            java.util.Map<String, String> units = new java.util.HashMap<>();
            for (String path : new String[] {f.x(), f.panel(), f.series()}) {
                if (path != null) {
                    units.put(path, org.edgesim.scenario.ParameterUnits.of(scenario, path));
                }
            }
            Path reference = f.referenceData() == null ? null : folder.resolve(REFERENCE).resolve(f.name() + ".csv");
            if (reference != null && !Files.exists(reference)) {
                throw new IOException(folder + " holds no " + REFERENCE + "/" + f.name() + ".csv, figure " + f.name()
                        + "'s reference points");
            }
            written.addAll(StudyFigure.draw(data, f, target, units, reference));
        }
        return written;
    }
}

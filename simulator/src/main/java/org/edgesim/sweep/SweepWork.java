package org.edgesim.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunContext;
import org.edgesim.scenario.Scenario;

/** What every executor does with a task, wherever it runs: the runs, formatted as rows. */
public final class SweepWork {
    private SweepWork() {
    }

    /**
     * What went wrong, in the words of the failure (a failure inside an event carries its cause's
     * words, with the event, entity and time): one line, no Java class names, for failures.csv.
     */
    public static String words(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage().strip().replaceAll("\\s*\\R\\s*", " | ");
            }
        }
        return "an internal error without a message (please report)";
    }

    /**
     * Runs {@code task} on {@code scenario} (its design point's), replication by replication, each
     * replication under every scheduler in turn; a failed run is reported and left out, so that
     * the others still count. {@code step} is called after every run.
     */
    public static SweepTask.Result compute(SweepTask task, Scenario scenario, Simulation simulation, Runnable step) {
        List<List<List<String>>> rows = new ArrayList<>();
        List<List<List<String>>> roundRows = new ArrayList<>();
        List<List<String>> failures = new ArrayList<>();
        for (int i = 0; i < task.schedulers().size(); i++) {
            rows.add(new ArrayList<>());
            roundRows.add(new ArrayList<>());
            failures.add(new ArrayList<>());
        }
        for (int rep = task.first(); rep < task.end(); rep++) {
            for (int i = 0; i < task.schedulers().size(); i++) {
                String scheduler = task.schedulers().get(i);
                try {
                    var result = simulation.run(scenario.withScheduler(scheduler), rep, RunContext.RoundListener.NONE);
                    add(task, scheduler, rep, result, rows.get(i), roundRows.get(i));
                } catch (RuntimeException e) {
                    failures.get(i).add(task.description() + " scheduler " + scheduler + " replication " + rep + ": " + words(e));
                }
                step.run();
            }
        }
        return new SweepTask.Result(task, rows, roundRows, failures);
    }

    private static void add(SweepTask task, String scheduler, int rep, org.edgesim.protocol.RunResult result,
                            List<List<String>> rows, List<List<String>> roundRows) {
        Map<String, Double> metrics = Metrics.of(result);
        if (rows.isEmpty()) {
            rows.add(header(task, List.of(), metrics.keySet()));
        }
        List<String> row = keys(task, scheduler, rep);
        for (double v : metrics.values()) {
            row.add(Double.toString(v));
        }
        rows.add(row);
        if (task.traced()) {
            Metrics.Rounds rounds = Metrics.perRound(result);
            if (roundRows.isEmpty()) {
                roundRows.add(header(task, List.of("round"), rounds.columns()));
            }
            for (int r = 0; r < rounds.rows().size(); r++) {
                List<String> line = keys(task, scheduler, rep);
                line.add(Integer.toString(r + 1));
                for (double v : rounds.rows().get(r)) {
                    line.add(Double.toString(v));
                }
                roundRows.add(line);
            }
        }
    }

    /** The header's key names come with the task: "point", the swept parameter paths. */
    private static List<String> header(SweepTask task, List<String> more, java.util.Collection<String> metrics) {
        List<String> header = new ArrayList<>(task.keyNames());
        header.addAll(List.of("scheduler", "replication"));
        header.addAll(more);
        header.addAll(metrics);
        return header;
    }

    private static List<String> keys(SweepTask task, String scheduler, int rep) {
        List<String> row = new ArrayList<>(task.keys());
        row.add(scheduler);
        row.add(Integer.toString(rep));
        return row;
    }
}

package org.edgesim.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * The unit of work an executor hands out: replications {@code [first, end)} of design point
 * {@code point} under each of {@code schedulers}, one replication after another (so that the
 * schedulers of a replication share its streams). Serializable, for executors in other JVMs.
 *
 * @param point       the design point's index in the study
 * @param description the point and its parameter values, for failure messages
 * @param keyNames    the names of the first columns of its rows: {@code point}, the swept paths
 * @param keys        their values: the point index and the swept values
 * @param traced      whether per-round rows are kept
 */
public record SweepTask(int point, String description, List<String> keyNames, List<String> keys, int first, int end,
                        List<String> schedulers, boolean traced) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SweepTask {
        keyNames = List.copyOf(keyNames);
        keys = List.copyOf(keys);
        schedulers = List.copyOf(schedulers);
    }

    /** Runs in the task. */
    public int runs() {
        return (end - first) * schedulers.size();
    }

    /**
     * What a task gave: per scheduler (in the task's order), the rows of {@code points.csv} and of
     * {@code rounds.csv}, each with its header first (empty if every replication failed), and the
     * failed replications, one line each.
     */
    public record Result(SweepTask task, List<List<List<String>>> rows, List<List<List<String>>> roundRows,
                         List<List<String>> failures) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}

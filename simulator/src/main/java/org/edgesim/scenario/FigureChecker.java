package org.edgesim.scenario;

import java.util.List;
import java.util.Set;

/**
 * Checks a study's figures against what its runs write, before anything runs: the swept
 * parameters they plot against or split by, the metrics of {@code points.csv} and the round
 * columns of {@code rounds.csv} they draw, the schedulers they name. A figure naming something the
 * study does not have is an {@link InvalidField} relative to the figure.
 */
final class FigureChecker {
    private final Study study;
    /** The numeric round columns every point's runs write, or null when unknown. */
    private final Set<String> roundColumns;

    FigureChecker(Study study, Set<String> roundColumns) {
        this.study = study;
        this.roundColumns = roundColumns;
    }

    void check(FigureSpec f) {
        boolean perRound = f.fromTrace() || f.speedupTable();
        if (perRound) {
            column("x", f.x());
            column("y", f.y());
        } else {
            parameter("x", f.x());
            metric("y", f.y());
            if (f.y2() != null) {
                metric("y2", f.y2());
            }
        }
        if (f.fromPaired() && study.schedulers().size() < 2) {
            throw new InvalidField("from", "'paired' draws differences from the reference scheduler; the study compares"
                    + " only " + study.schedulers() + " (give sweep.compare two or more)");
        }
        if (f.fromPaired() && f.series() != null && !f.series().equals("scheduler")) {
            throw new InvalidField("series", "a 'paired' figure has one line per scheduler; split by 'panel' instead");
        }
        if (f.series() != null && !f.series().equals("scheduler")) {
            parameter("series", f.series());
        }
        if (f.panel() != null) {
            parameter("panel", f.panel());
        }
        if (f.reference() != null && !study.schedulers().contains(f.reference())) {
            throw new InvalidField("reference", "names scheduler '" + f.reference() + "', which the study does not run;"
                    + " it compares " + study.schedulers());
        }
    }

    private void parameter(String field, String path) {
        if (!study.parameters().contains(path)) {
            throw new InvalidField(field, "'" + path + "' is not swept in this study; swept: " + study.parameters()
                    + (field.equals("x") && roundColumns != null && roundColumns.contains(path)
                    ? " (a round column: draw it 'from: trace')" : ""));
        }
    }

    private void metric(String field, String name) {
        if (roundColumns == null) {
            return;
        }
        List<String> known = RoundMetrics.metrics(roundColumns);
        if (!known.contains(name)) {
            String hint = known.contains(name + "_mean") ? " (did you mean '" + name + "_mean', its mean over the"
                    + " rounds?)" : "";
            throw new InvalidField(field, "no metric '" + name + "' in this study's points.csv" + hint + "; known: "
                    + known);
        }
    }

    private void column(String field, String name) {
        if (roundColumns == null) {
            return;
        }
        List<String> known = RoundMetrics.traceColumns(roundColumns);
        if (!known.contains(name)) {
            throw new InvalidField(field, "no round column '" + name + "' in this study's rounds.csv; known: " + known);
        }
    }
}

package org.edgesim.study;

import java.util.List;
import java.util.Set;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.scenario.InvalidField;
import org.edgesim.scenario.ReferenceData;

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

    /** Whether the study is the quick one, whose sweep may leave out values the full one has. */
    private final boolean quick;

    FigureChecker(Study study, Set<String> roundColumns, boolean quick) {
        this.study = study;
        this.roundColumns = roundColumns;
        this.quick = quick;
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
        if (f.seriesNames() != null) {
            seriesNames(f);
        }
        if (f.referenceData() != null) {
            referenceData(f);
        }
        if (f.reference() != null && !study.schedulers().contains(f.reference())) {
            throw new InvalidField("reference", "names scheduler '" + f.reference() + "', which the study does not run;"
                    + " it compares " + study.schedulers());
        }
    }

    /** The reference file must be there and well-formed, its series the figure's. */
    private void referenceData(FigureSpec f) {
        List<ReferenceData.Point> points;
        try {
            points = ReferenceData.read(f.referenceData().besides(study.source()));
        } catch (java.io.IOException e) {
            throw new InvalidField("referenceData.file", e.getMessage());
        }
        java.util.Collection<String> known = seriesKeys(f);
        for (ReferenceData.Point p : points) {
            if (!p.series().isEmpty() && known != null && !known.contains(p.series())) {
                throw new InvalidField("referenceData.file", "series '" + p.series() + "' is not one of the figure's: "
                        + known);
            }
        }
    }

    /** The series values {@code f} draws, or null where the quick sweep may leave some out. */
    private java.util.Collection<String> seriesKeys(FigureSpec f) {
        if (f.seriesOrDefault().equals("scheduler")) {
            return study.schedulers();
        }
        if (quick) {
            return null;
        }
        int k = study.parameters().indexOf(f.series());
        return new java.util.TreeSet<>(study.points().stream().map(p -> p.key(k)).toList());
    }

    /**
     * Each {@code seriesNames} key must be a series the figure draws: a compared scheduler, or a
     * value of the swept {@code series} parameter as the results write it; a key that names none
     * would leave its line with a raw name and the name unused.
     */
    private void seriesNames(FigureSpec f) {
        boolean bySchedulers = f.seriesOrDefault().equals("scheduler");
        java.util.Collection<String> known = seriesKeys(f);
        if (known == null) {
            return; // the quick sweep may leave a named value out
        }
        for (String key : new java.util.TreeSet<>(f.seriesNames().keySet())) {
            if (known.contains(key)) {
                continue;
            }
            String near = known.stream().filter(s -> s.startsWith(key) || key.startsWith(s)).findFirst()
                    .map(s -> " (did you mean '" + s + "'?)").orElse("");
            throw new InvalidField("seriesNames." + key, bySchedulers
                    ? "names scheduler '" + key + "', which the study does not compare" + near + "; it compares " + known
                    : "names " + f.series() + " = " + key + ", which the study does not sweep" + near + "; its values,"
                    + " as the results write them: " + known);
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

package org.edgesim.study;

import java.util.List;
import org.edgesim.scenario.ClaimSpec;

/**
 * A claim of a study with its selections resolved against the study's design points (by
 * {@link StudyLoader}, which reports a selection that matches nothing at its line).
 *
 * @param spec    the claim as written
 * @param of      the runs measured: for {@code argmin}/{@code argmax} every point along {@code over}
 * @param against the reference runs, or null
 * @param points  {@code ordering}: the points where the order is checked; otherwise {@code of}'s
 * @param over    {@code argmin}/{@code argmax}: the position of the swept parameter in
 *                {@link Study#parameters()}, else -1
 * @param paperModel the same reading of the runs that compute the paper's own model, or null
 */
public record Claim(ClaimSpec spec, Side of, Side against, List<Integer> points, int over, Claim paperModel) {
    public Claim {
        points = List.copyOf(points);
    }

    public Claim(ClaimSpec spec, Side of, Side against, List<Integer> points, int over) {
        this(spec, of, against, points, over, null);
    }

    /** This claim with the reading of the paper's model beside it. */
    public Claim withPaperModel(Claim model) {
        return new Claim(spec, of, against, points, over, model);
    }

    /**
     * Swept parameter {@code i}'s value at {@code point} as a number: its SI value, or its label
     * read as a number (a layer given as text, e.g. a cut), NaN if neither.
     */
    public static double numeric(Study.Point point, int i) {
        double v = point.values().get(i);
        if (!Double.isNaN(v)) {
            return v;
        }
        try {
            return Double.parseDouble(point.labels().get(i).strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * One side of a claim: a scheduler's runs at some design points.
     *
     * @param scheduler the scheduler
     * @param points    the design points' indices, in study order
     */
    public record Side(String scheduler, List<Integer> points) {
        public Side {
            points = List.copyOf(points);
        }
    }
}

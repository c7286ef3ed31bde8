package org.edgesim.study;

import java.util.List;
import org.edgesim.scenario.ClaimSpec;
import org.edgesim.scenario.PrecisionSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.SweepSpec;

/**
 * A scenario file read as a study: the base scenario and its design points (one point, the base
 * itself, when there is no sweep), the schedulers compared and the replications.
 *
 * @param source       the file it came from
 * @param base         the scenario as written (with its sweep and figures)
 * @param parameters   the swept parameter paths, grid first then zipped, in file order
 * @param points       the design points, in a fixed order
 * @param schedulers   the schedulers run at every point, on the same draws
 * @param replications replications of every point and scheduler
 * @param claims       the paper's findings the study checks, resolved against its points
 */
public record Study(String source, Scenario base, List<String> parameters, List<Point> points, List<String> schedulers,
                    int replications, List<Claim> claims) {
    public Study {
        parameters = List.copyOf(parameters);
        points = List.copyOf(points);
        schedulers = List.copyOf(schedulers);
        claims = List.copyOf(claims);
    }

    /** A study without claims. */
    public Study(String source, Scenario base, List<String> parameters, List<Point> points, List<String> schedulers,
                 int replications) {
        this(source, base, parameters, points, schedulers, replications, List.of());
    }

    /**
     * One design point: the values of the swept parameters and the scenario they give.
     *
     * @param index    position in the study, from 0
     * @param labels   each parameter's value as written in the file (e.g. {@code 10 MHz})
     * @param values   each parameter's value in SI units, NaN where it is not a number
     * @param scenario the resolved scenario of this point (no sweep), with the base scheduler
     */
    public record Point(int index, List<String> labels, List<Double> values, Scenario scenario) {
        public Point {
            labels = List.copyOf(labels);
            values = List.copyOf(values);
        }

        /**
         * Parameter {@code k}'s value as the results' key columns hold it: in SI units, whole
         * numbers without a decimal point ({@code 10000000}, {@code 0.001}), or the label where it
         * is not a number ({@code iid}).
         */
        public String key(int k) {
            double v = values.get(k);
            if (Double.isNaN(v)) {
                return labels.get(k);
            }
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    /** The same study with every scenario (base and points) changed by {@code change}. */
    public Study map(java.util.function.UnaryOperator<Scenario> change) {
        List<Point> mapped = points.stream()
                .map(p -> new Point(p.index(), p.labels(), p.values(), change.apply(p.scenario()))).toList();
        return new Study(source, change.apply(base), parameters, mapped, schedulers, replications, claims);
    }

    /**
     * Whether the runs' per-round rows are kept ({@code rounds.csv}, {@code trace.csv}): when a
     * run has more than one round, or a figure is drawn from the trace, or a claim reads it.
     */
    public boolean traced() {
        return base.rounds() > 1 || base.figures() != null
                && base.figures().stream().anyMatch(f -> f.fromTrace() || f.speedupTable())
                || base.claims() != null && base.claims().stream().anyMatch(ClaimSpec::fromTrace);
    }

    /** The scheduler the others are paired against in {@code paired.csv}: {@code sweep.reference}, or the first compared. */
    public String reference() {
        SweepSpec s = base.sweep();
        return s != null && s.reference() != null ? s.reference() : schedulers.get(0);
    }

    /** The same study with {@code n} replications (a batch of sequential replications). */
    public Study withReplications(int n) {
        return new Study(source, base, parameters, points, schedulers, n, claims);
    }

    /** The sweep's precision target, or null when a fixed number of replications runs. */
    public PrecisionSpec precision() {
        return base.sweep() == null ? null : base.sweep().precision();
    }

    /** Runs in the whole study: points x schedulers x replications. */
    public long runs() {
        return (long) points.size() * schedulers.size() * replications;
    }
}

package org.edgesim.claims;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgesim.scenario.Claim;
import org.edgesim.scenario.ClaimSpec;
import org.edgesim.scenario.Study;
import org.edgesim.scenario.Tolerance;

/**
 * Evaluates a study's claims from the CSV files in its result folder ({@code points.csv}, and
 * {@code rounds.csv} for trace readings): the reproduced value, its 95% interval where it is a
 * mean over replications, and the verdict.
 */
public final class ClaimEvaluator {
    private ClaimEvaluator() {
    }

    /** Every claim of {@code study}, evaluated from the results in {@code folder}. */
    public static List<ClaimResult> evaluate(Study study, Path folder) throws IOException {
        List<ClaimResult> out = new ArrayList<>();
        for (Claim c : study.claims()) {
            out.add(evaluate(study, c, RunValues.read(folder, c.spec(), study.replications())));
        }
        return out;
    }

    private record Outcome(PairedStatistics.Estimate estimate, String detail) {
        static Outcome missing(String detail) {
            return new Outcome(new PairedStatistics.Estimate(Double.NaN, Double.NaN, Double.NaN), detail);
        }
    }

    static ClaimResult evaluate(Study study, Claim claim, RunValues values) {
        ClaimSpec s = claim.spec();
        Outcome o = switch (s.kind()) {
            case ClaimSpec.VALUE -> single(claim, values);
            case ClaimSpec.RATIO, ClaimSpec.REDUCTION, ClaimSpec.DIFFERENCE -> paired(claim, values);
            case ClaimSpec.ARGMIN, ClaimSpec.ARGMAX -> extremum(study, claim, values);
            case ClaimSpec.ORDERING -> ordering(study, claim, values);
            default -> throw new IllegalStateException(s.kind());
        };
        double r = o.estimate().value();
        Tolerance rule = s.rule();
        String verdict;
        String reason;
        if (s.inconsistent() != null) {
            verdict = ClaimResult.INCONSISTENT;
            reason = s.inconsistent() + " (measured " + Tolerance.number(r) + " against the paper's "
                    + Tolerance.number(s.paper()) + ")";
        } else {
            verdict = rule.accepts(r, s.paper()) ? ClaimResult.HOLDS : ClaimResult.DIFFERS;
            reason = Double.isNaN(r) ? "no value: " + o.detail() : rule.explain(r, s.paper())
                    + (o.detail().isEmpty() ? "" : "; " + o.detail());
        }
        if (s.note() != null) {
            reason += ". " + s.note();
        }
        return new ClaimResult(s.id(), s.figure(), s.statement(), s.paper(), r, o.estimate().low(),
                o.estimate().high(), rule.text(), verdict, reason);
    }

    private static Outcome single(Claim c, RunValues values) {
        double[] a = values.of(c.of().points().get(0), c.of().scheduler());
        String missing = missing(c, a, c.of().scheduler());
        return missing != null ? Outcome.missing(missing) : new Outcome(PairedStatistics.mean(a), "");
    }

    private static Outcome paired(Claim c, RunValues values) {
        double[] a = values.of(c.of().points().get(0), c.of().scheduler());
        double[] b = values.of(c.against().points().get(0), c.against().scheduler());
        String missing = missing(c, a, c.of().scheduler());
        missing = missing != null ? missing : missing(c, b, c.against().scheduler());
        if (missing != null) {
            return Outcome.missing(missing);
        }
        String detail = "means " + Tolerance.number(PairedStatistics.mean(a).value()) + " and "
                + Tolerance.number(PairedStatistics.mean(b).value()) + " over " + a.length + " paired runs";
        return new Outcome(switch (c.spec().kind()) {
            case ClaimSpec.RATIO -> PairedStatistics.ratio(a, b);
            case ClaimSpec.REDUCTION -> PairedStatistics.ratio(a, b).complement();
            default -> PairedStatistics.difference(a, b);
        }, detail);
    }

    private static Outcome extremum(Study study, Claim c, RunValues values) {
        boolean min = c.spec().kind().equals(ClaimSpec.ARGMIN);
        int best = -1;
        int second = -1;
        double[] means = new double[study.points().size()];
        for (int p : c.of().points()) {
            double[] a = values.of(p, c.of().scheduler());
            String missing = missing(c, a, c.of().scheduler());
            if (missing != null) {
                return Outcome.missing(missing);
            }
            means[p] = PairedStatistics.mean(a).value();
            if (best < 0 || (min ? means[p] < means[best] : means[p] > means[best])) {
                second = best;
                best = p;
            } else if (second < 0 || (min ? means[p] < means[second] : means[p] > means[second])) {
                second = p;
            }
        }
        String path = study.parameters().get(c.over());
        String detail = (min ? "least" : "largest") + " mean " + Tolerance.number(means[best]) + " at " + path + " = "
                + study.points().get(best).labels().get(c.over()) + (second < 0 ? "" : ", next "
                + Tolerance.number(means[second]) + " at " + study.points().get(second).labels().get(c.over()));
        double x = Claim.numeric(study.points().get(best), c.over());
        return new Outcome(new PairedStatistics.Estimate(x, Double.NaN, Double.NaN), detail);
    }

    private static Outcome ordering(Study study, Claim c, RunValues values) {
        List<String> names = ClaimSpec.orderedSchedulers(c.spec().order());
        List<String> ops = ClaimSpec.orderedRelations(c.spec().order());
        int holding = 0;
        List<String> failures = new ArrayList<>();
        // A time to target that a run never reached: slower than any reached one.
        boolean reaching = c.spec().fromTrace() && c.spec().trace().containsKey("reaches");
        for (int p : c.points()) {
            double[] means = new double[names.size()];
            for (int i = 0; i < names.size(); i++) {
                double[] a = values.of(p, names.get(i));
                String missing = missing(c, a, names.get(i));
                if (missing != null && !reaching) {
                    return Outcome.missing(missing);
                }
                means[i] = missing == null ? PairedStatistics.mean(a).value() : Double.POSITIVE_INFINITY;
            }
            String broken = null;
            for (int i = 0; i + 1 < names.size() && broken == null; i++) {
                double slack = 1e-9 * Math.abs(means[i + 1]);
                boolean ok = ops.get(i).equals("<") ? means[i] < means[i + 1] : means[i] <= means[i + 1] + slack;
                if (!ok) {
                    broken = names.get(i) + " " + shown(means[i]) + " vs " + names.get(i + 1) + " "
                            + shown(means[i + 1]);
                }
            }
            if (broken == null) {
                holding++;
            } else {
                failures.add(label(study, p) + ": " + broken);
            }
        }
        String detail = "in order at " + holding + " of " + c.points().size() + " points"
                + (failures.isEmpty() ? "" : "; not at " + String.join(", ", failures.subList(0,
                Math.min(3, failures.size()))) + (failures.size() > 3 ? ", ..." : ""));
        return new Outcome(new PairedStatistics.Estimate((double) holding / c.points().size(), Double.NaN, Double.NaN),
                detail);
    }

    /** A mean for a reason: "never" for a target never reached. */
    private static String shown(double mean) {
        return Double.isInfinite(mean) ? "never" : Tolerance.number(mean);
    }

    private static String label(Study study, int point) {
        Study.Point p = study.points().get(point);
        if (study.parameters().isEmpty()) {
            return "the study's point";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < study.parameters().size(); i++) {
            parts.add(study.parameters().get(i) + " = " + p.labels().get(i));
        }
        return String.join(", ", parts);
    }

    /** Why some runs have no value (a trace reading that found none), or null if all have one. */
    private static String missing(Claim c, double[] a, String scheduler) {
        int count = 0;
        for (double v : a) {
            if (Double.isNaN(v)) {
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        ClaimSpec s = c.spec();
        if (s.fromTrace() && s.trace().containsKey("reaches")) {
            String target = s.reachesFinalOf() != null ? s.reachesFinalOf() + "'s final value"
                    : Tolerance.number(s.trace().get("reaches").asDouble());
            return scheduler + "'s " + s.metric() + " never reaches " + target + " in " + count + " of " + a.length
                    + " runs";
        }
        if (s.fromTrace()) {
            return "the trace of " + scheduler + " does not span " + s.trace().get("x").asText() + " = "
                    + Tolerance.number(s.trace().get("at").asDouble()) + " in " + count + " of " + a.length
                    + " runs (none of its rounds ended by then, or the run ended before)";
        }
        return scheduler + " has no " + s.metric() + " in " + count + " of " + a.length + " runs";
    }
}

package org.edgesim.study;

import org.edgesim.study.Claim;
import org.edgesim.scenario.ClaimSpec;
import org.edgesim.scenario.Tolerance;

/** What the claim kinds share: runs without a value, interval verdicts, the replications that would settle one. */
final class Readings {
    private Readings() {
    }

    /**
     * The verdict of an estimate with a 95% interval against the tolerance: inside, outside, or
     * across an edge (then with the replications that would settle it).
     */
    static ClaimEvaluator.Judgement byInterval(PairedStatistics.Estimate e, int n, Tolerance rule, double paper) {
        return byInterval(e, n, rule, paper, "the paper's");
    }

    /** As {@link #byInterval(PairedStatistics.Estimate, int, Tolerance, double)}, the reference being {@code whose} ("the paper's"). */
    static ClaimEvaluator.Judgement byInterval(PairedStatistics.Estimate e, int n, Tolerance rule, double paper,
                                               String whose) {
        double v = e.value();
        if (Double.isNaN(v)) {
            return new ClaimEvaluator.Judgement(Tolerance.Side.ACROSS, "no value", -1);
        }
        String shown = Tolerance.number(v);
        if (Double.isNaN(e.low()) || Double.isNaN(e.high())) {
            return new ClaimEvaluator.Judgement(Tolerance.Side.ACROSS, shown + " rests on " + n + " replication"
                    + (n == 1 ? "" : "s") + " and has no interval: at least 2 are needed to decide", Math.max(2, n + 1));
        }
        if (Double.isInfinite(e.low()) && Double.isInfinite(e.high()) && e.low() != e.high()) {
            return new ClaimEvaluator.Judgement(Tolerance.Side.ACROSS, shown + " has an unbounded 95% interval: over " + n
                    + " replications the mean it is divided by is not distinguishable from zero (Fieller's interval of"
                    + " a ratio; its values spread too widely), so it decides nothing", 0);
        }
        boolean bound = Double.isFinite(v) && (Double.isInfinite(e.low()) || Double.isInfinite(e.high()));
        String interval = Double.isInfinite(v) && e.low() == e.high() ? shown
                : bound && Double.isInfinite(e.high()) ? "at least " + shown + " (95% low end " + Tolerance.number(e.low())
                        + ")"
                : bound ? "at most " + shown + " (95% high end " + Tolerance.number(e.high()) + ")"
                : shown + " [" + Tolerance.number(e.low()) + ", " + Tolerance.number(e.high()) + "]";
        String target = switch (rule.op()) {
            case "±" -> whose + " " + Tolerance.number(paper) + " " + rule.text();
            case "×" -> "a factor " + Tolerance.number(rule.bound()) + " of " + Tolerance.number(paper) + " ["
                    + Tolerance.number(rule.band(paper)[0]) + ", " + Tolerance.number(rule.band(paper)[1]) + "]";
            default -> rule.text();
        };
        return switch (rule.side(e.low(), e.high(), paper)) {
            case INSIDE -> new ClaimEvaluator.Judgement(Tolerance.Side.INSIDE, interval + " lies within " + target, -1);
            case OUTSIDE -> new ClaimEvaluator.Judgement(Tolerance.Side.OUTSIDE, interval + " lies wholly outside "
                    + target + " (" + rule.explain(v, paper) + ")", -1);
            case ACROSS -> {
                if (bound) {
                    yield new ClaimEvaluator.Judgement(Tolerance.Side.ACROSS, interval + " does not decide against "
                            + target + "; runs long enough to reach the target would", 0);
                }
                int needed = needed(n, (e.high() - e.low()) / 2, rule.distanceToEdge(v, paper));
                yield new ClaimEvaluator.Judgement(Tolerance.Side.ACROSS, interval + " straddles an edge of "
                        + target + settle(needed), needed);
            }
        };
    }

    /**
     * The replications whose interval would be narrower than {@code distance}, from {@code n}
     * replications with half-width {@code half}: the half-width shrinks as 1/sqrt(n) at the
     * observed variance, so about {@code n (half / distance)^2} (-1: none would, the estimate
     * being on the edge).
     */
    static int needed(int n, double half, double distance) {
        if (!(distance > 0) || !Double.isFinite(half) || !Double.isFinite(distance)) {
            return -1;
        }
        double m = Math.ceil(n * (half / distance) * (half / distance));
        return m > 1e9 ? -1 : (int) Math.max(n + 1, m);
    }

    /**
     * The words that say how many replications would settle a claim: {@code needed > 0} that many,
     * 0 not known from these runs (no interval to scale), -1 none (the estimate is on the edge).
     */
    static String settle(int needed) {
        if (needed > 0) {
            return "; about " + needed + " replications would settle it (the half-width shrinking as 1/sqrt(n) at"
                    + " the observed variance)";
        }
        return needed == 0 ? "; these runs cannot tell how many replications would settle it"
                : "; no number of replications settles it: the estimate sits on the edge";
    }

    /** A mean for a reason: "never" for a target never reached. */
    static String shown(double mean) {
        return Double.isInfinite(mean) ? "never" : Tolerance.number(mean);
    }

    static boolean allNever(double[] a) {
        for (double v : a) {
            if (!Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    /** Why some runs of a time-to-target reading never reached it, or null. */
    static String never(Claim c, double[] a, String scheduler) {
        ClaimSpec s = c.spec();
        return s.fromTrace() && s.trace().containsKey("reaches") ? missing(c, a, scheduler) : null;
    }

    /** Why some runs have no value (a trace reading that found none), or null if all have one. */
    static String missing(Claim c, double[] a, String scheduler) {
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
                    : s.reachesBelowLowestFinal() != null ? "the lowest final value of the schemes less "
                    + Tolerance.number(s.reachesBelowLowestFinal())
                    : Tolerance.number(s.trace().get("reaches").asDouble());
            return scheduler + "'s " + s.metric() + (s.smoothing() > 1 ? " (centred mean of " + s.smoothing()
                    + " evaluated rounds)" : "") + " never reaches " + target + " in " + count + " of " + a.length
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

package org.edgesim.study;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgesim.study.Claim;
import org.edgesim.scenario.ClaimSpec;
import org.edgesim.study.Study;
import org.edgesim.scenario.Tolerance;

/**
 * Evaluates a study's claims from the CSV files in its result folder ({@code points.csv}, and
 * {@code rounds.csv} for trace readings): the reproduced value with its 95% interval, and a
 * verdict decided by the interval, never by the point estimate alone:
 * <ul>
 * <li>{@code holds} when the interval lies inside the paper's value +- the tolerance (or inside
 *     the bound), {@code differs} when it lies wholly outside, {@code inconclusive} when it
 *     straddles an edge, with the replications that would settle it;</li>
 * <li>{@code paper-inconsistent} only when the claim's {@code paperModel} (the paper's own model,
 *     computed from other runs of the study) agrees with the measurement and both differ from the
 *     paper's number, each by its interval;</li>
 * <li>{@code calibrated} when a set-up choice was taken from the paper's own number;</li>
 * <li>{@code not-assessed (quick)} for an inconclusive claim of a quick run.</li>
 * </ul>
 * An argmin or argmax gets the range of the swept values statistically tied with the best one
 * (paired intervals of their differences) and its support (in how many replications it is best);
 * an ordering gets the range of the share of points in order: from those whose order every paired
 * interval decides, to all but those whose interval decides against it.
 */
public final class ClaimEvaluator {
    private ClaimEvaluator() {
    }

    /** Every claim of {@code study}, evaluated from the results in {@code folder} (full settings). */
    public static List<ClaimResult> evaluate(Study study, Path folder) throws IOException {
        return evaluate(study, folder, false);
    }

    /** As above; {@code quick}: the results come from the quick settings. */
    public static List<ClaimResult> evaluate(Study study, Path folder, boolean quick) throws IOException {
        List<ClaimResult> out = new ArrayList<>();
        for (Claim c : study.claims()) {
            out.add(evaluate(study, c, RunValues.read(folder, c.spec(), study.replications()), quick));
        }
        return out;
    }

    /**
     * A model check outside a study's runs: an estimate {@code value} with its 95% interval
     * [{@code low}, {@code high}] from {@code n} replications against {@code reference}, a value
     * {@code whose} names (e.g. "3GPP's calibration"), judged by the interval as every claim is.
     */
    public static ClaimResult ofEstimate(String id, String figure, String statement, String whose, double reference,
                                         double value, double low, double high, int n, Tolerance rule, boolean quick,
                                         String note) {
        Judgement j = Readings.byInterval(new PairedStatistics.Estimate(value, low, high), n, rule, reference, whose);
        String verdict = switch (j.side()) {
            case INSIDE -> ClaimResult.HOLDS;
            case OUTSIDE -> ClaimResult.DIFFERS;
            case ACROSS -> quick ? ClaimResult.NOT_ASSESSED : ClaimResult.INCONCLUSIVE;
        };
        String reason = j.reason() + (note == null ? "" : ". " + note);
        return new ClaimResult(id, ClaimSpec.MODEL, figure, statement, reference, value, low, high, n, rule.text(),
                verdict, j.needed(), reason, "");
    }

    static ClaimResult evaluate(Study study, Claim claim, RunValues values, boolean quick) {
        ClaimSpec s = claim.spec();
        Measured m = Measured.of(study, claim, values);
        Tolerance rule = s.rule();
        Judgement j = m.judge(rule, s.paper());
        String verdict = switch (j.side()) {
            case INSIDE -> ClaimResult.HOLDS;
            case OUTSIDE -> ClaimResult.DIFFERS;
            case ACROSS -> ClaimResult.INCONCLUSIVE;
        };
        String reason = j.reason() + (m.detail().isEmpty() ? "" : "; " + m.detail());
        if (claim.paperModel() != null) {
            Measured model = Measured.of(study, claim.paperModel(), values);
            Judgement mj = model.judge(rule, s.paper());
            boolean agree = model.agreesWith(m);
            String against = (mj.side() == Tolerance.Side.OUTSIDE ? "differs from" : mj.side()
                    == Tolerance.Side.INSIDE ? "holds against" : "cannot be told from") + " the paper's "
                    + Tolerance.number(s.paper());
            String contradicts = s.paperModelContradicts();
            String said;
            if (contradicts == null) {
                said = "the paper's own model (" + model.describe() + ") gives " + model.shown() + ", which "
                        + against + (agree ? " and agrees with" : " and does not agree with") + " the measurement";
                if (j.side() == Tolerance.Side.OUTSIDE && mj.side() == Tolerance.Side.OUTSIDE && agree) {
                    verdict = ClaimResult.INCONSISTENT;
                }
            } else {
                // The paper's number read as coming from a reading the paper itself contradicts.
                said = "the reading the paper contradicts (" + contradicts + ") gives " + model.shown() + ", which "
                        + against;
                if (j.side() == Tolerance.Side.OUTSIDE && mj.side() == Tolerance.Side.INSIDE) {
                    verdict = ClaimResult.INCONSISTENT;
                }
            }
            reason += "; " + said;
        }
        if (s.inconsistent() != null) {
            reason += "; suspected beyond the paper's model: " + s.inconsistent();
        }
        if (s.calibratedBy() != null) {
            verdict = ClaimResult.CALIBRATED;
            reason = "calibrated on the paper's number (" + s.calibratedBy() + "), so no reproduction: " + reason;
        }
        if (quick && verdict.equals(ClaimResult.INCONCLUSIVE)) {
            verdict = ClaimResult.NOT_ASSESSED;
        }
        if (s.note() != null) {
            reason += ". " + s.note();
        }
        return new ClaimResult(s.id(), s.fromPaper() ? ClaimSpec.PAPER : ClaimSpec.MODEL, s.figure(), s.statement(),
                s.paper(), m.estimate().value(), m.estimate().low(), m.estimate().high(), m.replications(),
                rule.text(), verdict, j.needed(), reason, panel(study, claim));
    }

    /**
     * The panel of the claim's figure that the claim reads ({@code <panel parameter> = <value>}, the
     * value as the results' key columns hold it, so the panel's file name): "" when the figure has
     * no panels or the claim's points lie on several.
     */
    static String panel(Study study, Claim claim) {
        List<org.edgesim.scenario.FigureSpec> figures = study.base().figures() == null ? List.of()
                : study.base().figures();
        String parameter = figures.stream().filter(f -> f.name().equals(claim.spec().figure())).findFirst()
                .map(org.edgesim.scenario.FigureSpec::panel).orElse(null);
        int k = parameter == null ? -1 : study.parameters().indexOf(parameter);
        if (k < 0) {
            return "";
        }
        java.util.Set<Integer> points = new java.util.TreeSet<>(claim.points());
        for (Claim.Side side : java.util.Arrays.asList(claim.of(), claim.against())) {
            if (side != null) {
                points.addAll(side.points());
            }
        }
        java.util.Set<String> values = new java.util.TreeSet<>();
        points.forEach(p -> values.add(study.points().get(p).key(k)));
        return values.size() == 1 ? parameter + " = " + values.iterator().next() : "";
    }

    /**
     * Where the measurement lies against the tolerance, why in words, and the replications that
     * would settle it (-1: none needed or none known).
     */
    record Judgement(Tolerance.Side side, String reason, int needed) {
    }

    /** How a claim's reading came out, and how it is judged. */
    private interface Measured {
        PairedStatistics.Estimate estimate();

        String detail();

        int replications();

        Judgement judge(Tolerance rule, double paper);

        /** Which runs it read, for a reason. */
        String describe();

        default String shown() {
            PairedStatistics.Estimate e = estimate();
            return Tolerance.number(e.value()) + (Double.isNaN(e.low()) ? "" : " [" + Tolerance.number(e.low())
                    + ", " + Tolerance.number(e.high()) + "]");
        }

        /** Whether two readings cannot be told apart: their intervals (or values) overlap. */
        default boolean agreesWith(Measured other) {
            PairedStatistics.Estimate a = estimate();
            PairedStatistics.Estimate b = other.estimate();
            double aLow = Double.isNaN(a.low()) ? a.value() : a.low();
            double aHigh = Double.isNaN(a.high()) ? a.value() : a.high();
            double bLow = Double.isNaN(b.low()) ? b.value() : b.low();
            double bHigh = Double.isNaN(b.high()) ? b.value() : b.high();
            return !(aHigh < bLow || bHigh < aLow);
        }

        static Measured of(Study study, Claim claim, RunValues values) {
            return switch (claim.spec().kind()) {
                case ClaimSpec.VALUE, ClaimSpec.RATIO, ClaimSpec.REDUCTION, ClaimSpec.DIFFERENCE ->
                        Mean.of(claim, values);
                case ClaimSpec.ARGMIN, ClaimSpec.ARGMAX -> Extremum.of(study, claim, values);
                case ClaimSpec.ORDERING -> Ordering.of(study, claim, values);
                default -> throw new IllegalStateException(claim.spec().kind());
            };
        }
    }

    /** A mean over replications, or a ratio or difference of paired means: judged by its interval. */
    private record Mean(PairedStatistics.Estimate estimate, String detail, int replications, String describe)
            implements Measured {
        static Mean of(Claim c, RunValues values) {
            double[] a = averaged(values, c.of());
            String runs = c.of().scheduler() + (c.against() == null ? "" : " against " + c.against().scheduler());
            String never = Readings.never(c, a, c.of().scheduler());
            double[] b = null;
            if (c.against() != null) {
                b = averaged(values, c.against());
                never = never != null ? never : Readings.never(c, b, c.against().scheduler());
            }
            String missing = Readings.missing(c, a, c.of().scheduler());
            if (missing == null && b != null) {
                missing = Readings.missing(c, b, c.against().scheduler());
            }
            if (never != null && b == null && Readings.allNever(a)) {
                // A time to a target that no run reached: later than any time, as an ordering counts it.
                double inf = Double.POSITIVE_INFINITY;
                return new Mean(new PairedStatistics.Estimate(inf, inf, inf), never, a.length, runs);
            }
            if (missing != null) {
                PairedStatistics.Estimate bound = never == null || b == null ? null : bound(c, values, a, b);
                if (bound != null) {
                    return new Mean(bound, missing + ", counted at their last rounds (not reached by then): "
                            + (Double.isInfinite(bound.high()) ? "a lower" : "an upper") + " bound", a.length, runs);
                }
                double nan = Double.NaN;
                return new Mean(new PairedStatistics.Estimate(nan, nan, nan), missing, a.length, runs);
            }
            if (b == null) {
                return new Mean(PairedStatistics.mean(a), "", a.length, runs);
            }
            String detail = "means " + Tolerance.number(PairedStatistics.mean(a).value()) + " and "
                    + Tolerance.number(PairedStatistics.mean(b).value()) + " over " + a.length + " paired runs";
            return new Mean(switch (c.spec().kind()) {
                case ClaimSpec.RATIO -> PairedStatistics.ratio(a, b);
                case ClaimSpec.REDUCTION -> PairedStatistics.ratio(a, b).complement();
                default -> PairedStatistics.difference(a, b);
            }, detail, a.length, runs);
        }

        /**
         * A paired time-to-target reading where some runs of one side never reached the target:
         * each such run's time counted at its last round, by which it had not reached it, so
         * that side's times are too small. A ratio or difference of {@code of} to {@code against}
         * then falls (a reduction rises): the estimate is a lower (upper) bound, its interval open
         * on the other side. Null when both sides, or a side over several points, miss runs.
         */
        private static PairedStatistics.Estimate bound(Claim c, RunValues values, double[] a, double[] b) {
            if (c.of().points().size() != 1 || c.against().points().size() != 1) {
                return null;
            }
            double[] a2 = a.clone();
            double[] b2 = b.clone();
            boolean aCut = cut(a2, values.censoredAt(c.of().points().get(0), c.of().scheduler()));
            boolean bCut = cut(b2, values.censoredAt(c.against().points().get(0), c.against().scheduler()));
            if (aCut == bCut || Readings.allNever(a2) || Readings.allNever(b2)) {
                return null;
            }
            boolean reduction = c.spec().kind().equals(ClaimSpec.REDUCTION);
            PairedStatistics.Estimate e = switch (c.spec().kind()) {
                case ClaimSpec.RATIO -> PairedStatistics.ratio(a2, b2);
                case ClaimSpec.REDUCTION -> PairedStatistics.ratio(a2, b2).complement();
                default -> PairedStatistics.difference(a2, b2);
            };
            boolean lower = aCut != reduction;
            double inf = Double.POSITIVE_INFINITY;
            return lower ? new PairedStatistics.Estimate(e.value(), e.low(), inf)
                    : new PairedStatistics.Estimate(e.value(), -inf, e.high());
        }

        /** Puts each censored time in place of a missing one; whether any was; NaN stays where none is known. */
        private static boolean cut(double[] v, double[] censored) {
            boolean any = false;
            for (int r = 0; r < v.length; r++) {
                if (Double.isNaN(v[r]) && !Double.isNaN(censored[r])) {
                    v[r] = censored[r];
                    any = true;
                }
            }
            return any;
        }

        /**
         * The side's values by replication: of its one point, or the mean over its points (a
         * list in 'at'), replication by replication, so that the pairing survives.
         */
        private static double[] averaged(RunValues values, Claim.Side side) {
            double[] out = values.of(side.points().get(0), side.scheduler()).clone();
            for (int i = 1; i < side.points().size(); i++) {
                double[] more = values.of(side.points().get(i), side.scheduler());
                for (int r = 0; r < out.length; r++) {
                    out[r] += more[r];
                }
            }
            for (int r = 0; r < out.length; r++) {
                out[r] /= side.points().size();
            }
            return out;
        }

        @Override
        public Judgement judge(Tolerance rule, double paper) {
            return Readings.byInterval(estimate, replications, rule, paper);
        }
    }

    /** The swept value where the mean is least (most), with the values tied with it. */
    private record Extremum(PairedStatistics.Estimate estimate, String detail, int replications, String describe,
                            List<Double> tied, List<Double> tiedDifferences, List<Double> tiedHalfWidths)
            implements Measured {
        static Extremum of(Study study, Claim c, RunValues values) {
            boolean min = c.spec().kind().equals(ClaimSpec.ARGMIN);
            List<Integer> points = c.of().points();
            double[][] runs = new double[points.size()][];
            double[] means = new double[points.size()];
            int best = -1;
            int second = -1;
            for (int i = 0; i < points.size(); i++) {
                runs[i] = values.of(points.get(i), c.of().scheduler());
                String missing = Readings.missing(c, runs[i], c.of().scheduler());
                if (missing != null) {
                    double nan = Double.NaN;
                    return new Extremum(new PairedStatistics.Estimate(nan, nan, nan), missing, runs[i].length,
                            c.of().scheduler(), List.of(), List.of(), List.of());
                }
                means[i] = PairedStatistics.mean(runs[i]).value();
                if (best < 0 || (min ? means[i] < means[best] : means[i] > means[best])) {
                    second = best;
                    best = i;
                } else if (second < 0 || (min ? means[i] < means[second] : means[i] > means[second])) {
                    second = i;
                }
            }
            int n = runs[best].length;
            // Support: in how many replications the best point is best on its own.
            int support = 0;
            for (int r = 0; r < n; r++) {
                int winner = 0;
                for (int i = 1; i < points.size(); i++) {
                    if (min ? runs[i][r] < runs[winner][r] : runs[i][r] > runs[winner][r]) {
                        winner = i;
                    }
                }
                support += winner == best ? 1 : 0;
            }
            // Tied: the points whose paired difference with the best has an interval holding 0.
            double x = Claim.numeric(study.points().get(points.get(best)), c.over());
            List<Double> tied = new ArrayList<>(List.of(x));
            List<Double> differences = new ArrayList<>(List.of(0.0));
            List<Double> halves = new ArrayList<>(List.of(0.0));
            String secondText = "";
            for (int i = 0; i < points.size(); i++) {
                if (i == best) {
                    continue;
                }
                PairedStatistics.Estimate d = PairedStatistics.difference(runs[i], runs[best]);
                boolean tie = Double.isNaN(d.low()) || d.low() <= 0 && d.high() >= 0;
                if (tie) {
                    tied.add(Claim.numeric(study.points().get(points.get(i)), c.over()));
                    differences.add(d.value());
                    halves.add((d.high() - d.low()) / 2);
                }
                if (i == second) {
                    secondText = ", next " + Tolerance.number(means[i]) + " at " + study.points().get(points.get(i))
                            .labels().get(c.over()) + ": paired difference " + Tolerance.number(d.value())
                            + (Double.isNaN(d.low()) ? "" : " [" + Tolerance.number(d.low()) + ", "
                            + Tolerance.number(d.high()) + "]") + (tie ? ", a tie" : "");
                }
            }
            String path = study.parameters().get(c.over());
            String detail = (min ? "least" : "largest") + " mean " + Tolerance.number(means[best]) + " at " + path
                    + " = " + study.points().get(points.get(best)).labels().get(c.over()) + " (best in " + support
                    + " of " + n + " replications)" + secondText;
            double low = tied.stream().mapToDouble(Double::doubleValue).min().orElse(x);
            double high = tied.stream().mapToDouble(Double::doubleValue).max().orElse(x);
            return new Extremum(new PairedStatistics.Estimate(x, low, high), detail, n, c.of().scheduler(), tied,
                    differences, halves);
        }

        @Override
        public Judgement judge(Tolerance rule, double paper) {
            double x = estimate.value();
            if (Double.isNaN(x)) {
                return new Judgement(Tolerance.Side.ACROSS, "no value", -1);
            }
            List<Double> passing = tied.stream().filter(v -> rule.accepts(v, paper)).toList();
            String values = tied.size() == 1 ? Tolerance.number(x) : "a tie of " + tied.stream()
                    .map(Tolerance::number).toList();
            if (passing.size() == tied.size()) {
                return new Judgement(Tolerance.Side.INSIDE, values + (tied.size() == 1 ? "" : ", each") + " "
                        + rule.explain(x, paper).replaceFirst("^\\S+ ", ""), -1);
            }
            if (passing.isEmpty()) {
                return new Judgement(Tolerance.Side.OUTSIDE, values + ": " + rule.explain(x, paper), -1);
            }
            // Some tied values pass, some do not: as many replications as separate them.
            int needed = 0;
            for (int i = 1; i < tied.size(); i++) {
                needed = Math.max(needed, Readings.needed(replications, tiedHalfWidths.get(i),
                        Math.abs(tiedDifferences.get(i))));
            }
            return new Judgement(Tolerance.Side.ACROSS, values + " cannot be told apart, and " + passing.size()
                    + " of them pass " + rule.text() + Readings.settle(needed), needed);
        }
    }

    /** The share of points where the schedulers' means are in the order the claim says. */
    private record Ordering(PairedStatistics.Estimate estimate, String detail, int replications, String describe,
                            int needed) implements Measured {
        static Ordering of(Study study, Claim c, RunValues values) {
            List<String> names = ClaimSpec.orderedSchedulers(c.spec().order());
            List<String> ops = ClaimSpec.orderedRelations(c.spec().order());
            boolean reaching = c.spec().fromTrace() && c.spec().trace().containsKey("reaches");
            int holding = 0;
            int decidedIn = 0;
            int decidedAgainst = 0;
            int needed = 0;
            boolean unknown = false;
            int n = 0;
            List<String> broken = new ArrayList<>();
            for (int p : c.points()) {
                double[][] runs = new double[names.size()][];
                double[] means = new double[names.size()];
                for (int i = 0; i < names.size(); i++) {
                    runs[i] = values.of(p, names.get(i)).clone();
                    String missing = Readings.missing(c, runs[i], names.get(i));
                    if (missing != null && !reaching) {
                        double nan = Double.NaN;
                        return new Ordering(new PairedStatistics.Estimate(nan, nan, nan), missing, runs[i].length,
                                c.spec().order(), -1);
                    }
                    // A time to target a run never reached: slower than any reached one.
                    for (int r = 0; r < runs[i].length; r++) {
                        runs[i][r] = Double.isNaN(runs[i][r]) ? Double.POSITIVE_INFINITY : runs[i][r];
                    }
                    means[i] = PairedStatistics.mean0(runs[i]);
                    n = runs[i].length;
                }
                String brokenHere = null;
                boolean allIn = true;
                boolean anyAgainst = false;
                for (int i = 0; i + 1 < names.size(); i++) {
                    double slack = 1e-9 * Math.abs(means[i + 1]);
                    boolean strict = ops.get(i).equals("<");
                    boolean ok = strict ? means[i] < means[i + 1] : means[i] <= means[i + 1] + slack;
                    if (!ok && brokenHere == null) {
                        brokenHere = names.get(i) + " " + Readings.shown(means[i]) + " vs " + names.get(i + 1) + " "
                                + Readings.shown(means[i + 1]);
                    }
                    Relation rel = Relation.of(runs[i], runs[i + 1], strict);
                    allIn &= rel == Relation.IN;
                    anyAgainst |= rel == Relation.AGAINST;
                    if (rel == Relation.UNDECIDED) {
                        PairedStatistics.Estimate d = PairedStatistics.difference(runs[i], runs[i + 1]);
                        if (Double.isFinite(d.low())) {
                            needed = Math.max(needed, Readings.needed(n, (d.high() - d.low()) / 2,
                                    Math.abs(d.value())));
                        } else {
                            unknown = true;
                        }
                    }
                }
                holding += brokenHere == null ? 1 : 0;
                decidedIn += allIn ? 1 : 0;
                decidedAgainst += anyAgainst ? 1 : 0;
                if (brokenHere != null) {
                    broken.add(label(study, p) + ": " + brokenHere);
                }
            }
            int total = c.points().size();
            // One replication has no interval: at least two are needed; an undecided sign test has no
            // variance to scale (0: not known).
            needed = n < 2 ? 2 : unknown ? 0 : needed;
            String detail = "in order at " + holding + " of " + total + " points (decided by the paired intervals at "
                    + decidedIn + ", against at " + decidedAgainst + ")" + (broken.isEmpty() ? "" : "; not at "
                    + String.join(", ", broken.subList(0, Math.min(3, broken.size()))) + (broken.size() > 3 ? ", ..."
                    : ""));
            // The share by the means, kept within what the paired intervals decide (a "<=" whose
            // means are out of order but not decidedly so counts as in order, as a tie would).
            double low = (double) decidedIn / total;
            double high = (double) (total - decidedAgainst) / total;
            double share = Math.min(high, Math.max(low, (double) holding / total));
            return new Ordering(new PairedStatistics.Estimate(share, low, high), detail, n, c.spec().order(), needed);
        }

        @Override
        public Judgement judge(Tolerance rule, double paper) {
            Judgement j = Readings.byInterval(estimate, replications, rule, paper);
            return j.side() == Tolerance.Side.ACROSS ? new Judgement(j.side(), "the share in order "
                    + Tolerance.number(estimate.value()) + " ranges over [" + Tolerance.number(estimate.low()) + ", "
                    + Tolerance.number(estimate.high()) + "], across " + rule.text() + Readings.settle(needed), needed)
                    : j;
        }
    }

    /** Whether {@code a} comes before {@code b}, decided by their paired runs. */
    enum Relation {
        IN, AGAINST, UNDECIDED;

        /**
         * With finite runs, by the paired difference's 95% interval: {@code <} is in order when the
         * interval lies below 0, {@code <=} unless it lies above 0. With runs that never reached
         * their target (infinite), by a two-sided 5% sign test over the replications where one
         * comes first: in order when {@code a} is first significantly more often, against when
         * {@code b} is ({@code <=} is in order unless {@code b} is).
         */
        static Relation of(double[] a, double[] b, boolean strict) {
            boolean finite = true;
            for (int r = 0; r < a.length; r++) {
                finite &= Double.isFinite(a[r]) && Double.isFinite(b[r]);
            }
            if (finite) {
                PairedStatistics.Estimate d = PairedStatistics.difference(a, b);
                if (Double.isNaN(d.low())) {
                    return UNDECIDED;
                }
                if (d.low() > 0) {
                    return AGAINST;
                }
                return !strict || d.high() < 0 ? IN : UNDECIDED;
            }
            int before = 0;
            int after = 0;
            for (int r = 0; r < a.length; r++) {
                before += a[r] < b[r] ? 1 : 0;
                after += a[r] > b[r] ? 1 : 0;
            }
            if (significant(after, before + after)) {
                return AGAINST;
            }
            return !strict || significant(before, before + after) ? IN : UNDECIDED;
        }

        /** Whether {@code k} successes of {@code n} fair coin tosses are too many at 5%, two-sided. */
        private static boolean significant(int k, int n) {
            if (n == 0) {
                return false;
            }
            var binomial = new org.apache.commons.math3.distribution.BinomialDistribution(null, n, 0.5);
            return k > n / 2.0 && 1 - binomial.cumulativeProbability(k - 1) < 0.025;
        }
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
}

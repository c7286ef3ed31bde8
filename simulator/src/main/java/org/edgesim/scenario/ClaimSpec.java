package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One finding of the paper that a study reproduces ({@code claims} in a scenario file), checked
 * by {@code edgesim reproduce} from the CSV files the study wrote.
 *
 * <p>What is measured, per run (one point, scheduler and replication): {@code metric}, a column of
 * {@code points.csv} (e.g. {@code realised_latency_s_mean}); or, with {@code trace}, a round column
 * of {@code rounds.csv} read along the run: {@code {x: end_s, at: 100}} takes the metric of the
 * last round that ended by {@code end_s = 100}, {@code {x: end_s, reaches: 0.8}} takes the
 * {@code end_s} of the first round whose metric reached 0.8 (a time to target accuracy);
 * {@code {x: end_s, reaches: feel-individual}} the {@code end_s} of the first round whose metric
 * reached the final value of scheduler {@code feel-individual}'s run at the same point and
 * replication (a time to the accuracy another scheme ends with, as in a speedup table). In an
 * {@code ordering}, a run that never reaches its target counts as slower than any that does.
 * {@code {x: end_s, reaches: lowest-final, below: 0.004}} takes the {@code end_s} of the first
 * round whose metric reached the lowest final value among all the study's schedulers at the same
 * point and replication, less {@code below} (default 0): a target below every scheme's plateau in
 * every replication, so that each one reaches it.
 * {@code smooth: w} (with {@code reaches}; {@code w} odd) reads the crossing from a smoothed
 * trace: the metric of each evaluated round (a row whose metric is a number) is replaced by the
 * centred mean of it and the {@code (w - 1) / 2} evaluated rounds on each side, and the crossing
 * is the {@code x} of the first evaluated round whose centred mean, over a full window, reached
 * the target (so one lucky evaluation cannot cross alone; centred, so that a steady trend's
 * crossing is not delayed). Rows whose metric is NaN (rounds not evaluated) are skipped by every
 * reading.
 *
 * <p>What is compared ({@code kind}):
 * <ul>
 * <li>{@code value}: the mean over the replications of the runs {@code of} selects;</li>
 * <li>{@code ratio}, {@code reduction} ({@code 1 - ratio}), {@code difference}: of the means of
 *     {@code of} and {@code against}, paired by replication (common random numbers);</li>
 * <li>{@code argmin}, {@code argmax}: the value of swept parameter {@code over} where the mean is
 *     least (most);</li>
 * <li>{@code ordering}: the share of the selected points where the schedulers' means are in the
 *     order {@code order} says ({@code "a <= b < c"}).</li>
 * </ul>
 * A side ({@code of}, {@code against}) is a scheduler's name, or a mapping of {@code scheduler}
 * and swept parameters to values; {@code at} fixes swept parameters for both sides. A list in
 * {@code at} (e.g. {@code {radio.bandwidth: [10 MHz, 20 MHz]}}, in a {@code value}, {@code ratio},
 * {@code reduction} or {@code difference}) averages each side over those points replication by
 * replication before the sides are compared: a ratio of the mean over the listed points, as a
 * paper's "on average" over a figure's axis.
 *
 * @param id           unique in the scenario: letters, digits, '-'
 * @param figure       the name of the study's figure the claim is about
 * @param statement    the paper's finding, in a sentence
 * @param kind         see above
 * @param metric       the measured column
 * @param trace        per-round reading, see above (optional): {@code x}, and {@code at} or
 *                     {@code reaches}, and with {@code reaches} optionally {@code smooth} (an
 *                     odd whole number of evaluated rounds; 1, the default, is the raw trace)
 * @param of           the runs measured
 * @param against      the reference runs ({@code ratio}, {@code reduction}, {@code difference})
 * @param at           swept parameter path to value, for both sides
 * @param over         the swept parameter of {@code argmin} and {@code argmax}
 * @param order        {@code ordering}: schedulers joined by {@code <} or {@code <=}
 * @param paper        the paper's value
 * @param tolerance    when the reproduced value holds: {@link Tolerance}
 * @param inconsistent why the paper's own model may not give its number (a comment added to the
 *                     reason; the verdict {@code paper-inconsistent} needs {@code paperModel})
 * @param note         a sentence added to the verdict's reason (e.g. why this tolerance)
 * @param source       {@code paper} (default): a number or finding the paper states, quoted in
 *                     {@code quote}; {@code model}: what edgesim's own model predicts (a model
 *                     check, never counted as a reproduction of the paper)
 * @param quote        a paper claim's reference: the paper's words with its figure or section,
 *                     holding the paper's number (except for an ordering)
 * @param calibratedBy the set-up choice that was taken from the paper's own number (e.g. a
 *                     bandwidth read off the reported reduction): the verdict is then
 *                     {@code calibrated}, never a reproduction
 * @param paperModel   the paper's own model computed on the same results: the same reading with
 *                     other runs ({@code of}, {@code against}, {@code at}, e.g. a reference
 *                     scheduler that follows the paper's equations); the verdict is
 *                     {@code paper-inconsistent} when the measurement agrees with it and both
 *                     differ from the paper's number, each by its interval. With
 *                     {@code contradicts} (text: which of the paper's own statements the
 *                     reading breaks), the runs are instead the one reading under which the
 *                     paper's number appears, a reading the paper itself contradicts (e.g. one
 *                     that drops a term its equations count); the verdict is then
 *                     {@code paper-inconsistent} when the measurement differs from the paper's
 *                     number and that reading holds against it, each by its interval
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimSpec(@JsonProperty(required = true) String id,
                        @JsonProperty(required = true) String figure,
                        @JsonProperty(required = true) String statement,
                        @JsonProperty(required = true) String kind,
                        String metric,
                        Map<String, JsonNode> trace,
                        JsonNode of,
                        JsonNode against,
                        Map<String, JsonNode> at,
                        String over,
                        String order,
                        @JsonProperty(required = true) double paper,
                        @JsonProperty(required = true) String tolerance,
                        String inconsistent,
                        String note,
                        String source,
                        String quote,
                        String calibratedBy,
                        Map<String, JsonNode> paperModel) {
    public static final String PAPER = "paper";
    /** {@code trace.reaches}: the lowest final value among the study's schedulers (at the point and replication). */
    public static final String LOWEST_FINAL = "lowest-final";
    public static final String MODEL = "model";
    public static final String VALUE = "value";
    public static final String RATIO = "ratio";
    public static final String REDUCTION = "reduction";
    public static final String DIFFERENCE = "difference";
    public static final String ARGMIN = "argmin";
    public static final String ARGMAX = "argmax";
    public static final String ORDERING = "ordering";
    public static final List<String> KINDS = List.of(VALUE, RATIO, REDUCTION, DIFFERENCE, ARGMIN, ARGMAX, ORDERING);

    public ClaimSpec {
        if (!id.matches("[A-Za-z0-9-]+")) {
            throw new InvalidField("id", "must be letters, digits or '-', got '" + id + "'");
        }
        if (!KINDS.contains(kind)) {
            throw new InvalidField("kind", "must be one of " + KINDS + ", got '" + kind + "'");
        }
        if (statement.isBlank()) {
            throw new InvalidField("statement", "must say the paper's finding");
        }
        if (!Double.isFinite(paper)) {
            throw new InvalidField("paper", "must be a finite number, got " + paper);
        }
        try {
            Tolerance.parse(tolerance);
        } catch (IllegalArgumentException e) {
            throw new InvalidField("tolerance", e.getMessage());
        }
        if (Tolerance.parse(tolerance).op().equals("×") && !(paper > 0)) {
            throw new InvalidField("tolerance", "'" + tolerance + "' is a factor around the value " + paper
                    + ", which must be positive");
        }
        if (kind.equals(ORDERING)) {
            if (order == null) {
                throw new InvalidField("order", "missing: an ordering claim says the order, e.g. 'a <= b < c'");
            }
            orderedSchedulers(order);
            if (metric == null) {
                throw new InvalidField("metric", "missing: the ordering is of a metric's means");
            }
        } else if (order != null) {
            throw new InvalidField("order", "only an 'ordering' claim has one");
        }
        if (metric == null && !kind.equals(ORDERING)) {
            throw new InvalidField("metric", "missing: a claim measures a column of points.csv (or, with 'trace', of"
                    + " rounds.csv)");
        }
        boolean paired = kind.equals(RATIO) || kind.equals(REDUCTION) || kind.equals(DIFFERENCE);
        if (paired && against == null) {
            throw new InvalidField("against", "missing: a '" + kind + "' compares 'of' against a reference");
        }
        if (!paired && against != null) {
            throw new InvalidField("against", "only 'ratio', 'reduction' and 'difference' claims have a reference");
        }
        boolean arg = kind.equals(ARGMIN) || kind.equals(ARGMAX);
        if (arg && over == null) {
            throw new InvalidField("over", "missing: an '" + kind + "' is over a swept parameter");
        }
        if (!arg && over != null) {
            throw new InvalidField("over", "only 'argmin' and 'argmax' claims have one");
        }
        if (kind.equals(ORDERING) && (of != null)) {
            throw new InvalidField("of", "an ordering names its schedulers in 'order'; fix the points with 'at'");
        }
        checkSide("of", of);
        checkSide("against", against);
        if (source != null && !source.equals(PAPER) && !source.equals(MODEL)) {
            throw new InvalidField("source", "must be 'paper' (a number or finding the paper states) or 'model' (what"
                    + " edgesim's model predicts), got '" + source + "'");
        }
        // The parameter, not fromPaper(): a compact constructor assigns the fields at its end.
        if (source == null || source.equals(PAPER)) {
            if (quote == null || quote.isBlank()) {
                throw new InvalidField("quote", "missing: a paper claim quotes the paper's words for its number, with"
                        + " the figure or section (or is a 'source: model' check)");
            }
            Tolerance rule = Tolerance.parse(tolerance);
            boolean bound = !rule.op().equals("±") && !rule.op().equals("×");
            if (!kind.equals(ORDERING) && !quotes(quote, paper) && !(bound && quotes(quote, rule.bound()))) {
                throw new InvalidField("quote", "does not hold the paper's number " + Tolerance.number(paper)
                        + (bound ? " or the bound " + Tolerance.number(rule.bound()) : "") + " (as written, or as a"
                        + " percentage); a reference that is not in the paper's text is no paper claim (make it"
                        + " 'source: model')");
            }
        } else if (calibratedBy != null) {
            throw new InvalidField("calibratedBy", "only a paper claim is calibrated on the paper's number");
        }
        if (calibratedBy != null && calibratedBy.isBlank()) {
            throw new InvalidField("calibratedBy", "must name the set-up choice taken from the paper's number");
        }
        if (paperModel != null) {
            paperModel = new LinkedHashMap<>(paperModel);
            for (String key : paperModel.keySet()) {
                if (!List.of("of", "against", "at", "contradicts").contains(key)) {
                    throw new InvalidField("paperModel." + key, "unknown key; the paper's model is read as the claim"
                            + " is, from other runs: 'of', 'against', 'at' (and 'contradicts')");
                }
            }
            JsonNode why = paperModel.get("contradicts");
            if (why != null && (!why.isTextual() || why.asText().isBlank())) {
                throw new InvalidField("paperModel.contradicts", "must say which of the paper's own statements the"
                        + " reading contradicts, e.g. \"eq. (24) counts the upload of eq. (23)\"");
            }
            if (paperModel.keySet().stream().noneMatch(k -> !k.equals("contradicts"))) {
                throw new InvalidField("paperModel", "must name the runs that compute the paper's model ('of',"
                        + " 'against' or 'at')");
            }
            if (kind.equals(ORDERING) && paperModel.containsKey("of")) {
                throw new InvalidField("paperModel.of", "an ordering's model is read at other points: use 'at'");
            }
        }
        at = at == null ? Map.of() : new LinkedHashMap<>(at);
        if (at.containsKey("scheduler")) {
            throw new InvalidField("at.scheduler", "'at' fixes swept parameters; name the scheduler in 'of'");
        }
        if (trace != null) {
            trace = new LinkedHashMap<>(trace);
            for (String key : trace.keySet()) {
                if (!List.of("x", "at", "reaches", "smooth", "below").contains(key)) {
                    throw new InvalidField("trace." + key, "unknown key; a trace reading is {x: COLUMN, at: X} or"
                            + " {x: COLUMN, reaches: Y, smooth: W} (with reaches: lowest-final, also below: D)");
                }
            }
            JsonNode x = trace.get("x");
            if (x == null || !x.isTextual()) {
                throw new InvalidField("trace.x", "missing: the round column read along the run, e.g. end_s");
            }
            if (trace.containsKey("at") == trace.containsKey("reaches")) {
                throw new InvalidField("trace", "needs exactly one of 'at' (the metric when x reaches it) and 'reaches'"
                        + " (x when the metric reaches it)");
            }
            JsonNode v = trace.containsKey("at") ? trace.get("at") : trace.get("reaches");
            if (trace.containsKey("at") && (v == null || !v.isNumber())) {
                throw new InvalidField("trace.at", "must be a number");
            }
            JsonNode w = trace.get("smooth");
            if (w != null && !trace.containsKey("reaches")) {
                throw new InvalidField("trace.smooth", "only a 'reaches' reading is smoothed (the crossing of a centred"
                        + " mean); an 'at' reading takes the metric as it stood");
            }
            if (w != null && (!w.isNumber() || !w.canConvertToExactIntegral() || w.asInt() < 1 || w.asInt() > 999
                    || w.asInt() % 2 == 0)) {
                throw new InvalidField("trace.smooth", "must be an odd whole number of evaluated rounds from 1 to 999"
                        + " (the centred mean's window), got " + w);
            }
            JsonNode below = trace.get("below");
            if (below != null && !(v != null && LOWEST_FINAL.equals(v.asText()))) {
                throw new InvalidField("trace.below", "only 'reaches: " + LOWEST_FINAL + "' takes a margin below its"
                        + " target");
            }
            if (below != null && (!below.isNumber() || !(below.asDouble() >= 0) || !Double.isFinite(below.asDouble()))) {
                throw new InvalidField("trace.below", "must be a number >= 0, got " + below);
            }
            if (trace.containsKey("reaches") && (v == null || !v.isNumber() && !v.isTextual())) {
                throw new InvalidField("trace.reaches", "must be a number, or a scheduler's name (its run's final value"
                        + " at the same point and replication)");
            }
        }
    }

    private static void checkSide(String field, JsonNode side) {
        if (side == null || side.isTextual()) {
            return;
        }
        if (!side.isObject() || side.isEmpty()) {
            throw new InvalidField(field, "must be a scheduler's name or a mapping of 'scheduler' and swept parameters"
                    + " to values");
        }
        JsonNode s = side.get("scheduler");
        if (s != null && !s.isTextual()) {
            throw new InvalidField(field + ".scheduler", "must be a scheduler's name");
        }
    }

    /** The schedulers of an {@code order}, first to last. */
    public static List<String> orderedSchedulers(String order) {
        String[] parts = order.split("<=|<");
        List<String> names = java.util.Arrays.stream(parts).map(String::strip).toList();
        if (names.size() < 2 || names.stream().anyMatch(String::isEmpty)) {
            throw new InvalidField("order", "must be schedulers joined by '<' or '<=', e.g. 'a <= b < c', got '" + order
                    + "'");
        }
        return names;
    }

    /** The relations of an {@code order}, between consecutive schedulers: {@code "<"} or {@code "<="}. */
    public static List<String> orderedRelations(String order) {
        List<String> ops = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<=|<").matcher(order);
        while (m.find()) {
            ops.add(m.group());
        }
        return ops;
    }

    /** Text ending where a figure's, table's, section's, equation's or algorithm's number starts. */
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(
            "(?is).*\\b(figs?|tables?|secs?|sections?|eqs?|equations?|algs?|algorithms?)\\.?\\s*\\(?");

    /** Whether this is a claim of the paper (not a model check). */
    @JsonIgnore
    public boolean fromPaper() {
        return source == null || source.equals(PAPER);
    }

    /**
     * Whether {@code quote} holds {@code value}: as a number rounded to the digits written (0.13,
     * 48.43, 1,241,220) or as a percentage of it (0.4843 as 48.43%).
     */
    static boolean quotes(String quote, double number) {
        double value = Math.abs(number);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d[\\d,]*(\\.\\d+)?").matcher(quote);
        while (m.find()) {
            // A figure's, table's, section's or equation's number is no value: "Fig. 5" never quotes 0.05.
            if (REFERENCE.matcher(quote.substring(0, m.start())).matches()) {
                continue;
            }
            String written = m.group().replace(",", "");
            double v;
            try {
                v = Math.abs(Double.parseDouble(written));
            } catch (NumberFormatException e) {
                continue;
            }
            int decimals = written.contains(".") ? written.length() - written.indexOf('.') - 1 : 0;
            double unit = Math.pow(10, -decimals) / 2 + 1e-12 * Math.abs(v);
            boolean percent = quote.startsWith("%", m.end()) || quote.startsWith(" %", m.end())
                    || quote.startsWith(" percent", m.end());
            if (Math.abs(v - value) <= unit || Math.abs(v - 100 * value) <= unit
                    || percent && Math.abs(v / 100 - value) <= unit / 100) {
                return true;
            }
        }
        return false;
    }

    /** The parsed tolerance. */
    @JsonIgnore
    public Tolerance rule() {
        return Tolerance.parse(tolerance);
    }

    /**
     * The scheduler whose final value is the target of a {@code reaches} reading, or null (no
     * trace, {@code at}, or a number).
     */
    @JsonIgnore
    public String reachesFinalOf() {
        JsonNode r = trace == null ? null : trace.get("reaches");
        return r != null && r.isTextual() && !r.asText().equals(LOWEST_FINAL) ? r.asText() : null;
    }

    /**
     * With {@code reaches: lowest-final}, how far below the lowest final value the target lies
     * ({@code trace.below}, default 0); null for other readings.
     */
    @JsonIgnore
    public Double reachesBelowLowestFinal() {
        JsonNode r = trace == null ? null : trace.get("reaches");
        if (r == null || !r.isTextual() || !r.asText().equals(LOWEST_FINAL)) {
            return null;
        }
        JsonNode b = trace.get("below");
        return b == null ? 0.0 : b.asDouble();
    }

    /** The centred window a crossing is read from ({@code trace.smooth}), 1 (the raw trace) by default. */
    @JsonIgnore
    public int smoothing() {
        JsonNode w = trace == null ? null : trace.get("smooth");
        return w == null ? 1 : w.asInt();
    }

    /** What the paper model's reading contradicts in the paper ({@code paperModel.contradicts}), or null. */
    @JsonIgnore
    public String paperModelContradicts() {
        JsonNode why = paperModel == null ? null : paperModel.get("contradicts");
        return why == null ? null : why.asText();
    }

    /** Whether the claim reads the per-round trace ({@code rounds.csv}). */
    @JsonIgnore
    public boolean fromTrace() {
        return trace != null;
    }
}

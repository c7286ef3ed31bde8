package org.edgesim.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.edgesim.scenario.ClaimSpec;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.scenario.InvalidField;

/**
 * Resolves a study's claims against its points, schedulers, figures and metrics; a claim that
 * names something the study does not have is an {@link InvalidField} whose field is relative to
 * the claim (e.g. {@code at.radio.bandwidth}).
 */
final class ClaimResolver {
    private final Study study;
    /** A swept parameter's value as the points hold it (SI), or NaN: (path, value as written). */
    private final BiFunction<String, JsonNode, Double> si;
    /** The numeric round columns every point's runs write, or null when unknown. */
    private final Set<String> roundColumns;

    ClaimResolver(Study study, BiFunction<String, JsonNode, Double> si, Set<String> roundColumns) {
        this.study = study;
        this.si = si;
        this.roundColumns = roundColumns;
    }

    /** A claim about a design point the study does not have (in quick mode, one the quick sweep leaves out). */
    static final class MissingPoint extends RuntimeException {
        final InvalidField error;

        MissingPoint(InvalidField error) {
            super(error.getMessage());
            this.error = error;
        }
    }

    Claim resolve(ClaimSpec c) {
        Claim claim = resolveReading(c);
        if (c.paperModel() == null) {
            return claim;
        }
        Map<String, JsonNode> m = c.paperModel();
        ClaimSpec model = new ClaimSpec(c.id(), c.figure(), c.statement(), c.kind(), c.metric(), c.trace(),
                m.getOrDefault("of", c.of()), m.getOrDefault("against", c.against()), m.containsKey("at")
                ? jsonMap(m.get("at")) : c.at(), c.over(), c.order(), c.paper(), c.tolerance(), null, null,
                ClaimSpec.MODEL, null, null, null);
        try {
            return claim.withPaperModel(resolveReading(model));
        } catch (InvalidField e) {
            throw new InvalidField("paperModel." + e.field(), e.rule());
        }
    }

    private static Map<String, JsonNode> jsonMap(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidField("paperModel.at", "must map swept parameters to values");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private Claim resolveReading(ClaimSpec c) {
        checkFigure(c);
        checkMetric(c);
        if (c.reachesFinalOf() != null && !study.schedulers().contains(c.reachesFinalOf())) {
            throw new InvalidField("trace.reaches", "names scheduler '" + c.reachesFinalOf() + "', which the study does"
                    + " not run; it compares " + study.schedulers());
        }
        Map<String, JsonNode> at = c.at();
        for (String path : at.keySet()) {
            parameter("at." + path, path);
        }
        if (c.kind().equals(ClaimSpec.ORDERING)) {
            List<String> names = ClaimSpec.orderedSchedulers(c.order());
            for (String s : names) {
                if (!study.schedulers().contains(s)) {
                    throw new InvalidField("order", "names scheduler '" + s + "', which the study does not run; it"
                            + " compares " + study.schedulers());
                }
            }
            List<Integer> points = select("at", at, at.keySet());
            return new Claim(c, null, null, points, -1);
        }
        Claim.Side of = side("of", c.of(), at);
        if (c.kind().equals(ClaimSpec.ARGMIN) || c.kind().equals(ClaimSpec.ARGMAX)) {
            int over = parameter("over", c.over());
            if (at.containsKey(c.over()) || c.of() != null && c.of().has(c.over())) {
                throw new InvalidField("over", "'" + c.over() + "' is also fixed by 'at' or 'of'");
            }
            for (int p : of.points()) {
                if (Double.isNaN(Claim.numeric(study.points().get(p), over))) {
                    throw new InvalidField("over", "'" + c.over() + "' takes values that are not numbers; an " + c.kind()
                            + " reports a number");
                }
            }
            onlyVarying("of", of.points(), over);
            return new Claim(c, of, null, of.points(), over);
        }
        // A list in 'at' (e.g. every bandwidth) averages the reading over those points, run by run.
        int averaged = 1;
        for (JsonNode v : at.values()) {
            averaged *= v.isArray() ? v.size() : 1;
        }
        if (averaged > 1 && !List.of(ClaimSpec.VALUE, ClaimSpec.RATIO, ClaimSpec.REDUCTION, ClaimSpec.DIFFERENCE)
                .contains(c.kind())) {
            throw new InvalidField("at", "a list of values (a reading averaged over them) is for 'value', 'ratio',"
                    + " 'reduction' and 'difference' claims");
        }
        single("of", of, averaged);
        Claim.Side against = null;
        if (c.against() != null) {
            against = side("against", c.against(), at);
            single("against", against, averaged);
        }
        return new Claim(c, of, against, of.points(), -1);
    }

    private void checkFigure(ClaimSpec c) {
        List<FigureSpec> figures = study.base().figures() == null ? List.of() : study.base().figures();
        if (figures.stream().noneMatch(f -> f.name().equals(c.figure()))) {
            throw new InvalidField("figure", "no figure '" + c.figure() + "' in this study; its figures: "
                    + figures.stream().map(FigureSpec::name).toList());
        }
    }

    private void checkMetric(ClaimSpec c) {
        if (roundColumns == null) {
            return;
        }
        List<String> known;
        if (c.fromTrace()) {
            known = RoundMetrics.traceColumns(roundColumns);
            String x = c.trace().get("x").asText();
            if (!known.contains(x)) {
                throw new InvalidField("trace.x", "no round column '" + x + "' in this study's rounds.csv; known: "
                        + known);
            }
        } else {
            known = RoundMetrics.metrics(roundColumns);
        }
        if (!known.contains(c.metric())) {
            String hint = !c.fromTrace() && known.contains(c.metric() + "_mean") ? " (did you mean '" + c.metric()
                    + "_mean', its mean over the rounds?)" : "";
            throw new InvalidField("metric", "no " + (c.fromTrace() ? "round column" : "metric") + " '" + c.metric()
                    + "' in this study's " + (c.fromTrace() ? "rounds.csv" : "points.csv") + hint + "; known: " + known);
        }
    }

    /** The position of swept parameter {@code path}, or a located error at {@code field}. */
    private int parameter(String field, String path) {
        int i = study.parameters().indexOf(path);
        if (i < 0) {
            throw new InvalidField(field, "'" + path + "' is not swept in this study; swept: " + study.parameters());
        }
        return i;
    }

    private Claim.Side side(String field, JsonNode node, Map<String, JsonNode> at) {
        Map<String, JsonNode> fixed = new LinkedHashMap<>(at);
        String scheduler = null;
        if (node != null && node.isTextual()) {
            scheduler = node.asText();
        } else if (node != null) {
            for (var e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                if (e.getKey().equals("scheduler")) {
                    scheduler = e.getValue().asText();
                    continue;
                }
                parameter(field + "." + e.getKey(), e.getKey());
                if (at.containsKey(e.getKey())) {
                    throw new InvalidField(field + "." + e.getKey(), "is also fixed by 'at'");
                }
                fixed.put(e.getKey(), e.getValue());
            }
        }
        if (scheduler == null) {
            if (study.schedulers().size() != 1) {
                throw new InvalidField(field, "name the scheduler: the study compares " + study.schedulers());
            }
            scheduler = study.schedulers().get(0);
        }
        if (!study.schedulers().contains(scheduler)) {
            throw new InvalidField(node != null && node.isObject() ? field + ".scheduler" : field, "names scheduler '"
                    + scheduler + "', which the study does not run; it compares " + study.schedulers());
        }
        return new Claim.Side(scheduler, select(field, fixed, at.keySet()));
    }

    /** The points whose swept values match every entry of {@code fixed}. */
    private List<Integer> select(String field, Map<String, JsonNode> fixed, Set<String> atKeys) {
        List<Integer> out = new ArrayList<>();
        for (Study.Point p : study.points()) {
            out.add(p.index());
        }
        for (var e : fixed.entrySet()) {
            int i = study.parameters().indexOf(e.getKey());
            List<JsonNode> wanted = new ArrayList<>();
            (e.getValue().isArray() ? e.getValue() : List.of(e.getValue())).forEach(wanted::add);
            List<Integer> kept = new ArrayList<>();
            for (JsonNode one : wanted) {
                String text = one.isTextual() ? one.asText() : one.toString();
                double value = si.apply(e.getKey(), one);
                List<Integer> these = out.stream().filter(p -> {
                    Study.Point point = study.points().get(p);
                    double v = point.values().get(i);
                    return point.labels().get(i).equals(text) || !Double.isNaN(v)
                            && Math.abs(v - value) <= 1e-9 * Math.max(Math.abs(v), Double.MIN_NORMAL);
                }).toList();
                if (these.isEmpty()) {
                    throw new MissingPoint(new InvalidField((atKeys.contains(e.getKey()) ? "at"
                            : field) + "." + e.getKey(), "no design point has " + e.getKey() + " = " + text + "; the"
                            + " sweep's values: " + study.points().stream().map(pt -> pt.labels().get(i)).distinct()
                            .toList()));
                }
                kept.addAll(these);
            }
            out = kept.stream().distinct().sorted().toList();
        }
        return out;
    }

    /** The side selects one point, or {@code averaged} (one per combination of the values listed in 'at'). */
    private void single(String field, Claim.Side side, int averaged) {
        if (side.points().size() != averaged) {
            throw new InvalidField(field, "selects " + side.points().size() + " design points" + (averaged > 1
                    ? " where the values listed in 'at' make " + averaged : "") + "; fix the other swept parameters "
                    + study.parameters() + " with 'at' (or in '" + field + "')");
        }
    }

    /** Every swept parameter but {@code over} must be the same across {@code points}. */
    private void onlyVarying(String field, List<Integer> points, int over) {
        for (int i = 0; i < study.parameters().size(); i++) {
            if (i == over) {
                continue;
            }
            int k = i;
            long distinct = points.stream().map(p -> study.points().get(p).labels().get(k)).distinct().count();
            if (distinct > 1) {
                throw new InvalidField(field, "the points along '" + study.parameters().get(over) + "' also vary '"
                        + study.parameters().get(i) + "'; fix it with 'at'");
            }
        }
    }
}

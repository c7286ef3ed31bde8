package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's {@code sweep} section: which parameters vary, how often each design point is
 * replicated, and which schedulers are compared on the same draws.
 *
 * @param grid         parameter path (dotted, e.g. {@code radio.bandwidth}) to its values; the
 *                     design points are the Cartesian product of the grid (in file order, the last
 *                     path varying fastest) ...
 * @param zip          ... times the zipped lists, advanced together (all of one length)
 * @param replications independent replications of every point: replication {@code r} uses
 *                     substream {@code r} of every stream (default 1)
 * @param compare      schedulers run at every point and replication on the same draws (common
 *                     random numbers); default: the scenario's {@code scheduler}
 * @param quick        overrides applied by {@code --quick} (e.g. {@code sweep.replications: 5},
 *                     {@code rounds: 2}), for a fast preview of the same study
 * @param reference    the compared scheduler the others are paired against in
 *                     {@code paired.csv} (default: the first of {@code compare})
 * @param precision    replications in batches of {@code replications} until the intervals are
 *                     that narrow (optional; without it, {@code replications} run)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SweepSpec(Map<String, List<JsonNode>> grid, Map<String, List<JsonNode>> zip, Integer replications,
                        List<String> compare, Map<String, JsonNode> quick, String reference,
                        PrecisionSpec precision) {
    public SweepSpec {
        grid = grid == null ? Map.of() : new LinkedHashMap<>(grid);
        zip = zip == null ? Map.of() : new LinkedHashMap<>(zip);
        compare = compare == null ? List.of() : List.copyOf(compare);
        quick = quick == null ? Map.of() : new LinkedHashMap<>(quick);
        for (var section : java.util.List.of(java.util.Map.entry("grid", grid.keySet()), java.util.Map.entry("zip",
                zip.keySet()), java.util.Map.entry("quick", quick.keySet()))) {
            for (String path : section.getValue()) {
                if (!path.matches("[A-Za-z$][A-Za-z0-9_$]*(\\.[A-Za-z$][A-Za-z0-9_$]*)*")) {
                    throw new InvalidField(section.getKey() + "." + path, "a parameter's path is keys joined by '.', e.g."
                            + " radio.bandwidth; got '" + path + "'");
                }
                if (!section.getKey().equals("quick") && path.equals("scheduler")) {
                    throw new InvalidField(section.getKey() + "." + path, "schedulers are not swept: list them in"
                            + " sweep.compare, which runs each at every point on the same draws");
                }
            }
        }
        if (replications != null && replications < 1) {
            throw new InvalidField("replications", "must be >= 1, got " + replications);
        }
        for (var e : grid.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new InvalidField("grid." + e.getKey(), "needs at least one value");
            }
        }
        int length = -1;
        for (var e : zip.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new InvalidField("zip." + e.getKey(), "needs at least one value");
            }
            if (length >= 0 && e.getValue().size() != length) {
                throw new InvalidField("zip." + e.getKey(), "has " + e.getValue().size() + " values, the other zipped"
                        + " lists " + length + "; zipped lists advance together");
            }
            length = e.getValue().size();
        }
        for (String path : grid.keySet()) {
            if (zip.containsKey(path)) {
                throw new InvalidField("zip." + path, "is also in the grid; vary a parameter in one place");
            }
        }
        if (compare.stream().distinct().count() != compare.size()) {
            throw new InvalidField("compare", "names a scheduler twice: " + compare);
        }
        if (precision != null && precision.maxReplications() < (replications == null ? 1 : replications)) {
            throw new InvalidField("precision.maxReplications", "is " + precision.maxReplications() + ", fewer than"
                    + " the first batch's " + replications + " replications");
        }
        if (reference != null && !compare.contains(reference)) {
            throw new InvalidField("reference", "is '" + reference + "', which 'compare' does not name: " + compare);
        }
    }

    public int replicationCount() {
        return replications == null ? 1 : replications;
    }
}

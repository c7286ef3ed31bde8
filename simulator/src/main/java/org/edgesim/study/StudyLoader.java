package org.edgesim.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.edgesim.scenario.ClaimSpec;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.scenario.InvalidField;
import org.edgesim.scenario.LocationIndex;
import org.edgesim.scenario.PrecisionSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.scenario.SweepSpec;

/**
 * Expands a scenario file's {@code sweep} into design points. Every point is the file's own tree
 * with the swept values put in place, bound like any scenario, so a value that breaks a rule is
 * reported at its line in the sweep section, with the field and the rule.
 */
public final class StudyLoader {
    private final ScenarioLoader loader;

    public StudyLoader(ScenarioLoader loader) {
        this.loader = loader;
    }

    /** Design points a sweep may have unless the caller allows more ({@code --allow-large}). */
    public static final long MAX_POINTS = 100_000;

    /** Reads {@code file} as a study; {@code quick} applies the sweep's {@code quick} overrides. */
    public Study load(Path file, boolean quick) throws ScenarioException {
        return load(file, quick, false);
    }

    /**
     * As {@link #load(Path, boolean)}; a sweep of more than {@link #MAX_POINTS} design points is
     * refused, before any is built, unless {@code allowLarge}.
     */
    public Study load(Path file, boolean quick, boolean allowLarge) throws ScenarioException {
        String name = file.toString();
        String text = ScenarioLoader.read(file);
        ScenarioLoader.Format format = ScenarioLoader.Format.of(name);
        // With quick overrides the quick study is what runs: its points are checked (its data, say),
        // not the full one's; otherwise the file is checked whole first.
        Scenario base = loader.parse(name, text, format, false);
        if (!(quick && base.sweep() != null && !base.sweep().quick().isEmpty())) {
            loader.check(name, text, format, base);
        }
        ObjectMapper mapper = ScenarioLoader.mapper(format);
        LocationIndex index = LocationIndex.of(mapper.getFactory(), text);
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw ScenarioLoader.translate(name, e, index);
        }
        SweepSpec sweep = base.sweep();
        if (quick && sweep != null && !sweep.quick().isEmpty()) {
            for (Map.Entry<String, JsonNode> e : sweep.quick().entrySet()) {
                put((ObjectNode) tree, e.getKey(), e.getValue());
            }
            base = bind(name, mapper, tree, index, "/sweep/quick/" + sweep.quick().keySet().iterator().next(),
                    "sweep.quick");
            sweep = base.sweep();
        }
        List<String> schedulers = sweep == null || sweep.compare().isEmpty() ? List.of(base.scheduler()) : sweep.compare();
        int replications = sweep == null ? 1 : sweep.replicationCount();
        if (sweep == null) {
            return new Study(name, base, List.of(), List.of(new Study.Point(0, List.of(), List.of(), base.single())),
                    schedulers, replications);
        }
        double size = sweep.zip().isEmpty() ? 1 : sweep.zip().values().iterator().next().size();
        for (List<JsonNode> values : sweep.grid().values()) {
            size *= values.size();
        }
        if (size > MAX_POINTS && !allowLarge) {
            int[] at = index.find("/sweep");
            throw new ScenarioException(name, at[0], at[1], "sweep", String.format(java.util.Locale.ROOT, "has %,.0f"
                    + " design points (%s); at most %,d unless --allow-large", size, sweep.grid().entrySet().stream()
                    .map(e -> e.getValue().size() + " " + e.getKey()).reduce((a, b) -> a + " x " + b)
                    .orElse("zipped lists"), MAX_POINTS));
        }
        List<String> paths = new ArrayList<>(sweep.grid().keySet());
        paths.addAll(sweep.zip().keySet());
        // Combinations: the grid's Cartesian product (last path fastest), each with every zip index.
        List<int[]> combos = new ArrayList<>();
        int gridPaths = sweep.grid().size();
        int zipLength = sweep.zip().isEmpty() ? 1 : sweep.zip().values().iterator().next().size();
        int[] sizes = sweep.grid().values().stream().mapToInt(List::size).toArray();
        int[] odometer = new int[gridPaths];
        while (true) {
            for (int z = 0; z < zipLength; z++) {
                int[] combo = new int[paths.size()];
                System.arraycopy(odometer, 0, combo, 0, gridPaths);
                for (int k = gridPaths; k < paths.size(); k++) {
                    combo[k] = z;
                }
                combos.add(combo);
            }
            int d = gridPaths - 1;
            while (d >= 0 && ++odometer[d] == sizes[d]) {
                odometer[d] = 0;
                d--;
            }
            if (d < 0) {
                break;
            }
        }
        List<Study.Point> points = new ArrayList<>();
        for (int[] combo : combos) {
            ObjectNode t = ((ObjectNode) tree).deepCopy();
            t.remove("sweep");
            t.remove("figures");
            t.remove("claims");
            List<String> labels = new ArrayList<>();
            String where = null;
            for (int k = 0; k < paths.size(); k++) {
                String section = k < gridPaths ? "grid" : "zip";
                JsonNode value = (k < gridPaths ? sweep.grid() : sweep.zip()).get(paths.get(k)).get(combo[k]);
                put(t, paths.get(k), value);
                labels.add(value.isTextual() ? value.asText() : value.toString());
                where = where == null ? "/sweep/" + section + "/" + paths.get(k) + "/" + combo[k] : where;
            }
            Scenario point = bind(name, mapper, t, index, where, "sweep");
            for (String s : schedulers) {
                check(name, index, point.withScheduler(s), sweep.compare().isEmpty() ? "/scheduler" : "/sweep/compare");
            }
            JsonNode resolved = mapper.valueToTree(point);
            List<Double> values = new ArrayList<>();
            for (String p : paths) {
                JsonNode v = resolved.at("/" + p.replace('.', '/'));
                values.add(v.isNumber() ? v.asDouble() : Double.NaN);
            }
            points.add(new Study.Point(points.size(), labels, values, point));
        }
        Study study = new Study(name, base, paths, points, schedulers, replications);
        return new Study(name, base, paths, points, schedulers, replications, claims(name, mapper, tree, index, study,
                quick));
    }

    /**
     * Checks the base scenario's figures against the study, and resolves its claims; a figure or a
     * claim that names something the study does not have is a located error.
     */
    private List<Claim> claims(String name, ObjectMapper mapper, JsonNode tree, LocationIndex index, Study study,
                               boolean quick) throws ScenarioException {
        List<ClaimSpec> specs = study.base().claims();
        java.util.Set<String> columns = null;
        for (Study.Point p : study.points()) {
            List<String> c = loader.roundColumns(p.scenario());
            if (c == null) {
                break;
            }
            // What any point writes (one cell and several cells write different columns).
            if (columns == null) {
                columns = new java.util.TreeSet<>(c);
            } else {
                columns.addAll(c);
            }
        }
        if (study.base().figures() != null) {
            FigureChecker figures = new FigureChecker(study, columns, quick);
            for (int i = 0; i < study.base().figures().size(); i++) {
                FigureSpec f = study.base().figures().get(i);
                try {
                    figures.check(f);
                } catch (InvalidField e) {
                    String pointer = e.field().startsWith("seriesNames.") ? "seriesNames/"
                            + e.field().substring("seriesNames.".length()).replace("~", "~0").replace("/", "~1")
                            : e.field().replace('.', '/');
                    int[] at = index.find("/figures/" + i + "/" + pointer);
                    throw new ScenarioException(name, at[0], at[1], "figures." + f.name() + "." + e.field(), e.rule());
                }
            }
        }
        PrecisionSpec precision = study.precision();
        if (precision != null && columns != null && !RoundMetrics.metrics(columns).contains(precision.metric())) {
            int[] at = index.find("/sweep/precision/metric");
            throw new ScenarioException(name, at[0], at[1], "sweep.precision.metric", "no metric '"
                    + precision.metric() + "' in this study's points.csv; known: " + RoundMetrics.metrics(columns));
        }
        if (specs == null) {
            return List.of();
        }
        ObjectNode bare = ((ObjectNode) tree).deepCopy();
        bare.remove("sweep");
        bare.remove("figures");
        bare.remove("claims");
        ClaimResolver resolver = new ClaimResolver(study, (path, value) -> siValue(mapper, bare, path, value), columns);
        List<Claim> out = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            InvalidField e;
            try {
                out.add(resolver.resolve(specs.get(i)));
                continue;
            } catch (ClaimResolver.MissingPoint missing) {
                if (quick) {
                    continue; // the quick sweep leaves the claim's point out: it is checked by the full run only
                }
                e = missing.error;
            } catch (InvalidField invalid) {
                e = invalid;
            }
            int dot = e.field().indexOf('.');
            String head = dot < 0 ? e.field() : e.field().substring(0, dot);
            String pointer = "/claims/" + i + "/" + head + (dot < 0 ? "" : "/" + e.field().substring(dot + 1));
            int[] at = index.find(pointer);
            throw new ScenarioException(name, at[0], at[1], "claims." + specs.get(i).id() + "." + e.field(), e.rule());
        }
        return out;
    }

    /** A swept parameter's value in SI units, as a design point would hold it; NaN if it is no number. */
    private static double siValue(ObjectMapper mapper, ObjectNode bare, String path, JsonNode value) {
        ObjectNode t = bare.deepCopy();
        put(t, path, value);
        try {
            JsonNode v = mapper.valueToTree(mapper.treeToValue(t, Scenario.class)).at("/" + path.replace('.', '/'));
            return v.isNumber() ? v.asDouble() : Double.NaN;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Double.NaN;
        }
    }

    /** Sets dotted {@code path} in {@code tree}, creating intermediate mappings. */
    /**
     * Sets the value at a dotted {@code path}; below {@code sweep.grid} and {@code sweep.zip} the
     * rest of the path is one key (a swept parameter's own path, e.g. {@code devices.count}).
     */
    private static void put(ObjectNode tree, String path, JsonNode value) {
        for (String table : new String[] {"sweep.grid.", "sweep.zip."}) {
            if (path.startsWith(table)) {
                String[] two = table.split("\\.");
                JsonNode sweep = tree.get(two[0]);
                ObjectNode s = sweep instanceof ObjectNode o ? o : tree.putObject(two[0]);
                JsonNode t = s.get(two[1]);
                (t instanceof ObjectNode o ? o : s.putObject(two[1])).set(path.substring(table.length()), value);
                return;
            }
        }
        String[] keys = path.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            JsonNode next = node.get(keys[i]);
            node = next instanceof ObjectNode o ? o : node.putObject(keys[i]);
        }
        node.set(keys[keys.length - 1], value);
    }

    private Scenario bind(String name, ObjectMapper mapper, JsonNode tree, LocationIndex index, String where,
                          String section) throws ScenarioException {
        try {
            return mapper.treeToValue(tree, Scenario.class);
        } catch (JsonProcessingException e) {
            ScenarioException inner = ScenarioLoader.translate(name, e, index);
            int[] at = index.find(where);
            throw new ScenarioException(name, at[0], at[1], inner.field(), inner.rule() + " (at this value of " + section
                    + ")");
        }
    }

    private void check(String name, LocationIndex index, Scenario s, String where) throws ScenarioException {
        for (ScenarioLoader.Check c : loader.checks()) {
            try {
                c.check(s);
            } catch (InvalidField e) {
                int[] at = index.find(where);
                throw new ScenarioException(name, at[0], at[1], e.field(), e.rule(), e.isDataMissing());
            }
        }
    }
}

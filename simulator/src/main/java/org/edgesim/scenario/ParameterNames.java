package org.edgesim.scenario;

import java.util.Locale;
import java.util.Map;

/**
 * What a figure calls a scenario parameter in legends, panel titles and default axis labels: the
 * words a paper would print ({@code protocol.clusterSize}: {@code cluster size}), never the key
 * path. Parameters figures sweep have their names here; any other reads its last key in words
 * ({@code protocol.maxBatch}: {@code max batch}), a {@code count} its parent's
 * ({@code devices.count}: {@code devices}).
 */
public final class ParameterNames {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("radio.bandwidth", "bandwidth"),
            Map.entry("radio.coherenceTime", "coherence time"),
            Map.entry("radio.csiError", "CSI error"),
            Map.entry("radio.csiAge", "CSI age"),
            Map.entry("radio.packetErrorRate", "packet error rate"),
            Map.entry("protocol.clusterSize", "cluster size"),
            Map.entry("protocol.gibbsDelta", "Gibbs δ"),
            Map.entry("protocol.gibbsIterations", "Gibbs iterations"),
            Map.entry("protocol.cycle", "cycle"),
            Map.entry("protocol.groups", "groups"),
            Map.entry("protocol.workersPerGroup", "workers per group"),
            Map.entry("protocol.straggler", "straggler policy"),
            Map.entry("protocol.scheme", "scheme"),
            Map.entry("protocol.cut", "cut layer"),
            Map.entry("learning.stepSize", "step size"),
            Map.entry("learning.model", "model"),
            Map.entry("devices.availability.dropout", "dropout probability"),
            Map.entry("devices.jitter.mean", "mean compute jitter"),
            Map.entry("cells.reuse", "frequency reuse"),
            Map.entry("cells.cloudPeriod", "cloud period"),
            Map.entry("cells.mobility.model", "mobility"),
            Map.entry("cells.mobility.speed", "speed"));

    private ParameterNames() {
    }

    /** The name of parameter {@code path} in a figure's text. */
    public static String of(String path) {
        String known = NAMES.get(path);
        if (known != null) {
            return known;
        }
        String[] keys = path.split("\\.");
        String key = keys[keys.length - 1];
        if (key.equals("count") && keys.length > 1) {
            key = keys[keys.length - 2];
        }
        // camelCase to words; a run of capitals (CSI) stays one word
        return lowerWords(key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2"));
    }

    /** Lower-cases each word that is not an acronym ({@code Step Size}: {@code step size}; {@code CSI} stays). */
    private static String lowerWords(String words) {
        StringBuilder out = new StringBuilder();
        for (String w : words.split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT)) ? w : w.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}

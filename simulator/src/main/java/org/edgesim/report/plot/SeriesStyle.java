package org.edgesim.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.util.ShapeUtils;

/**
 * How a series is drawn: a colour of the Okabe-Ito palette (safe for the common colour-vision
 * deficiencies), a marker and a dash, so that lines stay apart in greyscale too. A built-in
 * scheduler has the same style in every figure, and the schedulers of one paper's comparison
 * never share one; each paper's proposed scheme is the solid vermillion line with circles. Other
 * series (plug-in schedulers, swept values) take the styles their figure leaves free, in order.
 */
public record SeriesStyle(Color colour, Shape marker, float[] dash) {
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000), new Color(0x999999),
        new Color(0x8C6D00), new Color(0x117733), new Color(0x882255), new Color(0x332288), new Color(0x661100)};
    private static final float[][] DASHES = {{8f, 4f}, {2f, 3f}, {10f, 3f, 2f, 3f}, null, {6f, 2f, 6f, 6f},
        {4f, 4f}, {12f, 4f}, {1f, 2f}, {8f, 2f, 2f, 2f, 2f, 2f}, {3f, 6f}, {14f, 3f, 3f, 3f}, {5f, 5f, 1f, 5f}, {2f, 6f, 8f, 6f}};
    private static final float S = 4.5f;
    private static final Shape[] MARKERS = {new Rectangle2D.Double(-S, -S, 2 * S, 2 * S), ShapeUtils.createUpTriangle(S + 1),
        ShapeUtils.createDiamond(S + 1), new Ellipse2D.Double(-S, -S, 2 * S, 2 * S), ShapeUtils.createDownTriangle(S + 1),
        ShapeUtils.createDiagonalCross(S, 1.2f), ShapeUtils.createRegularCross(S, 1.2f),
        new Rectangle2D.Double(-S - 1, -S / 2, 2 * S + 2, S), new Rectangle2D.Double(-S / 2, -S - 1, S, 2 * S + 2),
        new Ellipse2D.Double(-S / 2, -S / 2, S, S), ShapeUtils.createDiamond(S - 1), ShapeUtils.createUpTriangle(S - 1),
        ShapeUtils.createDownTriangle(S - 1)};
    /** The style number of black. */
    static final int BLACK = 6;
    /** How many distinct styles there are. */
    public static final int COUNT = PALETTE.length;

    /**
     * The built-in schedulers' style numbers: within a paper all different, 3 for its proposed
     * scheme. A test checks that every scheduler of the standard catalog has one.
     */
    static final Map<String, Integer> BUILT_IN = Map.ofEntries(
            Map.entry("baseline", 0), Map.entry("bandwidth-aware-parameter", 1),
            Map.entry("parameter-aware-bandwidth", 2), Map.entry("joint-paba", 3),
            Map.entry("equal-blocks-equal-uploads", 4),
            Map.entry("feel-individual", 0), Map.entry("feel-fedavg", 1), Map.entry("feel-full-batch-equal-slots", 2),
            Map.entry("feel-proposed", 3), Map.entry("feel-online-equal-slots", 4),
            Map.entry("feel-random-batch-equal-slots", 5), Map.entry("feel-full-batch", 6), Map.entry("feel-online", 7),
            Map.entry("feel-random-batch", 8), Map.entry("feel-entire-data-equal-slots", 9),
            Map.entry("feel-entire-data", 10), Map.entry("aircomp-all", 11), Map.entry("aircomp-interior", 12),
            Map.entry("hu-async", 0), Map.entry("ha-sync", 1), Map.entry("ha-async-idle", 2), Map.entry("ha-async", 3),
            Map.entry("cpsl-random", 0), Map.entry("cpsl-heuristic", 1), Map.entry("cpsl-heuristic-equal", 2),
            Map.entry("cpsl-gibbs", 3), Map.entry("cpsl-random-equal", 4));

    /** Style number {@code i}. */
    public static SeriesStyle of(int i) {
        int k = Math.floorMod(i, COUNT);
        return new SeriesStyle(PALETTE[k], MARKERS[k], DASHES[k]);
    }

    /** The line's stroke: solid or dashed. */
    public BasicStroke stroke(float width) {
        return dash == null ? new BasicStroke(width)
                : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    /**
     * The style numbers of a figure's series, in order ({@code keys}: each series' scheduler or
     * value as written in the results): a built-in scheduler's own, the others the free ones.
     */
    public static int[] assign(List<String> keys) {
        Set<Integer> taken = new HashSet<>();
        for (String k : keys) {
            if (BUILT_IN.containsKey(k)) {
                taken.add(BUILT_IN.get(k));
            }
        }
        int[] out = new int[keys.size()];
        int next = 0;
        for (int i = 0; i < out.length; i++) {
            Integer own = BUILT_IN.get(keys.get(i));
            if (own != null) {
                out[i] = own;
                continue;
            }
            while (taken.contains(Math.floorMod(next, COUNT)) && taken.size() < COUNT) {
                next++;
            }
            out[i] = Math.floorMod(next, COUNT);
            taken.add(out[i]);
            next++;
        }
        return out;
    }
}

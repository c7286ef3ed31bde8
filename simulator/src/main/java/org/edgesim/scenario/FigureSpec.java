package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One figure of a study. From {@code summary.csv} (the default): the mean of metric {@code y}
 * (with 95% confidence intervals as error bars) against swept parameter {@code x}. From
 * {@code trace.csv} ({@code from: trace}): one point per round, the mean of round column
 * {@code y} (e.g. {@code test_accuracy}) against the mean of round column {@code x} (e.g.
 * {@code end_s}, the cumulative latency, or {@code round}), averaged over the replications. From
 * {@code points.csv} ({@code from: points}): the distribution of metric {@code y} over the
 * replications at each value of {@code x}, its median with bars from the 5th to the 95th
 * percentile (e.g. how far a scheduler's promise misses, run by run). Either way one line per
 * value of {@code series} ({@code scheduler} or a swept parameter), one panel per value of
 * {@code panel} if given.
 *
 * @param name      file name of the figure ({@code <name>.png}, {@code <name>.svg})
 * @param title     printed above the plot
 * @param x         swept parameter path, e.g. {@code radio.bandwidth}
 * @param xScale    factor applied to x values for display (e.g. {@code 1e-6} for MHz)
 * @param xLabel    axis label with its unit
 * @param y         metric column of {@code points.csv}, e.g. {@code realised_latency_s_mean}
 * @param yScale    factor applied to y values for display
 * @param yLabel    axis label with its unit
 * @param series    what distinguishes the lines (default {@code scheduler})
 * @param panel     what distinguishes side-by-side panels (optional)
 * @param logX      logarithmic x axis
 * @param logY      logarithmic y axis
 * @param errorBars draw the 95% confidence intervals (default true)
 * @param from        {@code summary} (default), {@code trace}, {@code points}, {@code paired} (the
 *                    mean paired difference of {@code y} from the study's reference scheduler, with
 *                    its 95% interval, one line per other scheduler; {@code paired.csv}) or
 *                    {@code speedup}
 * @param seriesNames legend names of the series values (e.g. {@code {"1": "FEEL (1 x 50)"}}), keyed
 *                    by compared schedulers or swept values ({@code validate} refuses other keys);
 *                    others are shown as the scheduler's name, or as the parameter's name, value
 *                    and unit ({@code cluster size = 3}, {@link ParameterNames})
 * @param target      {@code from: speedup}: the accuracy (round column {@code y}) that counts as
 *                    trained; the time to reach it is round column {@code x} (e.g. {@code end_s}).
 *                    Omitted: in each replication, the accuracy the reference scheduler's run ends
 *                    with (the time to do what the reference does)
 * @param reference   {@code from: speedup}: the scheduler whose time to target is the unit of
 *                    speedup (e.g. {@code feel-individual})
 * @param y2          a second metric on the same axes (from {@code summary} only), one dotted line
 *                    per series in the series' colour: e.g. the planned latency beside the realised
 * @param y2Name      what the legend adds to a series' name for its {@code y2} line (default: the
 *                    metric's name)
 * @param layout      {@code screen} (default: 800 x 560 pixels), {@code column}: 3.5 x 2.5 inches
 *                    at 8-9 pt, the width of one column of a two-column paper (PNG at 288 dpi), or
 *                    {@code double-column}: 7.16 x 3 inches at 9-10 pt, across both columns
 *
 * @param referenceData points to draw beside the results as hollow markers in their series' colours,
 *                    e.g. the numbers the paper states ({@link ReferenceData})
 *
 * <p>{@code from: speedup} is a table rather than a plot ({@code <name>.csv} and {@code <name>.md},
 * from {@code rounds.csv}): per design point and scheduler, the final accuracy, the time to the
 * target accuracy and the speedup relative to the reference scheduler.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureSpec(@JsonProperty(required = true) String name, String title,
                         @JsonProperty(required = true) String x, Double xScale, String xLabel,
                         @JsonProperty(required = true) String y, Double yScale, String yLabel,
                         String series, String panel, Boolean logX, Boolean logY, Boolean errorBars,
                         String from, java.util.Map<String, String> seriesNames, Double target,
                         String reference, String y2, String y2Name, String layout, ReferenceData referenceData) {
    public static final String SUMMARY = "summary";
    public static final String TRACE = "trace";
    public static final String SPEEDUP = "speedup";
    public static final String POINTS = "points";
    public static final String PAIRED = "paired";
    public static final String SCREEN = "screen";
    public static final String COLUMN = "column";
    public static final String DOUBLE_COLUMN = "double-column";
    /** Every layout, as {@code layout} and {@code edgesim plot --layout} name them. */
    public static final java.util.List<String> LAYOUTS = java.util.List.of(SCREEN, COLUMN, DOUBLE_COLUMN);

    /** A figure without reference points. */
    public FigureSpec(String name, String title, String x, Double xScale, String xLabel, String y, Double yScale,
                      String yLabel, String series, String panel, Boolean logX, Boolean logY, Boolean errorBars,
                      String from, java.util.Map<String, String> seriesNames, Double target, String reference, String y2,
                      String y2Name, String layout) {
        this(name, title, x, xScale, xLabel, y, yScale, yLabel, series, panel, logX, logY, errorBars, from, seriesNames,
                target, reference, y2, y2Name, layout, null);
    }

    public FigureSpec {
        from = from == null ? SUMMARY : from;
        if (!java.util.List.of(SUMMARY, TRACE, POINTS, PAIRED, SPEEDUP).contains(from)) {
            throw new InvalidField("from", "must be 'summary' (means per design point), 'trace' (per round), 'points'"
                    + " (distributions over the replications), 'paired' (differences from the reference scheduler) or"
                    + " 'speedup' (a table of times to a target accuracy), got '" + from + "'");
        }
        layout = layout == null ? SCREEN : layout;
        if (!LAYOUTS.contains(layout)) {
            throw new InvalidField("layout", "must be 'screen' (800 x 560 pixels), 'column' (3.5 inches at 8-9 pt) or"
                    + " 'double-column' (7.16 inches, the width of a two-column page, at 9-10 pt), got '" + layout + "'");
        }
        if (from.equals(SPEEDUP) && reference == null) {
            throw new InvalidField("reference", "a speedup table needs 'reference' (the scheduler it is relative to)");
        }
        if (!from.equals(SPEEDUP) && (target != null || reference != null)) {
            throw new InvalidField(target != null ? "target" : "reference", "only tables 'from: speedup' have one");
        }
        if (y2 != null && !from.equals(SUMMARY)) {
            throw new InvalidField("y2", "only figures 'from: summary' draw a second metric");
        }
        if (referenceData != null && from.equals(SPEEDUP)) {
            throw new InvalidField("referenceData", "a speedup table draws no points; give the paper's values in a claim");
        }
        if (y2Name != null && y2 == null) {
            throw new InvalidField("y2Name", "names the 'y2' lines, and there is no 'y2'");
        }
        // In the file's order: Map.copyOf's order changes from one JVM to the next, and this map reaches
        // study.json and the study's fingerprint.
        seriesNames = seriesNames == null ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seriesNames));
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidField("name", "must be letters, digits, '.', '_' or '-' (it names the files), got '"
                    + name + "'");
        }
        if (xScale != null && !(xScale > 0)) {
            throw new InvalidField("xScale", "must be > 0, got " + xScale);
        }
        if (yScale != null && !(yScale > 0)) {
            throw new InvalidField("yScale", "must be > 0, got " + yScale);
        }
    }

    /** Whether this is a speedup table (from {@code rounds.csv}). */
    public boolean speedupTable() {
        return from.equals(SPEEDUP);
    }

    /** Whether the figure shows distributions over the replications (from {@code points.csv}). */
    public boolean fromPoints() {
        return from.equals(POINTS);
    }

    /** Whether the figure shows differences from the reference scheduler ({@code paired.csv}). */
    public boolean fromPaired() {
        return from.equals(PAIRED);
    }

    /** The same figure in another layout ({@code edgesim plot --layout}). */
    public FigureSpec withLayout(String other) {
        return new FigureSpec(name, title, x, xScale, xLabel, y, yScale, yLabel, series, panel, logX, logY, errorBars,
                from, seriesNames, target, reference, y2, y2Name, other, referenceData);
    }

    /**
     * This figure marked as drawn from a quick run: its title says "quick settings", so that a
     * preview never passes for the reproduction.
     */
    public FigureSpec markedQuick() {
        String t = (title == null ? name : title) + " [quick settings]";
        return new FigureSpec(name, t, x, xScale, xLabel, y, yScale, yLabel, series, panel, logX, logY, errorBars,
                from, seriesNames, target, reference, y2, y2Name, layout, referenceData);
    }

    /** Whether the figure is drawn from the per-round trace. */
    public boolean fromTrace() {
        return from.equals(TRACE);
    }

    /** The legend name of series value {@code value}, without units (figures add them). */
    public String seriesName(String value) {
        if (seriesNames != null && seriesNames.containsKey(value)) {
            return seriesNames.get(value);
        }
        return seriesOrDefault().equals("scheduler") ? value : ParameterNames.of(seriesOrDefault()) + " = " + value;
    }

    /**
     * The file name, without extension, of figure {@code name}'s panel {@code panel} (e.g.
     * {@code protocol.cycle = 7.5}; "" when the figure has no panels): {@code <name>-protocol.cycle_7.5}.
     */
    public static String fileStem(String name, String panel) {
        return panel.isEmpty() ? name : name + "-" + panel.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    public String seriesOrDefault() {
        return series == null ? "scheduler" : series;
    }

    public double xFactor() {
        return xScale == null ? 1 : xScale;
    }

    public double yFactor() {
        return yScale == null ? 1 : yScale;
    }

    /** The legend name of a series' {@code y2} line. */
    public String y2SeriesName(String value) {
        return seriesName(value) + ", " + y2Legend();
    }

    /** What the legend adds to a series' name for its {@code y2} line. */
    public String y2Legend() {
        return y2Name == null ? y2 : y2Name;
    }

    public boolean drawErrorBars() {
        return errorBars == null || errorBars;
    }
}

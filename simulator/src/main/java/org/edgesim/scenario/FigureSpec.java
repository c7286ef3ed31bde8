package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One figure of a study, drawn from its {@code summary.csv}: the mean of metric {@code y} (with
 * 95% confidence intervals as error bars) against swept parameter {@code x}, one line per value
 * of {@code series} ({@code scheduler} or another swept parameter), one panel per value of
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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureSpec(@JsonProperty(required = true) String name, String title,
                         @JsonProperty(required = true) String x, Double xScale, String xLabel,
                         @JsonProperty(required = true) String y, Double yScale, String yLabel,
                         String series, String panel, Boolean logX, Boolean logY, Boolean errorBars) {
    public FigureSpec {
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

    public String seriesOrDefault() {
        return series == null ? "scheduler" : series;
    }

    public double xFactor() {
        return xScale == null ? 1 : xScale;
    }

    public double yFactor() {
        return yScale == null ? 1 : yScale;
    }

    public boolean drawErrorBars() {
        return errorBars == null || errorBars;
    }
}

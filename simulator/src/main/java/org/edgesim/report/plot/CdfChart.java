package org.edgesim.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Empirical distribution functions of samples (one line per series, the share of samples at or
 * below x, in percent), with reference curves given at some percentiles drawn as hollow markers in
 * their series' colour: e.g. a channel's coupling loss against a standard's calibration.
 */
public final class CdfChart {
    private CdfChart() {
    }

    /**
     * A reference curve: {@code values[i]} at percentile {@code percentiles[i]}, named in the legend.
     */
    public record Reference(String name, double[] percentiles, double[] values) {
    }

    /**
     * Draws {@code <base>.png}, {@code .svg} and {@code .pdf} in {@code folder}: per series (in map
     * order) its samples' CDF, and its reference's markers when {@code references} has one.
     */
    public static List<Path> draw(Path folder, String base, String title, String xLabel, Map<String, double[]> samples,
                                  Map<String, Reference> references) throws IOException {
        Layout layout = Layout.SCREEN;
        XYSeriesCollection lines = new XYSeriesCollection();
        XYSeriesCollection marks = new XYSeriesCollection();
        int i = 0;
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer mark = new XYLineAndShapeRenderer(false, true);
        for (var e : samples.entrySet()) {
            double[] v = e.getValue().clone();
            Arrays.sort(v);
            XYSeries s = new XYSeries(e.getKey() + " (edgesim, n = " + v.length + ")", false, true);
            for (int k = 0; k < v.length; k++) {
                s.add(v[k], 100.0 * (k + 1) / v.length);
            }
            lines.addSeries(s);
            SeriesStyle style = SeriesStyle.of(i);
            line.setSeriesPaint(i, style.colour());
            line.setSeriesStroke(i, new BasicStroke(layout.stroke()));
            Reference r = references.get(e.getKey());
            if (r != null) {
                XYSeries m = new XYSeries(e.getKey() + " (" + r.name() + ")", false, true);
                for (int k = 0; k < r.values().length; k++) {
                    m.add(r.values()[k], r.percentiles()[k]);
                }
                int j = marks.getSeriesCount();
                marks.addSeries(m);
                mark.setSeriesPaint(j, style.colour());
                mark.setSeriesShape(j, style.marker());
                mark.setSeriesShapesFilled(j, false);
                mark.setSeriesStroke(j, new BasicStroke(layout.stroke() * 0.75f));
            }
            i++;
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        x.setLabelFont(layout.label());
        x.setTickLabelFont(layout.ticks());
        NumberAxis y = new NumberAxis("devices at or below (%)");
        y.setRange(0, 100);
        y.setLabelFont(layout.label());
        y.setTickLabelFont(layout.ticks());
        XYPlot plot = new XYPlot(lines, x, y, line);
        plot.setDataset(1, marks);
        plot.setRenderer(1, mark);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, layout.title(), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(layout.ticks());
        legend.setPosition(RectangleEdge.BOTTOM);
        return ChartFiles.write(chart, folder, base, layout);
    }
}

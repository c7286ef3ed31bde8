package org.edgesim.report.plot;

import java.awt.Color;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Columns of any CSV file against one of them, one line each, in the studies' series styles
 * ({@code edgesim chart}): a learning curve, a trace of one's own. PNG, SVG and PDF.
 */
public final class CurveChart {
    private CurveChart() {
    }

    /**
     * Draws columns {@code ys} of {@code csv} against column {@code x} as {@code <base>.png},
     * {@code .svg} and {@code .pdf} in {@code folder}; cells that are not numbers are left out.
     *
     * @throws IllegalArgumentException naming a column the file lacks
     */
    public static List<Path> draw(Path csv, String x, List<String> ys, String title, String yLabel, Path folder,
                                  String base) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(r, format)) {
            for (String c : concat(x, ys)) {
                if (!parser.getHeaderMap().containsKey(c)) {
                    throw new IllegalArgumentException(csv + " has no column '" + c + "'; it has "
                            + parser.getHeaderNames());
                }
            }
            XYSeries[] series = new XYSeries[ys.size()];
            for (int i = 0; i < series.length; i++) {
                series[i] = new XYSeries(ys.get(i), false, true);
                data.addSeries(series[i]);
            }
            for (CSVRecord row : parser) {
                Double at = number(row.get(x));
                for (int i = 0; i < series.length && at != null; i++) {
                    Double v = number(row.get(ys.get(i)));
                    if (v != null) {
                        series[i].add(at.doubleValue(), v.doubleValue());
                    }
                }
            }
        }
        Layout layout = Layout.SCREEN;
        NumberAxis xAxis = new NumberAxis(x);
        NumberAxis yAxis = new NumberAxis(yLabel);
        yAxis.setAutoRangeIncludesZero(false);
        for (NumberAxis a : new NumberAxis[] {xAxis, yAxis}) {
            a.setLabelFont(layout.label());
            a.setTickLabelFont(layout.ticks());
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < ys.size(); i++) {
            SeriesStyle style = SeriesStyle.of(i);
            renderer.setSeriesPaint(i, style.colour());
            renderer.setSeriesStroke(i, style.stroke(layout.stroke()));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, layout.title(), plot, ys.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(layout.ticks());
        }
        return ChartFiles.write(chart, folder, base, layout);
    }

    private static List<String> concat(String x, List<String> ys) {
        java.util.ArrayList<String> all = new java.util.ArrayList<>(ys);
        all.add(0, x);
        return all;
    }

    private static Double number(String cell) {
        try {
            double v = Double.parseDouble(cell);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

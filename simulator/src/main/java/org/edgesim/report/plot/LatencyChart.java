package org.edgesim.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Planned and realised round latency against the round index, from a run's {@code rounds.csv};
 * for async MEL, whose cycles have a fixed length, the planned and realised latest return of a
 * learner's model within the cycle ({@code planned_finish_s}, {@code realised_finish_s}).
 */
public final class LatencyChart {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;

    private LatencyChart() {
    }

    /** Reads {@code roundsCsv} and writes {@code png}. */
    public static void draw(Path roundsCsv, String title, Path png) throws IOException {
        XYSeries planned = new XYSeries("planned", false, true);
        XYSeries realised = new XYSeries("realised (events)", false, true);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        String yLabel;
        try (Reader r = Files.newBufferedReader(roundsCsv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(r, format)) {
            boolean latency = parser.getHeaderMap().containsKey("planned_latency_s");
            String plannedColumn = latency ? "planned_latency_s" : "planned_finish_s";
            String realisedColumn = latency ? "realised_latency_s" : "realised_finish_s";
            yLabel = latency ? "round latency (s)" : "latest return of a model in the cycle (s)";
            for (String c : new String[] {plannedColumn, realisedColumn}) {
                if (!parser.getHeaderMap().containsKey(c)) {
                    throw new IOException(roundsCsv + " has neither planned_latency_s nor planned_finish_s to draw");
                }
            }
            for (CSVRecord row : parser) {
                double round = Double.parseDouble(row.get("round"));
                planned.add(round, Double.parseDouble(row.get(plannedColumn)));
                realised.add(round, Double.parseDouble(row.get(realisedColumn)));
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(planned);
        data.addSeries(realised);
        NumberAxis x = new NumberAxis("round");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(true);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(0x1f77b4));
        renderer.setSeriesPaint(1, new Color(0xd62728));
        renderer.setSeriesStroke(0, new BasicStroke(2.0f));
        renderer.setSeriesStroke(1, new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD); // realised drawn over planned
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, FigureFonts.of(Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
    }
}

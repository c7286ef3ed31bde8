package org.edgesim.report.plot;

import java.awt.BasicStroke;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.edgesim.scenario.FigureSpec;
import org.edgesim.scenario.ReferenceData;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A figure's reference points ({@link ReferenceData}, e.g. the numbers a paper states) beside its
 * results: hollow markers in their series' colours and shapes, a bar where an interval is given,
 * and a legend entry each ({@code joint-paba (paper)}).
 */
final class ReferenceMarks {
    private ReferenceMarks() {
    }

    /**
     * The reference points of {@code panel}, per series value ("" for points of no series), each
     * named in the legend as its series and the reference's label ({@code joint-paba (paper)}).
     */
    static Map<String, YIntervalSeries> series(FigureSpec f, String panel, List<ReferenceData.Point> points,
                                                        Map<String, String> units) {
        Map<String, YIntervalSeries> out = new LinkedHashMap<>();
        String label = f.referenceData() == null ? "paper" : f.referenceData().label();
        for (ReferenceData.Point p : points) {
            if (!p.panel().isEmpty() && !panel.equals(f.panel() + " = " + p.panel())) {
                continue;
            }
            String name = p.series().isEmpty() ? label : StudyFigure.legend(f, p.series(), units) + " (" + label + ")";
            YIntervalSeries s = out.computeIfAbsent(p.series(), k -> new YIntervalSeries(name, true, false));
            double y = p.y() * f.yFactor();
            s.add(p.x() * f.xFactor(), y, Double.isNaN(p.low()) ? y : p.low() * f.yFactor(),
                    Double.isNaN(p.high()) ? y : p.high() * f.yFactor());
        }
        return out;
    }

    static YIntervalSeriesCollection data(Map<String, YIntervalSeries> references) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        references.values().forEach(data::addSeries);
        return data;
    }

    /**
     * Reference points as hollow markers, a little larger than the results', in the colour and
     * shape of their series ({@code keys}: the drawn series' values, {@code styles} their styles);
     * points of no drawn series in black circles. Bars where the reference gives an interval.
     */
    static XYErrorRenderer renderer(Map<String, YIntervalSeries> references, List<String> keys,
                                                     int[] styles, Layout layout) {
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        r.setDefaultShapesFilled(false);
        r.setDrawOutlines(true);
        r.setUseOutlinePaint(false);
        r.setCapLength(4);
        boolean intervals = false;
        int i = 0;
        for (var e : references.entrySet()) {
            int k = keys.indexOf(e.getKey());
            SeriesStyle style = k >= 0 ? SeriesStyle.of(styles[k]) : SeriesStyle.of(SeriesStyle.BLACK);
            double scale = 1.3 * layout.marker();
            r.setSeriesPaint(i, style.colour());
            r.setSeriesShape(i, java.awt.geom.AffineTransform.getScaleInstance(scale, scale)
                    .createTransformedShape(k >= 0 ? style.marker() : SeriesStyle.of(3).marker()));
            r.setSeriesOutlineStroke(i, new BasicStroke(Math.max(1f, layout.stroke())));
            r.setSeriesStroke(i, new BasicStroke(Math.max(1f, layout.stroke())));
            YIntervalSeries s = e.getValue();
            for (int j = 0; j < s.getItemCount(); j++) {
                intervals |= s.getYLowValue(j) != s.getYValue(j) || s.getYHighValue(j) != s.getYValue(j);
            }
            i++;
        }
        r.setDrawYError(intervals);
        return r;
    }
}

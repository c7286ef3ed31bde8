package org.edgesim.report.plot;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis whose ticks under two decades sit at round numbers (1, 2, 5 per decade; 1, 1.5, 2,
 * 3, 4, 5, 6, 8 under half a decade: 5, 10, 20, 50), not at equal fractions of a decade (3.98,
 * 5.01, 6.31, 7.94). Two decades or more tick at decades, as the axis does by itself.
 */
final class RoundLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final double[] WIDE = {1, 2, 5};
    private static final double[] NARROW = {1, 1.5, 2, 3, 4, 5, 6, 8};

    RoundLogAxis(String label) {
        super(label);
    }

    /** The round values within [{@code low}, {@code high}] to tick, or null to leave it to the axis. */
    static List<Double> ticks(double low, double high) {
        if (!(low > 0) || !(high > low)) {
            return null;
        }
        double span = Math.log10(high / low);
        if (span >= 2) {
            return null;
        }
        for (double[] mantissas : span >= 0.5 ? new double[][] {WIDE, NARROW} : new double[][] {NARROW}) {
            List<Double> out = new ArrayList<>();
            for (int e = (int) Math.floor(Math.log10(low)) - 1; e <= (int) Math.ceil(Math.log10(high)); e++) {
                for (double m : mantissas) {
                    // m * 10^e rounded to the mantissa's digits, so that labels read 0.3, not 0.30000000000000004
                    double v = new java.math.BigDecimal(m).scaleByPowerOfTen(e).doubleValue();
                    if (v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9)) {
                        out.add(v);
                    }
                }
            }
            if (out.size() >= 3) {
                return out;
            }
        }
        return null;
    }

    @Override
    protected List refreshTicksHorizontal(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        List<Double> values = ticks(getLowerBound(), getUpperBound());
        return values == null ? super.refreshTicksHorizontal(g2, dataArea, edge)
                : make(values, edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
    }

    @Override
    protected List refreshTicksVertical(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        List<Double> values = ticks(getLowerBound(), getUpperBound());
        return values == null ? super.refreshTicksVertical(g2, dataArea, edge)
                : make(values, edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT : TextAnchor.CENTER_RIGHT);
    }

    private List<LogTick> make(List<Double> values, TextAnchor anchor) {
        List<LogTick> out = new ArrayList<>();
        for (double v : values) {
            out.add(new LogTick(TickType.MAJOR, v, createTickLabel(v), anchor));
        }
        return out;
    }
}

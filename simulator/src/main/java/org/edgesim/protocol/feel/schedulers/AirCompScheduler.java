package org.edgesim.protocol.feel.schedulers;

import java.util.Arrays;
import java.util.Map;
import org.edgesim.protocol.feel.AirCompView;
import org.edgesim.protocol.feel.FeelPlan;
import org.edgesim.protocol.feel.FeelScheduler;
import org.edgesim.protocol.feel.FeelSnapshot;

/**
 * Over-the-air gradient FEEL after Zhu, Wang and Huang ("Broadband Analog Aggregation for
 * Low-Latency Federated Edge Learning", IEEE Trans. Wireless Commun. 2020): the devices selected
 * compute a full batch ({@code B_k = Bmax}) and send their gradients at once, each inverting its
 * channel on the subcarriers whose gain is at least the truncation threshold {@code g_th} (scheduler
 * option {@code threshold}). {@code aircomp-interior} is the paper's cell-interior scheduling: only
 * the devices within {@code interiorRatio} times the cell's radius send, so that the weakest of them
 * sets a higher common receive power, at the price of the data of those left out (at least the
 * nearest device is always selected). {@code aircomp-all}, the baseline, selects every device.
 */
public final class AirCompScheduler implements FeelScheduler {
    public static final String INTERIOR = "aircomp-interior";
    public static final String ALL = "aircomp-all";
    public static final String THRESHOLD = "threshold";
    public static final String INTERIOR_RATIO = "interiorRatio";
    /**
     * An assumption (docs/models/feel.md, "Assumptions where the paper is silent"): the paper gives
     * no value; about 9.5% of the coordinates truncated under Rayleigh fading.
     */
    public static final double DEFAULT_THRESHOLD = 0.1;
    /** An assumption: devices within 70% of the radius, about half the devices of a uniform drop. */
    public static final double DEFAULT_INTERIOR_RATIO = 0.7;

    private final double threshold;
    private final double interiorRatio;

    public AirCompScheduler(double threshold, double interiorRatio) {
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("must be a finite g_th > 0 (the channel"
                    + " inversion of a gain near 0 needs unbounded power), got " + threshold);
        }
        if (!(interiorRatio > 0) || interiorRatio > 1) {
            throw new IllegalArgumentException("must be in (0, 1], got " + interiorRatio);
        }
        this.threshold = threshold;
        this.interiorRatio = interiorRatio;
    }

    /** The options of {@code aircomp-interior} ({@code interior}) or {@code aircomp-all}. */
    public static Map<String, String> options(boolean interior) {
        String t = "truncation threshold g_th of the small-scale power gain: a device sends on a subcarrier only where"
                + " its gain is at least that (default " + DEFAULT_THRESHOLD + ")";
        return interior ? Map.of(THRESHOLD, t, INTERIOR_RATIO, "only the devices within this share of the cell's"
                + " radius send (default " + DEFAULT_INTERIOR_RATIO + ")") : Map.of(THRESHOLD, t);
    }

    /** The scheduler the options name. */
    public static AirCompScheduler of(Map<String, String> options, boolean interior) {
        return new AirCompScheduler(number(options, THRESHOLD, DEFAULT_THRESHOLD),
                interior ? number(options, INTERIOR_RATIO, DEFAULT_INTERIOR_RATIO) : 1.0);
    }

    private static double number(Map<String, String> options, String key, double fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a number, got '" + v + "'");
        }
    }

    @Override
    public FeelPlan plan(FeelSnapshot s) {
        AirCompView air = s.airComp();
        if (air == null) {
            throw new org.edgesim.protocol.InfeasibleScenarioException("an over-the-air scheduler plans the"
                    + " analog sum; set protocol.aggregation: aircomp");
        }
        int n = s.size();
        boolean[] selected = new boolean[n];
        int nearest = 0;
        boolean any = false;
        for (int k = 0; k < n; k++) {
            selected[k] = air.distance(k) <= interiorRatio * air.cellRadiusM();
            any |= selected[k];
            nearest = air.distance(k) < air.distance(nearest) ? k : nearest;
        }
        if (!any) {
            selected[nearest] = true;
        }
        int[] batches = new int[n];
        Arrays.fill(batches, s.maxBatch());
        return FeelPlan.ofAirComp(s, batches, threshold, selected);
    }
}

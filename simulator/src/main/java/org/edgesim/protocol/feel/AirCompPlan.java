package org.edgesim.protocol.feel;

/**
 * A scheduler's decision for an over-the-air round: the truncation threshold {@code g_th} of the
 * small-scale power gain (a device sends on a subcarrier only where its gain is at least that) and
 * which devices send at all.
 *
 * @param threshold {@code g_th >= 0}; 0 under Rayleigh fading needs unbounded power and is refused
 * @param selected  per device, whether it computes and sends this round (at least one)
 */
public record AirCompPlan(double threshold, boolean[] selected) {
    public AirCompPlan {
        if (!(threshold >= 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("the truncation threshold must be finite and >= 0, got " + threshold);
        }
        selected = selected.clone();
        int count = 0;
        for (boolean s : selected) {
            count += s ? 1 : 0;
        }
        if (count == 0) {
            throw new IllegalArgumentException("an over-the-air round needs at least one device selected");
        }
    }

    public boolean selected(int k) {
        return selected[k];
    }

    /** How many devices send. */
    public int count() {
        int count = 0;
        for (boolean s : selected) {
            count += s ? 1 : 0;
        }
        return count;
    }
}

package org.edgesim.protocol.feel;

/**
 * A scheduler's decision for one round.
 *
 * @param update     what the devices do (gradient, local epoch, local step)
 * @param batches    {@code B_k}, integers {@code >= 1} (in {@code 1..Bmax} but for the entire-data
 *                   reading, {@code B_k = D_k})
 * @param slotUpS    uplink slots {@code tau_U[k]} (s), adding up to at most the frame
 * @param slotDownS  downlink slots {@code tau_D[k]} (s)
 * @param uplinkS    planned time from the round's start until the last upload ends:
 *                   {@code max_k (t_L[k] + t_U[k])} (for {@link Update#LOCAL}: the local step, and
 *                   the slots are those of the final exchange)
 * @param downlinkS  planned time from then until the last device has updated:
 *                   {@code max_k (t_D[k] + t_M[k])}
 * @param airComp    an over-the-air round's threshold and selection ({@code protocol.aggregation: aircomp}:
 *                   the uplink slots are then unused), or null: each update over its own slots
 */
public record FeelPlan(Update update, int[] batches, double[] slotUpS, double[] slotDownS, double uplinkS,
                       double downlinkS, AirCompPlan airComp) {
    /** A digital round's plan. */
    public FeelPlan(Update update, int[] batches, double[] slotUpS, double[] slotDownS, double uplinkS,
                    double downlinkS) {
        this(update, batches, slotUpS, slotDownS, uplinkS, downlinkS, null);
    }

    public FeelPlan {
        if (batches.length != slotUpS.length || batches.length != slotDownS.length) {
            throw new IllegalArgumentException(batches.length + " batches, " + slotUpS.length + " uplink and "
                    + slotDownS.length + " downlink slots");
        }
        for (int k = 0; k < batches.length; k++) {
            if (batches[k] < 1) {
                throw new IllegalArgumentException("device " + k + " gets batch " + batches[k] + "; at least 1");
            }
            if (!(slotUpS[k] > 0) || !(slotDownS[k] > 0)) {
                throw new IllegalArgumentException("device " + k + " gets slots " + slotUpS[k] + " s up, "
                        + slotDownS[k] + " s down; both must be > 0");
            }
        }
        if (!(uplinkS >= 0) || !(downlinkS >= 0) || !Double.isFinite(uplinkS + downlinkS)) {
            throw new IllegalArgumentException("planned times must be finite and >= 0, got " + uplinkS + ", " + downlinkS);
        }
        batches = batches.clone();
        slotUpS = slotUpS.clone();
        slotDownS = slotDownS.clone();
        if (airComp != null && (airComp.selected().length != batches.length || update != Update.GRADIENT)) {
            throw new IllegalArgumentException("an over-the-air plan sums gradients of every device's batch: "
                    + airComp.selected().length + " selections for " + batches.length + " devices, update " + update);
        }
    }

    /**
     * The over-the-air round of gradients with batches {@code batches}, threshold {@code threshold}
     * and devices {@code selected} (the slots, unused, equal): its uplink ends when the last selected
     * device has computed and the analog sum has been sent, {@code max_{k selected} t_L[k](B_k) +
     * ceil(q / M) M / B}; the one aggregate is then broadcast to every device at the weakest one's
     * rate, {@code s / min_k R_D[k] + max_k t_M[k]}.
     */
    public static FeelPlan ofAirComp(FeelSnapshot s, int[] batches, double threshold, boolean[] selected) {
        if (s.airComp() == null) {
            throw new IllegalArgumentException("an over-the-air plan needs protocol.aggregation: aircomp");
        }
        if (Double.isInfinite(org.edgesim.channel.AnalogAggregation.inversePower(threshold, s.airComp().rayleigh()))) {
            throw new IllegalArgumentException("a truncation threshold of " + threshold + (s.airComp().rayleigh()
                    ? " leaves the channel inversion unbounded power under Rayleigh fading: it must be > 0"
                    : " is above the unit gain of a channel without fading: nothing would be sent (at most 1)"));
        }
        int n = s.size();
        // The air adds the gradients as they come, unweighted: a batch-weighted mean needs equal batches.
        int first = -1;
        for (int k = 0; k < n; k++) {
            if (selected[k] && first < 0) {
                first = k;
            } else if (selected[k] && batches[k] != batches[first]) {
                throw new IllegalArgumentException("over the air the gradients are summed unweighted, so every selected"
                        + " device must use the same batch size; device " + k + " has " + batches[k] + " against device "
                        + first + "'s " + batches[first]);
            }
        }
        double[] up = new double[n];
        double[] down = new double[n];
        java.util.Arrays.fill(up, s.frameUpS() / n);
        java.util.Arrays.fill(down, s.frameDownS() / n);
        double computed = 0;
        double update = 0;
        for (int k = 0; k < n; k++) {
            if (selected[k]) {
                computed = Math.max(computed, s.device(k).compute().time(batches[k]));
            }
            update = Math.max(update, s.device(k).updateS());
        }
        return new FeelPlan(Update.GRADIENT, batches, up, down, computed + s.airComp().airtimeS(),
                s.broadcastS() + update, new AirCompPlan(threshold, selected));
    }

    /**
     * The plan of batches and slots already chosen, with the times they give (transfers of what
     * {@code update} sends: gradients, or models): the uplink ends when
     * the last device has computed and uploaded, {@code max_k (t_L[k](B_k) + s Tf_U / (tau_U[k] R_U[k]))},
     * the downlink when the last has received and updated, {@code max_k (s Tf_D / (tau_D[k] R_D[k]) + t_M[k])}.
     */
    public static FeelPlan ofSlots(FeelSnapshot round, Update update, int[] batches, double[] slotUpS,
                                   double[] slotDownS) {
        FeelSnapshot s = round.payloadOf(update);
        if (slotUpS.length != s.size() || slotDownS.length != s.size() || batches.length != s.size()) {
            throw new IllegalArgumentException(batches.length + " batches, " + slotUpS.length + " uplink and "
                    + slotDownS.length + " downlink slots for " + s.size() + " devices");
        }
        double upFinish = 0;
        double downFinish = 0;
        double up = 0;
        double down = 0;
        for (int k = 0; k < s.size(); k++) {
            up += slotUpS[k];
            down += slotDownS[k];
            upFinish = Math.max(upFinish, s.device(k).compute().time(batches[k]) + s.upCost(k) / slotUpS[k]);
            downFinish = Math.max(downFinish, s.downCost(k) / slotDownS[k] + s.device(k).updateS());
        }
        if (up > s.frameUpS() * (1 + 1e-12) || down > s.frameDownS() * (1 + 1e-12)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "the slots take %.6g s of the %.6g s"
                    + " uplink frame and %.6g s of the %.6g s downlink frame; they must fit", up, s.frameUpS(), down,
                    s.frameDownS()));
        }
        return new FeelPlan(update, batches, slotUpS, slotDownS, upFinish, downFinish);
    }

    /**
     * The round's planned latency on {@code s} (what it sends) with computations {@code nominal}:
     * {@link #plannedLatencyS()}; for individual learning the exchange after the local training it
     * did not know, {@code max_k (t_k + upload_k) + downlink}.
     */
    double plannedWith(FeelSnapshot s, double[] nominal) {
        if (update != Update.LOCAL) {
            return plannedLatencyS();
        }
        double up = 0;
        for (int k = 0; k < s.size(); k++) {
            up = Math.max(up, nominal[k] + s.upCost(k) / slotUpS[k]);
        }
        return up + downlinkS;
    }

    /** Planned round latency {@code T}. */
    public double plannedLatencyS() {
        return uplinkS + downlinkS;
    }

    /** The global batch {@code B = sum B_k} (over the air: of the devices selected). */
    public long globalBatch() {
        long b = 0;
        for (int k = 0; k < batches.length; k++) {
            b += airComp == null || airComp.selected(k) ? batches[k] : 0;
        }
        return b;
    }

    /** The paper's learning efficiency {@code sqrt(B) / T} (loss decrease per second, {@code xi = 1}). */
    public double efficiency() {
        return Math.sqrt(globalBatch()) / plannedLatencyS();
    }

    public int batch(int k) {
        return batches[k];
    }

    public double slotUp(int k) {
        return slotUpS[k];
    }

    public double slotDown(int k) {
        return slotDownS[k];
    }

    public int size() {
        return batches.length;
    }
}

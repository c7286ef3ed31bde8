package org.edgesim.protocol.feel;

/**
 * A scheduler's decision for one round.
 *
 * @param update     what the devices do (gradient, local epoch, local step)
 * @param batches    {@code B_k}, integers in {@code 1..Bmax}
 * @param slotUpS    uplink slots {@code tau_U[k]} (s), adding up to at most the frame
 * @param slotDownS  downlink slots {@code tau_D[k]} (s)
 * @param uplinkS    planned time from the round's start until the last upload ends:
 *                   {@code max_k (t_L[k] + t_U[k])} (for {@link Update#LOCAL}: the local step, and
 *                   the slots are those of the final exchange)
 * @param downlinkS  planned time from then until the last device has updated:
 *                   {@code max_k (t_D[k] + t_M[k])}
 */
public record FeelPlan(Update update, int[] batches, double[] slotUpS, double[] slotDownS, double uplinkS,
                       double downlinkS) {
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
    }

    /** Planned round latency {@code T}. */
    public double plannedLatencyS() {
        return uplinkS + downlinkS;
    }

    /** The global batch {@code B = sum B_k}. */
    public long globalBatch() {
        long b = 0;
        for (int v : batches) {
            b += v;
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

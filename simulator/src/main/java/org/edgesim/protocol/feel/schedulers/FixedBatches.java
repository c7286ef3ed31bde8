package org.edgesim.protocol.feel.schedulers;

import org.edgesim.protocol.feel.FeelPlan;
import org.edgesim.protocol.feel.FeelSnapshot;
import org.edgesim.protocol.feel.Update;

/** Plans for batches already chosen: with the optimal TDMA slots for them, or with equal slots. */
final class FixedBatches {
    private FixedBatches() {
    }

    static double[] computeTimes(FeelSnapshot s, int[] batches) {
        double[] t = new double[s.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = s.device(k).compute().time(batches[k]);
        }
        return t;
    }

    /** The downlink of a round: the same whatever the batches. */
    record Downlink(double finishS, double[] slots) {
        static Downlink of(FeelSnapshot s) {
            double down = FeelMath.downlink(s);
            return new Downlink(down, FeelMath.downlinkSlots(s, down));
        }
    }

    /** Uplink and downlink slots that make every device finish together (fluid TDMA). */
    static FeelPlan withOptimalSlots(FeelSnapshot s, Update update, int[] batches) {
        return withOptimalSlots(s, update, batches, Downlink.of(s));
    }

    /** As above, with the round's downlink already solved. */
    static FeelPlan withOptimalSlots(FeelSnapshot s, Update update, int[] batches, Downlink down) {
        double[] compute = computeTimes(s, batches);
        double[] asReal = new double[batches.length];
        for (int k = 0; k < batches.length; k++) {
            asReal[k] = batches[k];
        }
        FeelMath.Uplink up = FeelMath.uplinkOf(s, compute, asReal);
        return new FeelPlan(update, batches, up.slots(), down.slots(), up.finishS(), down.finishS());
    }

    /** Every device gets {@code Tf / K} of every frame in both directions. */
    static FeelPlan withEqualSlots(FeelSnapshot s, Update update, int[] batches) {
        int n = s.size();
        double[] up = new double[n];
        double[] down = new double[n];
        for (int k = 0; k < n; k++) {
            up[k] = s.frameUpS() / n;
            down[k] = s.frameDownS() / n;
        }
        return FeelPlan.ofSlots(s, update, batches, up, down);
    }
}

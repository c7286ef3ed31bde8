package org.edgesim.protocol.feel.schedulers;

import org.edgesim.protocol.feel.FeelPlan;
import org.edgesim.protocol.feel.FeelScheduler;
import org.edgesim.protocol.feel.FeelSnapshot;
import org.edgesim.protocol.feel.Update;

/**
 * Model-based FEEL (FedAvg, docs/models/feel.md "Baselines"): each device runs one local epoch of
 * SGD over its {@code D_k} samples in batches of {@code Bmax}, uploads its model with the optimal
 * slots for those compute times ({@code protocol.bitsPerModelParameter} bits per parameter), the server averages the models weighted by {@code D_k}, and the
 * devices download the average (no local update after it).
 */
public final class FedAvgScheduler implements FeelScheduler {
    public static final String NAME = "feel-fedavg";

    @Override
    public FeelPlan plan(FeelSnapshot round) {
        FeelSnapshot s = round.forModels();
        int n = s.size();
        double[] epoch = new double[n];
        double[] batches = new double[n];
        int[] b = new int[n];
        for (int k = 0; k < n; k++) {
            var d = s.device(k);
            b[k] = Math.min(s.maxBatch(), d.samples());
            epoch[k] = d.compute().epochTime(d.samples(), b[k], d.updateS());
            batches[k] = b[k];
        }
        FeelMath.Uplink up = FeelMath.uplinkOf(s, epoch, batches);
        double[] ready = new double[n];
        double[] cost = FeelMath.downCosts(s);
        double down = FeelMath.equalFinish(ready, cost, s.frameDownS());
        return new FeelPlan(Update.MODEL, b, up.slots(), FeelMath.slots(ready, cost, s.frameDownS(), down),
                up.finishS(), down);
    }
}

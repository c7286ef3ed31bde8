package org.edgesim.sched.feel;

import java.util.Arrays;
import org.edgesim.protocol.feel.FeelPlan;
import org.edgesim.protocol.feel.FeelScheduler;
import org.edgesim.protocol.feel.FeelSnapshot;
import org.edgesim.protocol.feel.Update;

/**
 * Individual learning (feel-batchsize.md, "Baselines"): every round each device takes one SGD
 * step on a batch of {@code Bmax} of its own data, sending nothing; the server averages the
 * models once at the end. The plan's uplink time is the local step (compute and update of the
 * slowest device), its downlink time the one final exchange (models up, average down, each with
 * the slots that make the devices finish together), and its slots those of the exchange.
 */
public final class IndividualScheduler implements FeelScheduler {
    public static final String NAME = "feel-individual";

    @Override
    public FeelPlan plan(FeelSnapshot s) {
        int n = s.size();
        int[] b = new int[n];
        Arrays.fill(b, s.maxBatch());
        double local = 0;
        for (int k = 0; k < n; k++) {
            local = Math.max(local, s.device(k).compute().time(b[k]) + s.device(k).updateS());
        }
        double[] ready = new double[n];
        double[] upCost = FeelMath.upCosts(s);
        double[] downCost = FeelMath.downCosts(s);
        double up = FeelMath.equalFinish(ready, upCost, s.frameUpS());
        double down = FeelMath.equalFinish(ready, downCost, s.frameDownS());
        return new FeelPlan(Update.LOCAL, b, FeelMath.slots(ready, upCost, s.frameUpS(), up),
                FeelMath.slots(ready, downCost, s.frameDownS(), down), local, up + down);
    }
}

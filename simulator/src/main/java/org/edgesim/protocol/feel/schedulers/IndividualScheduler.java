package org.edgesim.protocol.feel.schedulers;

import java.util.Arrays;
import org.edgesim.protocol.feel.FeelPlan;
import org.edgesim.protocol.feel.FeelScheduler;
import org.edgesim.protocol.feel.FeelSnapshot;
import org.edgesim.protocol.feel.Update;

/**
 * Individual learning (docs/models/feel.md, "Baselines"): each device trains alone on its own data,
 * local epochs in batches of {@code Bmax}, until its local loss converges (its loss on a held-out
 * validation split has stopped improving, {@code protocol.localPatience}; or the cap,
 * {@code maxLocalEpochs}); then the models go up once, the server averages them and sends the
 * average down. The protocol runs the local epochs;
 * this plan is the one exchange: models ({@code protocol.bitsPerModelParameter}) in slots that
 * make every upload, counted from when its model is ready, end together, and likewise the
 * downloads. Its uplink time is that of the uploads alone; the protocol adds the local training.
 */
public final class IndividualScheduler implements FeelScheduler {
    public static final String NAME = "feel-individual";

    @Override
    public FeelPlan plan(FeelSnapshot round) {
        FeelSnapshot s = round.forModels();
        int n = s.size();
        int[] b = new int[n];
        Arrays.fill(b, s.maxBatch());
        double[] ready = new double[n];
        double[] upCost = FeelMath.upCosts(s);
        double[] downCost = FeelMath.downCosts(s);
        double up = FeelMath.equalFinish(ready, upCost, s.frameUpS());
        double down = FeelMath.equalFinish(ready, downCost, s.frameDownS());
        return new FeelPlan(Update.LOCAL, b, FeelMath.slots(ready, upCost, s.frameUpS(), up),
                FeelMath.slots(ready, downCost, s.frameDownS(), down), up, down);
    }
}

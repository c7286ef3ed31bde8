package org.edgesim.protocol.mel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;

/** The staleness measures against the definitions computed pair by pair. */
class MelPlanTest {
    @Test
    void averageStalenessIsTheMeanOverAllPairs() {
        MRG32k3a r = new MRG32k3a();
        for (int n : new int[] {1, 2, 3, 10, 257}) {
            long[] updates = new long[n];
            long[] samples = new long[n];
            for (int k = 0; k < n; k++) {
                updates[k] = r.nextInt(0, 50);
                samples[k] = 1 + r.nextInt(0, 9);
            }
            MelPlan p = new MelPlan(samples, updates);
            double sum = 0;
            long max = 0;
            for (int k = 0; k < n; k++) {
                for (int l = k + 1; l < n; l++) {
                    sum += Math.abs(updates[k] - updates[l]);
                    max = Math.max(max, Math.abs(updates[k] - updates[l]));
                }
            }
            assertEquals(n < 2 ? 0.0 : sum / (n * (n - 1) / 2.0), p.averageStaleness(), "K = " + n);
            assertEquals(max, p.maxStaleness(), "K = " + n);
        }
    }
}

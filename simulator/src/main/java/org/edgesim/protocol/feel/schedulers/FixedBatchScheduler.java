package org.edgesim.protocol.feel.schedulers;

import java.util.Arrays;
import org.edgesim.protocol.feel.FeelPlan;
import org.edgesim.protocol.feel.FeelScheduler;
import org.edgesim.protocol.feel.FeelSnapshot;
import org.edgesim.protocol.feel.Update;
import org.edgesim.rng.Draws;

/**
 * The paper's GPU baselines (docs/models/feel.md, "Baselines"): online ({@code B_k = 1}), full batch
 * ({@code B_k = Bmax}) and random batch ({@code B_k} uniform in {@code 1..Bmax}, redrawn every
 * round from the snapshot's stream), with the optimal slots for those batches, or equal slots.
 * Full batch with equal slots is the CPU table's gradient-based FEEL; entire data
 * ({@code B_k = D_k}, one full-gradient step per round) its other reading, the paper's "the entire
 * dataset".
 */
public final class FixedBatchScheduler implements FeelScheduler {
    /** How the batches are chosen. */
    public enum Batches {
        ONLINE("feel-online", "online learning: B_k = 1"), FULL("feel-full-batch", "full batch: B_k = Bmax"),
        RANDOM("feel-random-batch", "random batch: B_k uniform in 1..Bmax, redrawn every round"),
        /** Table II's gradient-based FEEL read as a step on "the entire dataset": {@code B_k = D_k}, above Bmax. */
        ENTIRE("feel-entire-data", "entire local data set: B_k = D_k (the device's whole data, even above Bmax)");

        private final String name;
        private final String description;

        Batches(String name, String description) {
            this.name = name;
            this.description = description;
        }

        public String describe() {
            return description;
        }
    }

    private final Batches batches;
    private final boolean equalSlots;

    public FixedBatchScheduler(Batches batches, boolean equalSlots) {
        this.batches = batches;
        this.equalSlots = equalSlots;
    }

    /** Registry name: {@code feel-online}, ..., with {@code -equal-slots} for the equal-slot variants. */
    public static String name(Batches batches, boolean equalSlots) {
        return batches.name + (equalSlots ? "-equal-slots" : "");
    }

    @Override
    public FeelPlan plan(FeelSnapshot s) {
        int[] b = new int[s.size()];
        switch (batches) {
            case ONLINE -> Arrays.fill(b, 1);
            case FULL -> Arrays.fill(b, s.maxBatch());
            case ENTIRE -> {
                for (int k = 0; k < b.length; k++) {
                    b[k] = s.device(k).samples();
                }
            }
            case RANDOM -> {
                for (int k = 0; k < b.length; k++) {
                    b[k] = 1 + Draws.index(s.random(), s.maxBatch());
                }
            }
            default -> throw new IllegalStateException(batches.toString());
        }
        return equalSlots ? FixedBatches.withEqualSlots(s, Update.GRADIENT, b)
                : FixedBatches.withOptimalSlots(s, Update.GRADIENT, b);
    }
}

package org.edgesim.protocol.feel;

import org.edgesim.learning.data.Samples;
import org.edgesim.learning.partition.Iid;
import org.edgesim.learning.partition.LabelShards;
import org.edgesim.learning.partition.Partition;
import org.edgesim.protocol.InfeasibleScenarioException;
import umontreal.ssj.rng.RandomStream;

/** Which training samples each FEEL device holds. */
final class FeelSamples {
    private FeelSamples() {
    }

    /** The training set split over {@code n} devices ({@code protocol.partition}: IID, or two label shards each). */
    static int[][] partition(FeelSpec spec, Samples train, int n, RandomStream stream) {
        int[] labels = new int[train.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.label(i);
        }
        Partition p = spec.partition().equals(FeelSpec.NON_IID) ? new LabelShards(2) : new Iid();
        try {
            return p.assign(labels, train.classes(), n, stream);
        } catch (IllegalArgumentException e) {
            throw new InfeasibleScenarioException("protocol.partition: " + e.getMessage());
        }
    }

    /**
     * How many samples each device holds: its share of the partition {@code held}, or without
     * training ({@code held} null) {@code protocol.trainingSamples} split evenly, the first ones one
     * more. Every device must hold at least {@code protocol.maxBatch}.
     */
    static int[] held(FeelSpec spec, int[][] held, int n) {
        int[] samples = new int[n];
        if (held != null) {
            for (int k = 0; k < n; k++) {
                samples[k] = held[k].length;
            }
        } else {
            if (spec.trainingSamples() < n) {
                throw new InfeasibleScenarioException("protocol.trainingSamples: " + spec.trainingSamples()
                        + " samples for " + n + " devices; every device needs at least one");
            }
            for (int k = 0; k < n; k++) {
                samples[k] = spec.trainingSamples() / n + (k < spec.trainingSamples() % n ? 1 : 0);
            }
        }
        for (int k = 0; k < n; k++) {
            if (samples[k] < spec.maxBatch()) {
                throw new InfeasibleScenarioException("device " + k + " holds " + samples[k] + " training samples,"
                        + " fewer than protocol.maxBatch = " + spec.maxBatch() + "; lower maxBatch or use fewer"
                        + " devices");
            }
        }
        return samples;
    }
}

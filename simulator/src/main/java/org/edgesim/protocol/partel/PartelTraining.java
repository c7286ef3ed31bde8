package org.edgesim.protocol.partel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.edgesim.learning.BlockGradients;
import org.edgesim.learning.Evaluation;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Learners;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.partition.Groups;
import org.edgesim.protocol.TrainingData;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;

/**
 * PARTEL's learning (partel-paba.md, "Learning"): full-gradient proximal gradient descent, one
 * step per round, computed the PARTEL way. Worker {@code n} of group {@code k} computes the
 * gradient of block {@code k} (the round's allocation, scaled from the clock's {@code N_p} onto the
 * trained model) over its part of the training set; the server assembles the blocks, takes the
 * step and the l1 proximal step. Train and test accuracy are measured after every round.
 *
 * <p>The trace does not depend on the allocation, bit for bit: every group splits the training
 * set the same way ({@link Groups}), so parameter {@code j}'s assembled gradient is the same sum
 * of the same parts in the same order whichever group owns it (the paper's Lemma 1, exact in
 * floating point). It depends only on the {@link Key}: the learning section, the workers per
 * group (the parts), the seed and replication (partition and initial weights) and the rounds. So
 * the schedulers of one comparison share one training: the first to ask trains with its own
 * allocations, the others reuse the trace ({@code PartelTrainingTest} trains under different
 * allocations and checks that the traces are identical).
 *
 * <p>A worker whose gradient the server did not take (away, late for the deadline, outside the
 * quorum) is left out of its block's average, which is renormalised over the workers that did
 * contribute; a block no worker contributed to is left as it was (neither the step nor the
 * proximal step touches it). Such rounds enter the {@link Key}.
 */
final class PartelTraining {
    /** After one round: loss and accuracy on the training set, accuracy on the test set. */
    record RoundAccuracy(double trainLoss, double trainAccuracy, double testAccuracy) {
    }

    /** Everything a trace depends on. */
    record Key(LearningSpec learning, int workersPerGroup, long seed, int replication, int rounds,
               List<BitSet> missing) {
    }

    private PartelTraining() {
    }

    /** The model's parameter count for the section's data (what {@code N_p} defaults to). */
    static long parameters(LearningSpec learning, Samples train) {
        return org.edgesim.learning.model.Profiles.of(TrainingData.model(learning, train.classes()),
                train.sampleShape()).parameters();
    }

    /** The accuracy after every round, and the warm start's manifest line (null without one). */
    record Trace(List<RoundAccuracy> rounds, String warmStart) {
    }

    /**
     * Trains {@code allocations.size()} rounds; round {@code r}'s block lengths
     * {@code allocations.get(r)} sum to {@code modelParameters}, the clock's model size, and
     * {@code missing.get(r)} holds the workers ({@code k * N + n}) whose gradient did not arrive.
     */
    static Trace train(LearningSpec learning, TrainTest<Samples> data, int groups, int workersPerGroup,
                                     RandomStreams streams, List<long[]> allocations, List<BitSet> missing,
                                     long modelParameters) {
        Samples train = data.train();
        if (train.size() < workersPerGroup) {
            throw new InfeasibleRoundException(-1, "the training set " + train.name() + " has " + train.size()
                    + " samples for " + workersPerGroup + " workers per group; every worker needs at least one");
        }
        int[] labels = new int[train.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.label(i);
        }
        int[][] held = new Groups(groups).assign(labels, train.classes(), groups * workersPerGroup,
                streams.stream("data/partition"));
        List<RoundAccuracy> out = new ArrayList<>(allocations.size());
        TrainingData.Started started = TrainingData.learner(learning, data, streams);
        try (Learner learner = started.learner()) {
            int[][] samples = new int[groups][workersPerGroup];
            for (int k = 0; k < groups; k++) {
                for (int n = 0; n < workersPerGroup; n++) {
                    samples[k][n] = held[k * workersPerGroup + n].length;
                }
            }
            for (int r = 0; r < allocations.size(); r++) {
                long[] blocks = onModel(allocations.get(r), modelParameters, learner.parameterCount());
                BitSet lost = missing.get(r);
                double[][][] sent = new double[groups][workersPerGroup][];
                for (int n = 0; n < workersPerGroup; n++) {
                    // Worker n of every group holds the same part: one gradient, each group's block of it.
                    double[] g = null;
                    for (int k = 0; k < groups; k++) {
                        if (lost.get(k * workersPerGroup + n)) {
                            continue;
                        }
                        g = g == null ? learner.gradient(train, held[n]) : g;
                        sent[k][n] = BlockGradients.block(g, blocks, k);
                    }
                }
                double[] before = lost.isEmpty() ? null : learner.parameters();
                learner.apply(BlockGradients.assemble(blocks, sent, samples), learning.stepSize());
                if (before != null) {
                    keepUntouched(learner, before, blocks, lost, workersPerGroup);
                }
                Evaluation onTrain = learner.evaluate(train);
                out.add(new RoundAccuracy(onTrain.loss(), onTrain.accuracy(), learner.evaluate(data.test()).accuracy()));
            }
        }
        return new Trace(out, started.describe());
    }

    /** Puts back the blocks none of whose workers contributed this round. */
    private static void keepUntouched(Learner learner, double[] before, long[] blocks, BitSet lost, int workersPerGroup) {
        double[] after = learner.parameters();
        long[] o = BlockGradients.offsets(blocks);
        boolean changed = false;
        for (int k = 0; k < blocks.length; k++) {
            if (lost.get(k * workersPerGroup, (k + 1) * workersPerGroup).cardinality() == workersPerGroup) {
                System.arraycopy(before, (int) o[k], after, (int) o[k], (int) blocks[k]);
                changed = true;
            }
        }
        if (changed) {
            learner.setParameters(after);
        }
    }

    /**
     * Block lengths on the clock's {@code from} parameters mapped onto the trained model's
     * {@code to}: block boundaries scaled proportionally (floor), so that they still sum to
     * {@code to} and keep their order; with {@code from == to} the blocks are unchanged.
     */
    static long[] onModel(long[] blocks, long from, long to) {
        long[] out = new long[blocks.length];
        long start = 0;
        long end = 0;
        for (int k = 0; k < blocks.length; k++) {
            end += blocks[k];
            out[k] = Math.multiplyExact(end, to) / from - Math.multiplyExact(start, to) / from;
            start = end;
        }
        return out;
    }
}

package org.edgesim.protocol.partel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.edgesim.learning.Compression;
import org.edgesim.learning.EdgeModels;
import org.edgesim.learning.EvaluationPlan;
import org.edgesim.learning.Learner;
import org.edgesim.learning.data.Parts;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.partition.Groups;
import org.edgesim.learning.partition.Iid;
import org.edgesim.protocol.TrainingData;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;
import umontreal.ssj.rng.RandomStream;

/**
 * PARTEL's learning (docs/models/partel.md, "Learning"): full-gradient proximal gradient descent, one
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
 * <p>With every worker's gradient taken and nothing compressed, the assembled gradient is the
 * gradient over the union of the parts (every part's, weighted by its size), computed in one call on
 * the parts laid out one after another ({@link Parts}): the same sum up to float32 rounding,
 * and a tenth to a fiftieth of the calls.
 *
 * <p>A worker whose gradient the server did not take (away, late for the deadline, outside the
 * quorum) is left out of its block's average, which is renormalised over the workers that did
 * contribute; a block no worker contributed to is left as it was (neither the step nor the
 * proximal step touches it). Such rounds enter the {@link Key}; so do the allocations when the blocks
 * are compressed ({@link Compressed}: a block's scale is its own).
 *
 * <p>With several cells ({@link #train(LearningSpec, TrainTest, int, int, RandomStreams, List, List,
 * long, int, int, Compression)}) the training set is split evenly across the cells, IID (one shuffle, stream
 * {@code data/cells}): each cell's devices hold their own data. Every edge server trains its own
 * model the PARTEL way on its cell's share, split over its groups' workers as above; every
 * {@code cloudPeriod} rounds (and after the last) the cloud averages the edge models weighted by
 * their shares, and every edge server goes on from the average. A round's accuracy is its cell's
 * edge model's, the average's after a cloud step.
 */
final class PartelTraining {
    /** After one round: loss and accuracy on the training set, accuracy on the test set. */
    record RoundAccuracy(double trainLoss, double trainAccuracy, double testAccuracy) {
    }

    /** Everything a trace depends on (with several cells, their count and the cloud's period too). */
    record Key(LearningSpec learning, int workersPerGroup, long seed, int replication, int rounds,
               List<BitSet> missing, int cells, int cloudPeriod, Compression compression, List<String> allocations) {
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
                       RandomStreams streams, List<long[]> allocations, List<BitSet> missing, long modelParameters,
                       Compression compression) {
        RandomStream[] workers = Compressed.streams(compression, streams, 0, groups * workersPerGroup);
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
        EvaluationPlan plan = TrainingData.evaluation(learning, data, streams);
        try (PartelStep.Laid laid = PartelStep.Laid.of(train, Arrays.copyOf(held, workersPerGroup));
             Learner learner = started.learner()) {
            Parts parts = laid.parts();
            int[][] samples = new int[groups][workersPerGroup];
            for (int k = 0; k < groups; k++) {
                for (int n = 0; n < workersPerGroup; n++) {
                    samples[k][n] = held[k * workersPerGroup + n].length;
                }
            }
            for (int r = 0; r < allocations.size(); r++) {
                PartelStep.take(learner, learning, parts.data(), parts.parts(), samples, onModel(allocations.get(r), modelParameters,
                        learner.parameterCount()), missing.get(r), groups, workersPerGroup, compression, workers);
                out.add(evaluate(learner, plan, r + 1, r + 1 == allocations.size()));
            }
        }
        return new Trace(out, started.describe());
    }

    /**
     * Several cells: {@code cells} edge models, each trained on its cell's share of the training set
     * (sizes as even as can be, the first ones one more); turn {@code t} (round {@code t / cells}, cell {@code t % cells}) has block
     * lengths {@code allocations.get(t)} and missing workers {@code missing.get(t)}; the accuracy per turn.
     */
    static Trace train(LearningSpec learning, TrainTest<Samples> data, int groups, int workersPerGroup,
                       RandomStreams streams, List<long[]> allocations, List<BitSet> missing, long modelParameters,
                       int cells, int cloudPeriod, Compression compression) {
        if (cells == 1) {
            return train(learning, data, groups, workersPerGroup, streams, allocations, missing, modelParameters,
                    compression);
        }
        Samples train = data.train();
        int[] all = new int[train.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = train.label(i);
        }
        // Each cell's devices hold their own data: an IID split of the training set over the cells.
        int[][] share = new Iid().assign(all, train.classes(), cells, streams.stream("data/cells"));
        int[][][] held = new int[cells][][];
        int[][][] samples = new int[cells][groups][workersPerGroup];
        for (int c = 0; c < cells; c++) {
            if (share[c].length < workersPerGroup) {
                throw new InfeasibleRoundException(-1, "cell " + c + "'s share of the training set has "
                        + share[c].length + " samples for " + workersPerGroup + " workers per group");
            }
            int[] labels = new int[share[c].length];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = train.label(share[c][i]);
            }
            int[][] local = new Groups(groups).assign(labels, train.classes(), groups * workersPerGroup,
                    streams.stream("data/partition/cell-" + c));
            held[c] = new int[local.length][];
            for (int w = 0; w < local.length; w++) {
                held[c][w] = new int[local[w].length];
                for (int i = 0; i < local[w].length; i++) {
                    held[c][w][i] = share[c][local[w][i]];
                }
                samples[c][w / workersPerGroup][w % workersPerGroup] = local[w].length;
            }
        }
        // every cell's first N parts (the ones workers compute on) laid out one after another
        int[][] firsts = new int[cells * workersPerGroup][];
        for (int c = 0; c < cells; c++) {
            System.arraycopy(held[c], 0, firsts, c * workersPerGroup, workersPerGroup);
        }
        int rounds = allocations.size() / cells;
        RandomStream[] workers = Compressed.streams(compression, streams, 0, cells * groups * workersPerGroup);
        List<RoundAccuracy> out = new ArrayList<>(allocations.size());
        TrainingData.Started started = TrainingData.learner(learning, data, streams);
        EvaluationPlan plan = TrainingData.evaluation(learning, data, streams);
        try (PartelStep.Laid laid = PartelStep.Laid.of(train, firsts); Learner learner = started.learner()) {
            Parts parts = laid.parts();
            EdgeModels edges = new EdgeModels(learner, cells);
            double[] weights = new double[cells];
            for (int c = 0; c < cells; c++) {
                weights[c] = share[c].length;
            }
            for (int r = 0; r < rounds; r++) {
                for (int c = 0; c < cells; c++) {
                    int t = r * cells + c;
                    edges.hold(c);
                    PartelStep.take(learner, learning, parts.data(), Arrays.copyOfRange(parts.parts(), c * workersPerGroup,
                            (c + 1) * workersPerGroup), samples[c], onModel(allocations.get(t), modelParameters,
                            learner.parameterCount()), missing.get(t), groups, workersPerGroup, compression,
                            Compressed.slice(workers, c * groups * workersPerGroup, groups * workersPerGroup));
                    out.add(evaluate(learner, plan, r + 1, r + 1 == rounds));
                }
                if ((r + 1) % cloudPeriod == 0 || r + 1 == rounds) {
                    edges.average(weights);
                    RoundAccuracy a = evaluate(learner, plan, r + 1, r + 1 == rounds);
                    for (int c = 0; c < cells; c++) {
                        out.set(r * cells + c, a);
                    }
                }
            }
        }
        return new Trace(out, started.describe());
    }

    /** After round {@code round} ({@code last}: the run's last), as {@code learning.evaluation} says: NaN when not due. */
    private static RoundAccuracy evaluate(Learner learner, EvaluationPlan plan, int round, boolean last) {
        if (!plan.due(round, last)) {
            return new RoundAccuracy(Double.NaN, Double.NaN, Double.NaN);
        }
        EvaluationPlan.Scores s = plan.score(learner);
        return new RoundAccuracy(s.trainLoss(), s.trainAccuracy(), s.testAccuracy());
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

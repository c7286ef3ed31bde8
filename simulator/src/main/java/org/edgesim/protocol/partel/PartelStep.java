package org.edgesim.protocol.partel;

import java.util.Arrays;
import java.util.BitSet;
import org.edgesim.learning.BlockGradients;
import org.edgesim.learning.Compression;
import org.edgesim.learning.Learner;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Parts;
import org.edgesim.learning.data.Samples;
import org.edgesim.scenario.LearningSpec;
import umontreal.ssj.rng.RandomStream;

/** One round's learning step of PARTEL ({@link PartelTraining}) and the workers' data it reads. */
final class PartelStep {
    private PartelStep() {
    }

    /**
     * The workers' parts of a run laid out one after another ({@link Parts}); closing frees the
     * copy's resident data now rather than at a later collection (a copy per run, tens of MB each).
     */
    record Laid(Parts parts, Samples train) implements AutoCloseable {
        static Laid of(Samples train, int[][] parts) {
            return new Laid(Parts.laidOut(train, parts), train);
        }

        @Override
        public void close() {
            if (parts.data() != train) {
                Learners.release(parts.data());
            }
        }
    }

    /**
     * One PARTEL step of {@code learner} with {@code blocks}, {@code lost} left out: worker {@code n}
     * of every group computes on {@code train}'s part {@code held[n]}.
     */
    static void take(Learner learner, LearningSpec learning, Samples train, int[][] held, int[][] samples,
                     long[] blocks, BitSet lost, int groups, int workersPerGroup, Compression compression,
                     RandomStream[] workers) {
        if (lost.isEmpty() && compression instanceof Compression.None) {
            // Every block's average over every worker's part, weighted by the parts' sizes: the
            // gradient over their union, in one call (Lemma 1; rounding apart, PartelTrainingTest).
            learner.apply(learner.gradient(train, union(held)), learning.stepSize());
            return;
        }
        double[][][] sent = new double[groups][workersPerGroup][];
        for (int n = 0; n < workersPerGroup; n++) {
            double[] g = null;
            for (int k = 0; k < groups; k++) {
                if (lost.get(k * workersPerGroup + n)) {
                    continue;
                }
                g = g == null ? learner.gradient(train, held[n]) : g;
                sent[k][n] = Compressed.block(compression, workers, BlockGradients.block(g, blocks, k),
                        k * workersPerGroup + n);
            }
        }
        double[] before = lost.isEmpty() ? null : learner.parameters();
        learner.apply(BlockGradients.assemble(blocks, sent, samples), learning.stepSize());
        if (before != null) {
            keepUntouched(learner, before, blocks, lost, workersPerGroup);
        }
    }

    /** The samples of {@code parts}, one part after another. */
    private static int[] union(int[][] parts) {
        return Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
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
}

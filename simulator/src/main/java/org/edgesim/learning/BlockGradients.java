package org.edgesim.learning;

/**
 * PARTEL's block gradients (docs/models/partel.md): the parameter vector is cut into {@code K}
 * contiguous blocks; the workers of group {@code k} each hold part of the training set and compute
 * the gradient of block {@code k} only; the server assembles the blocks. Worker {@code n} of
 * group {@code k} contributes its block weighted by its share of the group's samples, so that, when
 * every group holds the whole set, the assembled vector is the full-batch gradient.
 */
public final class BlockGradients {
    private BlockGradients() {
    }

    /** Start offsets of {@code blocks} (sizes), plus the total at the end. */
    public static long[] offsets(long[] blocks) {
        long[] o = new long[blocks.length + 1];
        for (int k = 0; k < blocks.length; k++) {
            o[k + 1] = o[k] + blocks[k];
        }
        return o;
    }

    /** Worker's gradient restricted to block {@code k}. */
    public static double[] block(double[] gradient, long[] blocks, int k) {
        long[] o = offsets(blocks);
        if (o[blocks.length] != gradient.length) {
            throw new IllegalArgumentException("blocks sum to " + o[blocks.length] + ", the gradient has "
                    + gradient.length);
        }
        return java.util.Arrays.copyOfRange(gradient, (int) o[k], (int) o[k + 1]);
    }

    /**
     * The assembled gradient: block {@code k} is the sample-weighted average of
     * {@code parts[k][n]} over the group's workers, whose sample counts are {@code samples[k][n]}.
     * A null part did not arrive: the block is averaged over the parts that did (weights
     * renormalised over their samples), and is all zeros when none did.
     */
    public static double[] assemble(long[] blocks, double[][][] parts, int[][] samples) {
        long[] o = offsets(blocks);
        double[] out = new double[Math.toIntExact(o[blocks.length])];
        for (int k = 0; k < blocks.length; k++) {
            double total = 0;
            for (int n = 0; n < parts[k].length; n++) {
                total += parts[k][n] == null ? 0 : samples[k][n];
            }
            for (int n = 0; n < parts[k].length; n++) {
                double[] p = parts[k][n];
                if (p == null) {
                    continue;
                }
                if (p.length != blocks[k]) {
                    throw new IllegalArgumentException("worker " + n + " of group " + k + " sent " + p.length
                            + " values for a block of " + blocks[k]);
                }
                double f = samples[k][n] / total;
                for (int i = 0; i < p.length; i++) {
                    out[(int) o[k] + i] += f * p[i];
                }
            }
        }
        return out;
    }
}

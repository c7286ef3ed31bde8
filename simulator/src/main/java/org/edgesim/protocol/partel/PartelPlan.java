package org.edgesim.protocol.partel;

import java.util.Arrays;
import org.edgesim.radio.FdmaShares;

/**
 * A PARTEL round's decisions: a block length per group and a bandwidth share per worker, with the
 * latency the scheduler planned. Built only through {@link #of}, which checks the constraints:
 * positive integer blocks summing exactly to N_p, positive shares summing to at most 1.
 */
public final class PartelPlan {
    private final long[] blocks;
    private final FdmaShares shares;
    private final double plannedLatencyS;

    private PartelPlan(long[] blocks, FdmaShares shares, double plannedLatencyS) {
        this.blocks = blocks;
        this.shares = shares;
        this.plannedLatencyS = plannedLatencyS;
    }

    /** A plan for {@code snapshot}'s round; throws {@link IllegalArgumentException} naming the broken rule. */
    public static PartelPlan of(PartelSnapshot snapshot, long[] blocks, double[] shares, double plannedLatencyS) {
        if (blocks.length != snapshot.groups()) {
            throw new IllegalArgumentException(blocks.length + " block lengths for " + snapshot.groups() + " groups");
        }
        long sum = 0;
        for (int k = 0; k < blocks.length; k++) {
            if (blocks[k] < 1) {
                throw new IllegalArgumentException("group " + k + " has block length " + blocks[k] + "; every block must be >= 1");
            }
            sum += blocks[k];
        }
        if (sum != snapshot.modelParameters()) {
            throw new IllegalArgumentException("block lengths sum to " + sum + ", not to the model size " + snapshot.modelParameters());
        }
        if (shares.length != snapshot.workers().size()) {
            throw new IllegalArgumentException(shares.length + " bandwidth shares for " + snapshot.workers().size() + " workers");
        }
        for (int i = 0; i < shares.length; i++) {
            if (!(shares[i] > 0)) {
                throw new IllegalArgumentException("worker " + i + " must upload its block but has bandwidth share " + shares[i]);
            }
        }
        if (!(plannedLatencyS > 0) || Double.isInfinite(plannedLatencyS)) {
            throw new IllegalArgumentException("planned latency must be finite and > 0 s, got " + plannedLatencyS);
        }
        return new PartelPlan(blocks.clone(), new FdmaShares(shares), plannedLatencyS);
    }

    public long block(int group) {
        return blocks[group];
    }

    public long[] blocks() {
        return blocks.clone();
    }

    public double share(int worker) {
        return shares.share(worker);
    }

    public double[] shares() {
        return shares.toArray();
    }

    /** The round latency the scheduler expects, s. */
    public double plannedLatencyS() {
        return plannedLatencyS;
    }

    @Override
    public String toString() {
        return "PartelPlan[blocks=" + Arrays.toString(blocks) + ", planned=" + plannedLatencyS + " s]";
    }
}

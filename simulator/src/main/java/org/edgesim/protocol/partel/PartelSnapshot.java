package org.edgesim.protocol.partel;

import java.util.List;
import org.edgesim.radio.UplinkNoise;
import org.edgesim.sched.external.Wire;

/**
 * The read-only state of one PARTEL round that a scheduler decides from, with the paper's latency
 * formulas. Block lengths are doubles here so that relaxed (real-valued) allocations can be
 * evaluated too.
 *
 * @param round                       1-based round index
 * @param groups                      K
 * @param workersPerGroup             N
 * @param modelParameters             N_p
 * @param bandwidthHz                 B
 * @param bitsPerParameter            A_p
 * @param bitsPerGradient             A_g
 * @param cyclesPerParameterPerSample O
 * @param serverUpdateS               T_s, s
 * @param uplinkNoise                 which band the uplink noise is counted over
 * @param workers                     K*N workers, index {@code k * N + n}
 */
public record PartelSnapshot(int round, int groups, int workersPerGroup, long modelParameters, double bandwidthHz,
                             double bitsPerParameter, double bitsPerGradient, double cyclesPerParameterPerSample,
                             double serverUpdateS, UplinkNoise uplinkNoise, List<Worker> workers) {
    public PartelSnapshot {
        workers = List.copyOf(workers);
        if (workers.size() != groups * workersPerGroup) {
            throw new IllegalArgumentException(workers.size() + " workers for " + groups + " groups of " + workersPerGroup);
        }
        if (modelParameters < groups) {
            throw new InfeasibleRoundException(-1, "the model has " + modelParameters + " parameters for " + groups
                    + " groups; every group needs a block of at least one");
        }
        for (Worker w : workers) {
            String where = "(group " + w.group() + ") ";
            if (!(w.speedHz() > 0) || Double.isInfinite(w.speedHz())) {
                throw new InfeasibleRoundException(w.index(), where + "has CPU speed " + w.speedHz()
                        + " Hz: it can never compute its block");
            }
            double rateFactor = uplinkNoise == UplinkNoise.EQUAL_SHARE ? w.upEfficiency() : w.upSnrPerHz();
            if (!(rateFactor > 0) || Double.isInfinite(rateFactor)) {
                throw new InfeasibleRoundException(w.index(), where + "has uplink rate 0 (" + (uplinkNoise
                        == UplinkNoise.EQUAL_SHARE ? "spectral efficiency " : "SNR per Hz ") + rateFactor
                        + "): it can never upload its gradient block");
            }
            if (!(w.downEfficiency() > 0) || Double.isInfinite(w.downEfficiency())) {
                throw new InfeasibleRoundException(w.index(), where + "has downlink spectral efficiency "
                        + w.downEfficiency() + ": it can never receive the model");
            }
        }
    }

    public Worker worker(int group, int position) {
        return workers.get(group * workersPerGroup + position);
    }

    /** T_ph: the broadcast of {@code A_p N_p} bits over the band, at the rate of the weakest receiver, s. */
    @Wire(value = "push_s", before = "workers")
    public double pushTime() {
        double worst = Double.POSITIVE_INFINITY;
        for (Worker w : workers) {
            worst = Math.min(worst, w.downEfficiency());
        }
        return bitsPerParameter * modelParameters / (bandwidthHz * worst);
    }

    /** t_cmp: block gradient of {@code block} parameters over the worker's samples, s. */
    public double computeTime(Worker w, double block) {
        return block * w.samples() * cyclesPerParameterPerSample / w.speedHz();
    }

    /** Uplink rate of {@code w} on share {@code share} of the band, bit/s. */
    public double uploadRate(Worker w, double share) {
        return switch (uplinkNoise) {
            case EQUAL_SHARE -> share * bandwidthHz * w.upEfficiency();
            case ALLOCATED -> {
                double band = share * bandwidthHz;
                yield band * Math.log1p(w.upSnrPerHz() / band) / Math.log(2.0);
            }
        };
    }

    /** t_up: upload of {@code A_g * block} bits on share {@code share} of the band, s. */
    public double uploadTime(Worker w, double block, double share) {
        return bitsPerGradient * block / uploadRate(w, share);
    }

    /** The worker's round latency {@code T_ph + t_cmp + t_up + T_s}, s. */
    public double workerLatency(Worker w, double block, double share) {
        return pushTime() + computeTime(w, block) + uploadTime(w, block, share) + serverUpdateS;
    }

    /** The round latency of a plan, {@code max} over workers, as the paper's closed form gives it, s. */
    public double latency(long[] blocks, double[] shares) {
        double push = pushTime();
        double worst = 0.0;
        for (Worker w : workers) {
            double b = blocks[w.group()];
            worst = Math.max(worst, computeTime(w, b) + uploadTime(w, b, shares[w.index()]));
        }
        return push + worst + serverUpdateS;
    }
}

package org.edgesim.protocol.cpsl;

import java.util.List;
import org.edgesim.learning.model.ModelProfile;
import umontreal.ssj.rng.RandomStream;

/**
 * What a CPSL scheduler sees at the start of a round.
 *
 * @param round         1-based
 * @param cut           the model cut: {@code xi_d, xi_s, xi_g} in bits, FLOPs per sample each side
 * @param batch         {@code B}
 * @param epochs        {@code L}
 * @param subcarriers   {@code C}
 * @param kappa         FLOPs per cycle, devices and server
 * @param serverSpeed   {@code f_s}, cycles/s
 * @param clusterSize   {@code N_m}
 * @param devices       in index order
 * @param gibbsIterations {@code G} of a Gibbs-sampling clustering
 * @param gibbsDelta    {@code delta} of its acceptance probability
 * @param random        the scheduler's own stream for this round (clustering draws)
 * @param modelUpload   whether a cluster ends with the device-model uploads of eq. (23)
 *                      ({@code protocol.modelUpload}; false drops them, a reference reading)
 * @param ergodic       whether the devices' rates are averaged over Rayleigh fading ({@code protocol.rate})
 */
public record CpslSnapshot(int round, ModelProfile.CutProfile cut, int batch, int epochs, int subcarriers, double kappa,
                           double serverSpeed, int clusterSize, List<CpslDevice> devices, int gibbsIterations,
                           double gibbsDelta, RandomStream random, boolean modelUpload, boolean ergodic) {
    /** The paper's reading: model uploads counted, the rate at the SNR drawn. */
    public CpslSnapshot(int round, ModelProfile.CutProfile cut, int batch, int epochs, int subcarriers, double kappa,
                        double serverSpeed, int clusterSize, List<CpslDevice> devices, int gibbsIterations,
                        double gibbsDelta, RandomStream random) {
        this(round, cut, batch, epochs, subcarriers, kappa, serverSpeed, clusterSize, devices, gibbsIterations,
                gibbsDelta, random, true, false);
    }

    public CpslSnapshot {
        devices = List.copyOf(devices);
        if (devices.isEmpty() || devices.size() % clusterSize != 0 || subcarriers < clusterSize) {
            throw new IllegalArgumentException(devices.size() + " devices, clusters of " + clusterSize + ", "
                    + subcarriers + " subcarriers");
        }
    }

    public int size() {
        return devices.size();
    }

    public int clusters() {
        return devices.size() / clusterSize;
    }

    public CpslDevice device(int k) {
        return devices.get(k);
    }
}

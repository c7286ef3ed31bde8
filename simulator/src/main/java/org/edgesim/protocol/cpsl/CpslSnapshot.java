package org.edgesim.protocol.cpsl;

import java.util.List;
import org.edgesim.learning.Compression;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.sched.external.Wire;
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
 * @param uploads       how the devices compress their smashed data and device-side models ({@code protocol.compression})
 */
public record CpslSnapshot(int round, @Wire(omit = true) ModelProfile.CutProfile cut, int batch, int epochs,
                           int subcarriers, @Wire("flop_per_cycle") double kappa, @Wire(unit = "Hz") double serverSpeed,
                           int clusterSize, List<CpslDevice> devices, @Wire(omit = true) int gibbsIterations,
                           @Wire(omit = true) double gibbsDelta, @Wire(omit = true) RandomStream random,
                           @Wire(omit = true) boolean modelUpload, @Wire(omit = true) boolean ergodic,
                           @Wire(omit = true) Compression uploads) {
    /** The paper's reading: model uploads counted, the rate at the SNR drawn, nothing compressed. */
    public CpslSnapshot(int round, ModelProfile.CutProfile cut, int batch, int epochs, int subcarriers, double kappa,
                        double serverSpeed, int clusterSize, List<CpslDevice> devices, int gibbsIterations,
                        double gibbsDelta, RandomStream random) {
        this(round, cut, batch, epochs, subcarriers, kappa, serverSpeed, clusterSize, devices, gibbsIterations,
                gibbsDelta, random, true, false, new Compression.None());
    }

    public CpslSnapshot {
        devices = List.copyOf(devices);
        if (devices.isEmpty() || devices.size() % clusterSize != 0 || subcarriers < clusterSize) {
            throw new IllegalArgumentException(devices.size() + " devices, clusters of " + clusterSize + ", "
                    + subcarriers + " subcarriers");
        }
    }

    /**
     * One sample's smashed data as uploaded, bits: {@code xi_s} compressed (its values taken as
     * 32-bit floats, {@code xi_s / 32} of them, with their own scale or indices).
     */
    public double smashedUpBits() {
        return upBits(cut.smashedBits());
    }

    /** The device-side model's upload at a cluster's end, bits: {@code xi_d} compressed. */
    public double modelUpBits() {
        return upBits(cut.deviceModelBits());
    }

    private double upBits(double bits) {
        return bits == 0 || uploads instanceof Compression.None ? bits : uploads.bits(Math.round(bits / 32), 32);
    }

    /**
     * The cut as external schedulers read it ({@code cut}): its sizes with their units, and what
     * the uploads take when they are compressed.
     */
    @Wire(value = "cut", before = "batch")
    public Cut wireCut() {
        boolean compressed = !(uploads instanceof Compression.None);
        return new Cut(cut.layer(), cut.layerName(), cut.deviceModelBits(), cut.smashedBits(), cut.gradientBits(),
                compressed ? smashedUpBits() : null, compressed ? modelUpBits() : null, cut.deviceForward(),
                cut.deviceBackward(), cut.serverForward(), cut.serverBackward());
    }

    /** {@link #wireCut}'s record. */
    public record Cut(int layer, String layerName, double deviceModelBits,
                      @Wire("smashed_bits_per_sample") double smashedBits,
                      @Wire("gradient_bits_per_sample") double gradientBits,
                      @Wire("smashed_up_bits_per_sample") Double smashedUpBits,
                      @Wire("device_model_up_bits") Double modelUpBits,
                      @Wire(unit = "flop/sample") double deviceForward, @Wire(unit = "flop/sample") double deviceBackward,
                      @Wire(unit = "flop/sample") double serverForward, @Wire(unit = "flop/sample") double serverBackward) {
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

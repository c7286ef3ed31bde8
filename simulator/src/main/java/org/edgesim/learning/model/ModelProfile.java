package org.edgesim.learning.model;

import java.util.List;

/**
 * The latency profile of a model actually built: its size and its compute per sample, in total
 * and per layer, from which every scheme's clock is derived.
 *
 * <p>FLOP conventions: a multiply-add is 2 FLOPs; a convolution or dense layer's forward pass is
 * {@code 2 x inputs-per-output x outputs} (+ one per output for the bias and one for the ReLU);
 * its backward pass is twice the multiply-adds (gradients of the input and of the weights); a
 * max pool costs one comparison per input element forward and one per output backward.
 *
 * @param model            the model's name
 * @param inputShape       shape of one input sample
 * @param parameters       total parameter count
 * @param bitsPerParameter bits per transmitted parameter (32: float)
 * @param layers           per layer, in order
 */
public record ModelProfile(String model, int[] inputShape, long parameters, double bitsPerParameter,
                           List<LayerProfile> layers) {
    public ModelProfile {
        layers = List.copyOf(layers);
    }

    /** Model size in bits. */
    public double bits() {
        return parameters * bitsPerParameter;
    }

    public double flopsForwardPerSample() {
        return layers.stream().mapToDouble(LayerProfile::flopsForward).sum();
    }

    public double flopsBackwardPerSample() {
        return layers.stream().mapToDouble(LayerProfile::flopsBackward).sum();
    }

    /** The split at cut {@code v} (device runs layers 1..v), for {@code 1 <= v <= layers}. */
    public CutProfile cut(int v) {
        if (v < 1 || v > layers.size()) {
            throw new IllegalArgumentException("cut layer must be in 1.." + layers.size() + ", got " + v);
        }
        long deviceParams = 0;
        double df = 0;
        double db = 0;
        for (int i = 0; i < v; i++) {
            deviceParams += layers.get(i).parameters();
            df += layers.get(i).flopsForward();
            db += layers.get(i).flopsBackward();
        }
        double sf = flopsForwardPerSample() - df;
        double sb = flopsBackwardPerSample() - db;
        double smashedBits = layers.get(v - 1).outputElements() * bitsPerParameter;
        return new CutProfile(v, layers.get(v - 1).name(), deviceParams * bitsPerParameter, smashedBits,
                smashedBits, df, db, sf, sb);
    }

    /**
     * A model cut after layer {@code layer}: the CPSL quantities of docs/models/cpsl.md.
     *
     * @param layer           the cut (1-based)
     * @param layerName       its name
     * @param deviceModelBits {@code xi_d}: bits of the device-side model
     * @param smashedBits     {@code xi_s}: bits of smashed data per sample
     * @param gradientBits    {@code xi_g}: bits of the smashed-data gradient per sample
     * @param deviceForward   {@code gd_F}: device-side forward FLOPs per sample
     * @param deviceBackward  {@code gd_B}
     * @param serverForward   {@code gs_F}
     * @param serverBackward  {@code gs_B}
     */
    public record CutProfile(int layer, String layerName, double deviceModelBits, double smashedBits,
                             double gradientBits, double deviceForward, double deviceBackward,
                             double serverForward, double serverBackward) {
    }
}

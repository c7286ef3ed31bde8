package org.edgesim.protocol.cpsl;

import org.edgesim.learning.model.ModelProfile;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.InfeasibleScenarioException;

/** The models CPSL clocks and what a cut of one exchanges and computes ({@code protocol.profile}, {@code cut}). */
final class CpslCuts {
    private CpslCuts() {
    }

    /** The CNN of the paper's Table III on 28x28 grey images, 10 classes. */
    static final ModelProfile CNN = Profiles.of(ModelSpec.cpslCnn(10), new int[] {1, 28, 28});
    /** The paper's whole model ({@code profile: paper-whole}): 16.49 MB of parameters, 91.61 MFLOP forward per sample. */
    static final double WHOLE_BITS = 16.49 * 1048576 * 8;
    static final double WHOLE_FLOPS = 91.61e6;
    /** The paper's Table III CNN counted by its own conventions ({@code profile: paper}). */
    static final ModelProfile PAPER_CNN = Profiles.paperConventions(ModelSpec.cpslCnnPaper(10), new int[] {1, 28, 28});

    /**
     * The cut after layer {@code v} (1-based) of {@code model}, or the paper's POOL1 numbers. At the
     * output layer (FL) nothing is exchanged per batch: the device holds the whole model and
     * computes the loss itself.
     */
    static ModelProfile.CutProfile cut(CpslSpec spec, ModelProfile model, int v) {
        int layers = model.layers().size();
        if (v < 1 || v > layers) {
            throw new InfeasibleScenarioException("protocol.cut: " + model.model() + " has layers 1.." + layers + ", got "
                    + v);
        }
        if (spec.profile().equals(CpslSpec.PAPER_POOL1)) {
            int pool = firstPool(model);
            if (v != pool) {
                throw new InfeasibleScenarioException("protocol.cut: profile 'paper-pool1' holds the paper's numbers at"
                        + " POOL1, layer " + pool + " of " + model.model() + "; got cut " + v);
            }
            double kb = 8 * 1024.0;
            return new ModelProfile.CutProfile(v, "POOL1 (paper's Table II)", 0.67 * 1024 * kb, 18 * kb, 9 * kb,
                    5.6e6, 5.6e6, 86.01e6, 86.01e6);
        }
        if (spec.profile().equals(CpslSpec.PAPER_WHOLE)) {
            return new ModelProfile.CutProfile(v, "whole model (paper's Fig. 5 preset)", WHOLE_BITS, 0, 0, WHOLE_FLOPS,
                    WHOLE_FLOPS, 0, 0);
        }
        ModelProfile.CutProfile c = model.cut(v);
        return v < layers ? c : new ModelProfile.CutProfile(c.layer(), c.layerName(), c.deviceModelBits(), 0, 0,
                c.deviceForward(), c.deviceBackward(), 0, 0);
    }

    private static int firstPool(ModelProfile model) {
        for (int i = 0; i < model.layers().size(); i++) {
            if (model.layers().get(i).name().startsWith("pool")) {
                return i + 1;
            }
        }
        return -1;
    }
}

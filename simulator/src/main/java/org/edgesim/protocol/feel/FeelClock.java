package org.edgesim.protocol.feel;

import org.edgesim.learning.model.ModelProfile;
import org.edgesim.scenario.Scenario;

/**
 * The clock's model of a FEEL run: a gradient's and a model's size in bits, compute per sample
 * and per update.
 */
record FeelClock(long parameters, double gradientBits, double modelBits, double cyclesPerSample, double updateCycles,
                 String source, double gradientUpBits, double modelUpBits, String compression) {
    /** The clock of {@code scenario}: explicit fields, else the named latency model, else the trained model. */
    static FeelClock of(Scenario scenario, ModelProfile trained) {
        FeelSpec spec = (FeelSpec) scenario.protocol();
        FeelSpec.LatencyModel named = spec.latencyModel() == null ? null : FeelSpec.LATENCY_MODELS.get(spec.latencyModel());
        double kappa = scenario.devices().cpu() == null ? 1.0 : scenario.devices().cpu().flopsPerCycle();
        long p;
        double flops;
        String source;
        if (named != null) {
            p = named.parameters();
            flops = named.flopsPerSample();
            source = "latency model " + spec.latencyModel();
        } else if (trained != null) {
            p = trained.parameters();
            flops = trained.flopsForwardPerSample() + trained.flopsBackwardPerSample();
            source = "the trained model's profile";
        } else {
            p = spec.modelParameters();
            flops = Double.NaN;
            source = "protocol fields";
        }
        if (spec.modelParameters() != null) {
            p = spec.modelParameters();
        }
        double cycles = spec.cyclesPerSample() != null ? spec.cyclesPerSample() : flops / kappa;
        double update = spec.updateCycles() != null ? spec.updateCycles() : 2.0 * p / kappa;
        org.edgesim.learning.Compression c = spec.uploads();
        return new FeelClock(p, p * spec.bitsPerGradient(), p * spec.bitsPerModelParameter(), cycles, update, source,
                c.bits(p, spec.bitsPerGradient()), c.bits(p, spec.bitsPerModelParameter()), c instanceof org.edgesim.learning.Compression.None ? null
                : c.describe());
    }

    /** The manifest's clock line. */
    String describe() {
        return parameters + " parameters (" + source + "), " + String.format(java.util.Locale.ROOT, "%.4g cycles per"
                + " sample, %.4g cycles per update, gradients %.6g bits, models %.6g bits", cyclesPerSample,
                updateCycles, gradientBits, modelBits) + (compression == null ? "" : String.format(java.util.Locale.ROOT,
                "; uploads compressed: %s, gradients %.6g bits, models %.6g bits", compression, gradientUpBits,
                modelUpBits));
    }
}

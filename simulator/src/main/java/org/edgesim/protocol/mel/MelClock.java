package org.edgesim.protocol.mel;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.Deployment;
import org.edgesim.cell.RoundConditions;
import org.edgesim.channel.Channel;
import org.edgesim.device.CpuProfile;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.RadioSpec;

/**
 * The clock of an async MEL run: {@code d} samples of {@code F} features, a model of
 * {@code S_m} bits, {@code C_m} FLOPs per sample per update; the protocol's fields, else (with a
 * {@code learning} section) the training set's size and features, the model's parameters x 32 bits
 * and its forward and backward FLOPs.
 */
record MelClock(MelSpec spec, long samples, int features, double modelBits, double flopsPerSample) {
    /** Without a learning section: the protocol's fields. */
    static MelClock of(MelSpec spec) {
        return new MelClock(spec, spec.samples(), spec.features() == null ? 784 : spec.features(), spec.modelBits(),
                spec.flopsPerSample());
    }

    /** With one: what the protocol does not give comes from the training set {@code train} and {@code model}. */
    static MelClock of(MelSpec spec, LearningSpec learning, Samples train, ModelProfile model) {
        long d = spec.samples() == null ? train.size() : spec.samples();
        if (d > train.size()) {
            throw new InfeasibleScenarioException("protocol.samples: d = " + d + " but the training set ("
                    + learning.data() + ") holds only " + train.size() + " samples");
        }
        return new MelClock(spec, d, spec.features() == null ? train.dim() : spec.features(),
                spec.modelBits() == null ? model.parameters() * 32.0 : spec.modelBits(),
                spec.flopsPerSample() == null ? model.flopsForwardPerSample() + model.flopsBackwardPerSample()
                        : spec.flopsPerSample());
    }

    /** The same clock for an orchestrator of {@code d} samples (several cells: its cell's share). */
    MelClock withSamples(long d) {
        return new MelClock(spec, d, features, modelBits, flopsPerSample);
    }

    /**
     * The bits of a returned model: {@code S_m}, or as {@code protocol.compression} leaves its
     * {@code S_m / 32} values of 32 bits.
     */
    double upBits() {
        org.edgesim.learning.Compression c = spec.uploads();
        return c instanceof org.edgesim.learning.Compression.None ? modelBits : c.bits(Math.round(modelBits / 32), 32);
    }

    /** The least share of {@code n} learners, {@code floor(minShare d / n)}, at least 1. */
    long minShare(int n) {
        return Math.max(1, (long) Math.floor(spec.minShare() * samples / n));
    }

    /** The largest share, {@code ceil(maxShare d / n)}. */
    long maxShare(int n) {
        return Math.max(1, (long) Math.ceil(spec.maxShare() * samples / n));
    }

    /** The bits of learner data sent with the model: {@code F} bits per feature per sample when parallelised, else 0. */
    double dataBits(long share) {
        return spec.mode().equals(MelSpec.PARALLELISED) ? features * spec.bitsPerFeature() * share : 0;
    }

    /**
     * The timing constants of learners {@code members} (indices in the deployment; {@code c}, the
     * rates and the learners indexed as they are) under conditions {@code c}, their links' noise
     * density {@code noiseDensity} W/Hz; their rates (ergodic under Rayleigh fading) go to {@code rates}.
     */
    List<MelLearner> learners(RoundConditions.Round c, int[] members, Deployment deployment, RadioSpec radio,
                              Channel channel, double noiseDensity, double[] rates) {
        int n = members.length;
        double w = spec.learnerBandwidth();
        double noise = channel.noise(noiseDensity, w);
        List<MelLearner> learners = new ArrayList<>(n);
        double roundTrip = modelBits + upBits();
        for (int k = 0; k < n; k++) {
            rates[k] = w * channel.ergodic(radio.devicePower(), c.largeScale()[k], noise);
            CpuProfile cpu = (CpuProfile) deployment.device(members[k]).meanProfile();
            double c2 = flopsPerSample / (cpu.flopsPerCycle() * c.speedHz()[k]);
            double c1 = spec.mode().equals(MelSpec.PARALLELISED) ? features * spec.bitsPerFeature() / rates[k] : 0.0;
            learners.add(new MelLearner(k, c2, c1, roundTrip / rates[k]));
        }
        return learners;
    }

    /** The manifest's clock line. */
    String describe() {
        return String.format(java.util.Locale.ROOT, "d = %d samples of %d features, model %.0f bits, %.6g FLOPs per"
                + " sample per update, %s mode, T = %.4g s", samples, features, modelBits, flopsPerSample,
                spec.mode(), spec.cycle()) + (spec.uploads() instanceof org.edgesim.learning.Compression.None ? ""
                : String.format(java.util.Locale.ROOT, "; returns compressed: %s, %.6g bits", spec.uploads().describe(),
                upBits()));
    }
}

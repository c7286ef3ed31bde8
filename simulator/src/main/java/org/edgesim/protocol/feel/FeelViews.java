package org.edgesim.protocol.feel;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.Deployment;
import org.edgesim.cell.RoundConditions;
import org.edgesim.device.CpuProfile;
import org.edgesim.device.GpuProfile;
import org.edgesim.radio.Fading;
import org.edgesim.radio.Rates;
import org.edgesim.scenario.FeelSpec;
import org.edgesim.scenario.RadioSpec;
import umontreal.ssj.rng.RandomStream;

/**
 * FEEL's snapshots of a round's conditions: each device's ergodic rates (Rayleigh fading averaged
 * in closed form over the frames of a round; the plain Shannon rate without fading) and its
 * compute law.
 */
record FeelViews(RadioSpec radio, FeelSpec spec, Deployment deployment, FeelClock clock, int[] samples,
                 RandomStream random) {
    /** The snapshot of round {@code round} under conditions {@code c}. */
    FeelSnapshot of(int round, RoundConditions.Round c) {
        double w = radio.bandwidth();
        double noise = Rates.noise(radio.noiseDensity(), w);
        List<FeelDevice> list = new ArrayList<>(deployment.size());
        for (int k = 0; k < deployment.size(); k++) {
            double large = c.largeScale()[k];
            double up = w * efficiency(Rates.snr(radio.devicePower(), large, noise));
            double down = w * efficiency(Rates.snr(radio.apPower(), large, noise));
            BatchLatency law;
            double update;
            if (deployment.device(k).meanProfile() instanceof CpuProfile) {
                double f = c.speedHz()[k];
                law = BatchLatency.cpu(f, clock.cyclesPerSample());
                update = clock.updateCycles() / f;
            } else {
                GpuProfile gpu = (GpuProfile) deployment.device(k).meanProfile();
                law = BatchLatency.gpu(gpu);
                update = spec.gpuUpdate() != null ? spec.gpuUpdate() : gpu.perSampleS();
            }
            list.add(new FeelDevice(k, law, update, samples[k], up, down));
        }
        return new FeelSnapshot(round, clock.gradientBits(), clock.modelBits(), spec.uplinkFrame(),
                spec.downlinkFrame(), spec.maxBatch(), list, random);
    }

    private double efficiency(double meanSnr) {
        return radio.fading() == Fading.RAYLEIGH ? Rates.ergodicSpectralEfficiency(meanSnr)
                : Rates.spectralEfficiency(meanSnr);
    }
}

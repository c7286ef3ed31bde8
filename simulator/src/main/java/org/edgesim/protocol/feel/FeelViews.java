package org.edgesim.protocol.feel;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.Deployment;
import org.edgesim.cell.RoundConditions;
import org.edgesim.channel.Channel;
import org.edgesim.device.CpuProfile;
import org.edgesim.device.GpuProfile;
import org.edgesim.protocol.RoundEngine;
import org.edgesim.scenario.RadioSpec;
import umontreal.ssj.rng.RandomStream;

/**
 * FEEL's snapshots of a round's conditions: each device's ergodic rates (the scenario's fading law
 * averaged over the frames of a round; the plain Shannon rate without fading) and its
 * compute law; over the air, each device's distance to the site serving it ({@code distanceM}, by
 * its index in the deployment).
 */
record FeelViews(RadioSpec radio, Channel channel, FeelSpec spec, Deployment deployment, FeelClock clock, int[] samples,
                 RandomStream random, double cellRadiusM, java.util.function.IntToDoubleFunction distanceM) {
    /**
     * The snapshot of round {@code round} under conditions {@code c} of devices {@code members}
     * (indices in the deployment; {@code c} and the snapshot are indexed as they are), on
     * {@code spectrum}.
     */
    FeelSnapshot of(int round, RoundConditions.Round c, int[] members, RoundEngine.Spectrum spectrum) {
        double w = spectrum.bandHz();
        double noiseUp = channel.noise(spectrum.upDensity(), w);
        double noiseDown = channel.noise(spectrum.downDensity(), w);
        List<FeelDevice> list = new ArrayList<>(members.length);
        for (int i = 0; i < members.length; i++) {
            int k = members[i];
            double large = c.largeScale()[i];
            double up = w * channel.ergodic(radio.devicePower(), large, noiseUp);
            double down = w * channel.ergodic(spectrum.apPower(), large, noiseDown);
            BatchLatency law;
            double update;
            if (deployment.device(k).meanProfile() instanceof CpuProfile) {
                double f = c.speedHz()[i];
                law = BatchLatency.cpu(f, clock.cyclesPerSample());
                update = clock.updateCycles() / f;
            } else {
                GpuProfile gpu = (GpuProfile) deployment.device(k).meanProfile();
                law = BatchLatency.gpu(gpu);
                update = spec.gpuUpdate() != null ? spec.gpuUpdate() : gpu.perSampleS();
            }
            list.add(new FeelDevice(i, law, update, samples[k], up, down));
        }
        AirCompView air = null;
        if (spec.airComp()) {
            double[] distance = new double[members.length];
            for (int i = 0; i < members.length; i++) {
                distance[i] = distanceM.applyAsDouble(members[i]);
            }
            air = new AirCompView(spec.subcarriers(), w, spectrum.upDensity(), radio.devicePower(),
                    channel.fadingLaw().equals("rayleigh"), clock.parameters(), cellRadiusM, distance, c.largeScale());
        }
        return new FeelSnapshot(round, clock.gradientBits(), clock.modelBits(), spec.uplinkFrame(),
                spec.downlinkFrame(), spec.maxBatch(), list, random, air, clock.gradientUpBits(),
                clock.modelUpBits());
    }
}

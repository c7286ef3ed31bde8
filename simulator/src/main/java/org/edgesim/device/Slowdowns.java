package org.edgesim.device;

import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.StreamFamily;
import org.edgesim.scenario.JitterSpec;
import umontreal.ssj.rng.RandomStream;

/**
 * The realised duration of each computation under {@code devices.jitter}: nominal times
 * {@code 1 + X}, one draw per computation from device {@code k}'s stream {@code jitter/device-k}
 * (in the order the device computes). Without jitter the nominal time, untouched.
 */
public final class Slowdowns {
    static final StreamFamily JITTER = new StreamFamily("jitter", i -> "jitter/device-" + i);

    private final JitterSpec spec;
    private final RandomStream[] streams;

    private Slowdowns(JitterSpec spec, RandomStream[] streams) {
        this.spec = spec;
        this.streams = streams;
    }

    /** For {@code devices} devices; {@code spec} may be null (no jitter, no streams). */
    public static Slowdowns of(JitterSpec spec, RandomStreams streams, int devices) {
        return new Slowdowns(spec, spec == null ? null : streams.streams(JITTER, devices));
    }

    /** Whether computations draw slowdowns ({@code devices.jitter}); without, every duration is nominal. */
    public boolean modelled() {
        return spec != null;
    }

    /** The realised duration of a computation of nominal length {@code nominal} on device {@code k}. */
    public double apply(int k, double nominal) {
        if (spec == null) {
            return nominal;
        }
        double x = spec.law().equals("exponential") ? spec.mean() * Draws.unitExponential(streams[k])
                : Draws.uniform(streams[k], 0, 2 * spec.mean());
        return nominal * (1 + x);
    }
}

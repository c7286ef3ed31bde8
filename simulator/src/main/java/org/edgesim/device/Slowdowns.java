package org.edgesim.device;

import org.edgesim.rng.Draws;
import org.edgesim.rng.RandomStreams;
import org.edgesim.rng.StreamFamily;
import umontreal.ssj.rng.RandomStream;

/**
 * The realised duration of each computation under {@code devices.jitter}: nominal times
 * {@code 1 + X}, one draw per computation from device {@code k}'s stream {@code jitter/device-k}
 * (in the order the device computes). Without jitter the nominal time, untouched.
 */
public final class Slowdowns {
    static final StreamFamily JITTER = new StreamFamily("jitter", i -> "jitter/device-" + i);

    /** No jitter: every duration nominal, nothing drawn. */
    public static final Slowdowns NONE = new Slowdowns(false, 0, null);

    private final boolean exponential;
    private final double mean;
    private final RandomStream[] streams;

    private Slowdowns(boolean exponential, double mean, RandomStream[] streams) {
        this.exponential = exponential;
        this.mean = mean;
        this.streams = streams;
    }

    /**
     * For {@code devices} devices: {@code X} exponential of mean {@code mean}, or ({@code exponential}
     * false) uniform on {@code [0, 2 mean]}.
     */
    public static Slowdowns of(boolean exponential, double mean, RandomStreams streams, int devices) {
        return new Slowdowns(exponential, mean, streams.streams(JITTER, devices));
    }

    /** Whether computations draw slowdowns ({@code devices.jitter}); without, every duration is nominal. */
    public boolean modelled() {
        return streams != null;
    }

    /** The realised duration of a computation of nominal length {@code nominal} on device {@code k}. */
    public double apply(int k, double nominal) {
        if (streams == null) {
            return nominal;
        }
        double x = exponential ? mean * Draws.unitExponential(streams[k]) : Draws.uniform(streams[k], 0, 2 * mean);
        return nominal * (1 + x);
    }
}

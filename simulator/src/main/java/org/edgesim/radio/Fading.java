package org.edgesim.radio;

import org.edgesim.rng.Draws;
import umontreal.ssj.rng.RandomStream;

/** Small-scale fading law: the power gain {@code g = |h|^2} of one coherence block. */
public enum Fading {
    /** No fading: {@code g = 1}; no draw is taken. */
    NONE {
        @Override
        public double draw(RandomStream stream) {
            return 1.0;
        }

        @Override
        public double efficiency(double meanSnr) {
            return Rates.spectralEfficiency(meanSnr);
        }
    },
    /** Rayleigh fading: {@code g ~ Exp(1)}. */
    RAYLEIGH {
        @Override
        public double draw(RandomStream stream) {
            return Draws.unitExponential(stream);
        }

        @Override
        public double efficiency(double meanSnr) {
            return Rates.ergodicSpectralEfficiency(meanSnr);
        }
    };

    /** The power gain of the next coherence block. */
    public abstract double draw(RandomStream stream);

    /**
     * Bit/s/Hz over many blocks at mean SNR {@code meanSnr}: the ergodic {@code E[log2(1 + snr g)]}
     * under Rayleigh fading, Shannon's {@code log2(1 + snr)} without fading.
     */
    public abstract double efficiency(double meanSnr);
}

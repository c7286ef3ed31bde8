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
    },
    /** Rayleigh fading: {@code g ~ Exp(1)}. */
    RAYLEIGH {
        @Override
        public double draw(RandomStream stream) {
            return Draws.unitExponential(stream);
        }
    };

    /** The power gain of the next coherence block. */
    public abstract double draw(RandomStream stream);
}

package org.edgesim.channel;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Gamma;
import org.edgesim.rng.Draws;
import umontreal.ssj.probdist.GammaDist;
import umontreal.ssj.rng.RandomStream;

/**
 * Small-scale fading law: the power gain {@code g = |h|^2} of one coherence block, of mean 1 (the
 * large-scale gain carries the mean), and the ergodic spectral efficiency {@code E[log2(1 + s g)]}
 * it gives at mean SNR {@code s}.
 */
public sealed interface Fading permits Fading.None, Fading.Rayleigh, Fading.Rician, Fading.Nakagami {
    /** No fading: {@code g = 1}; no draw is taken. */
    Fading NONE = new None();
    /** Rayleigh fading: {@code g ~ Exp(1)}. */
    Fading RAYLEIGH = new Rayleigh();

    /** The power gain of the next coherence block. */
    double draw(RandomStream stream);

    /** Bit/s/Hz over many blocks at mean SNR {@code meanSnr}: {@code E[log2(1 + meanSnr g)]}. */
    double efficiency(double meanSnr);

    /** As a scenario file names it. */
    String name();

    /** No fading: Shannon's {@code log2(1 + s)}. */
    record None() implements Fading {
        @Override
        public double draw(RandomStream stream) {
            return 1.0;
        }

        @Override
        public double efficiency(double meanSnr) {
            return Rates.spectralEfficiency(meanSnr);
        }

        @Override
        public String name() {
            return "none";
        }
    }

    /** Rayleigh: {@code g ~ Exp(1)}, one uniform per draw; the ergodic rate in closed form, {@code e^(1/s) E1(1/s) / ln 2}. */
    record Rayleigh() implements Fading {
        @Override
        public double draw(RandomStream stream) {
            return Draws.unitExponential(stream);
        }

        @Override
        public double efficiency(double meanSnr) {
            return Rates.ergodicSpectralEfficiency(meanSnr);
        }

        @Override
        public String name() {
            return "rayleigh";
        }
    }

    /**
     * Rician with K factor {@code k} (linear; the power of the line-of-sight part over the scattered
     * part): {@code h = sqrt(K / (K + 1)) + CN(0, 1 / (K + 1))}, two normals per draw ({@code K = 0}
     * is Rayleigh, large K no fading). The ergodic rate over its density
     * {@code f(g) = (K + 1) e^(-K - (K + 1) g) I0(2 sqrt(K (K + 1) g))}, integrated over
     * {@code v = ln g} by iterative Gauss-Legendre (I0 scaled, from Cephes through Colt), tabulated
     * once per law ({@link ErgodicTable}).
     */
    record Rician(double k) implements Fading {
        public Rician {
            if (!(k >= 0) || Double.isInfinite(k)) {
                throw new IllegalArgumentException("Rician K factor must be finite and >= 0 (linear), got " + k);
            }
        }

        @Override
        public double draw(RandomStream stream) {
            double los = Math.sqrt(k / (k + 1));
            double sd = Math.sqrt(1 / (2 * (k + 1)));
            double re = los + sd * Draws.normal(stream, 0, 1);
            double im = sd * Draws.normal(stream, 0, 1);
            return re * re + im * im;
        }

        /** The density of g, with I0 scaled: {@code e^(-(sqrt((K+1) g) - sqrt K)^2) I0e(2 sqrt(K (K+1) g))}. */
        double density(double g) {
            double a = Math.sqrt((k + 1) * g);
            double b = Math.sqrt(k);
            return (k + 1) * Math.exp(-(a - b) * (a - b)) * cern.jet.math.Bessel.i0e(2 * a * b);
        }

        @Override
        public double efficiency(double meanSnr) {
            return ErgodicTable.efficiency(this, this::quadrature, meanSnr);
        }

        /** The ergodic rate by quadrature, unlike {@link #efficiency}, which reads its table. */
        public double quadrature(double meanSnr) {
            // The density has fallen below e^-60 once sqrt((K + 1) g) - sqrt K exceeds sqrt 60.
            double high = 2 * Math.log(Math.sqrt(k) + Math.sqrt(60)) - Math.log(k + 1);
            // With a strong line of sight the density is a peak about sqrt(2 / K) wide around g = 1
            // (v = 0): integrated apart, so that the rule's nodes cannot step over it.
            double peak = Math.min(1, 10 * Math.sqrt(2 / (k + 1)));
            return overLnGain(meanSnr, high, (g, s) -> g * density(g) * Math.log1p(s * g), -peak, peak);
        }

        @Override
        public String name() {
            return "rician";
        }
    }

    /**
     * Nakagami-m ({@code m >= 0.5}): {@code g ~ Gamma(m, 1 / m)}, drawn by inversion (one uniform
     * per draw; {@code m = 1} is Rayleigh). The ergodic rate as
     * {@code (1 / ln 2) int_0^inf s Q(m, m g) / (1 + s g) dg} (by parts; {@code Q} the regularised
     * upper incomplete gamma function), integrated over {@code v = ln g} by iterative Gauss-Legendre,
     * tabulated once per law ({@link ErgodicTable}).
     */
    record Nakagami(double m) implements Fading {
        public Nakagami {
            if (!(m >= 0.5) || Double.isInfinite(m)) {
                throw new IllegalArgumentException("Nakagami m must be finite and >= 0.5, got " + m);
            }
        }

        @Override
        public double draw(RandomStream stream) {
            return GammaDist.inverseF(m, m, 15, stream.nextDouble());
        }

        @Override
        public double efficiency(double meanSnr) {
            return ErgodicTable.efficiency(this, this::quadrature, meanSnr);
        }

        /** The ergodic rate by quadrature, unlike {@link #efficiency}, which reads its table. */
        public double quadrature(double meanSnr) {
            // Q(m, m g) is below 1e-20 beyond g = 100 / m + 50 for every m >= 0.5.
            return overLnGain(meanSnr, Math.log(100 / m + 50),
                    (g, s) -> s * g * Gamma.regularizedGammaQ(m, m * g) / (1 + s * g));
        }

        @Override
        public String name() {
            return "nakagami";
        }
    }

    /**
     * {@code (1 / ln 2) int f(g, s) dv} over {@code v = ln g} from {@code min(-40, -ln s - 40)} (where
     * the integrands here are below {@code e^-40}) to {@code high}, by iterative Gauss-Legendre (16
     * points, relative accuracy 1e-12) in pieces split at {@code splits}; 0 at {@code s = 0}.
     */
    private static double overLnGain(double s, double high, java.util.function.DoubleBinaryOperator f,
                                     double... splits) {
        checkSnr(s);
        if (s == 0) {
            return 0;
        }
        double low = Math.min(-40, -Math.log(s) - 40);
        double sum = 0;
        double from = low;
        for (double to : splits) {
            if (to > from && to < high) {
                sum += piece(s, f, from, to);
                from = to;
            }
        }
        return (sum + piece(s, f, from, high)) / Math.log(2);
    }

    /** One piece of {@link #overLnGain}: relative accuracy 1e-12 (no absolute floor, for tiny SNRs). */
    private static double piece(double s, java.util.function.DoubleBinaryOperator f, double from, double to) {
        return new IterativeLegendreGaussIntegrator(16, 1e-12, Double.MIN_NORMAL).integrate(10_000_000,
                v -> f.applyAsDouble(Math.exp(v), s), from, to);
    }

    private static void checkSnr(double meanSnr) {
        if (!(meanSnr >= 0) || Double.isInfinite(meanSnr)) {
            throw new IllegalArgumentException("mean SNR must be finite and >= 0, got " + meanSnr);
        }
    }
}

package org.edgesim.protocol.cpsl;

import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.edgesim.device.SpeedDynamics;
import org.edgesim.learning.model.ModelProfile;
import org.edgesim.rng.Draws;
import umontreal.ssj.rng.RandomStream;

/**
 * The paper's Alg. 2 (sample average approximation): draw {@code J} realisations of the devices'
 * speeds and SNRs; for every cut before the output layer, average the round latency the
 * scheduler plans on them; take the cut with the least average. The same {@code J} draws serve
 * every candidate cut.
 */
final class CutSelection {
    private CutSelection() {
    }

    /** Builds the snapshot of one draw at one cut. */
    @FunctionalInterface
    interface Snapshots {
        CpslSnapshot at(int round, ModelProfile.CutProfile cut, double[] speeds, double[] snrDb, RandomStream random);
    }

    /** The chosen cut and the average latency of every candidate. */
    record Choice(ModelProfile.CutProfile cut, double[] averages, int samples) {
        String describe() {
            StringBuilder b = new StringBuilder("chosen by SAA over " + samples + " draws; mean latency per cut:");
            for (int v = 0; v < averages.length; v++) {
                b.append(String.format(Locale.ROOT, " %d=%.4g s", v + 1, averages[v]));
            }
            return b.toString();
        }
    }

    /**
     * @param cuts       the model cut after layer {@code v}
     * @param candidates the cuts tried, {@code 1..candidates}
     */
    static Choice choose(CpslSpec spec, double speedSigma, CpslScheduler scheduler, Snapshots snapshots,
                         IntFunction<ModelProfile.CutProfile> cuts, int candidates, IntToDoubleFunction meanSpeed,
                         double[] meanSnr, RandomStream draws, RandomStream clustering) {
        int j = spec.saaSamples();
        double[][][] sample = new double[j][][];
        for (int i = 0; i < j; i++) {
            sample[i] = draw(spec, speedSigma, meanSpeed, meanSnr, draws);
        }
        double[] averages = new double[candidates];
        int best = 0;
        for (int v = 1; v <= candidates; v++) {
            ModelProfile.CutProfile cut = cuts.apply(v);
            double total = 0;
            for (double[][] d : sample) {
                CpslSnapshot s = snapshots.at(0, cut, d[0], d[1], clustering);
                total += CpslLatency.round(s, scheduler.plan(s));
            }
            averages[v - 1] = total / j;
            if (averages[v - 1] < averages[best]) {
                best = v - 1;
            }
        }
        return new Choice(cuts.apply(best + 1), averages, j);
    }

    /** Speeds and SNRs of one SAA draw: the dynamics law around each device's means. */
    private static double[][] draw(CpslSpec spec, double sigmaHz, IntToDoubleFunction meanSpeed,
                           double[] meanSnr, RandomStream stream) {
        int n = meanSnr.length;
        double[] f = new double[n];
        double[] snr = new double[n];
        SpeedDynamics dynamics = new SpeedDynamics(sigmaHz);
        for (int k = 0; k < n; k++) {
            f[k] = dynamics.draw(meanSpeed.applyAsDouble(k), stream);
            snr[k] = spec.snrSigma() == 0 ? meanSnr[k] : Draws.normal(stream, meanSnr[k], spec.snrSigma());
        }
        return new double[][] {f, snr};
    }
}

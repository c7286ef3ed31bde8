package org.edgesim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Profiles;
import org.edgesim.protocol.cpsl.CpslDevice;
import org.edgesim.protocol.cpsl.CpslSnapshot;
import org.edgesim.protocol.cpsl.schedulers.GibbsScheduler;
import org.edgesim.rng.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * Time of one CPSL Gibbs-sampling clustering (Alg. 4 with greedy subcarriers inside) at scale:
 * 1,000 devices with speeds 0.1-1 GHz and SNRs 5-30 dB, clusters of 5, G = 1,000, 30 subcarriers
 * of 1 MHz, the paper's CNN cut at POOL1; on the calling thread (one core).
 */
public final class GibbsBenchmark {
    /** One measurement: seconds per plan, over {@code plans} plans. */
    public record Result(int devices, int clusterSize, int iterations, int plans, double secondsPerPlan) {
    }

    private GibbsBenchmark() {
    }

    public static Result measure(int devices, int clusterSize, int iterations, int plans) {
        RandomStreams streams = new RandomStreams(2);
        RandomStream r = streams.stream("bench/gibbs/devices");
        List<CpslDevice> list = new ArrayList<>();
        for (int k = 0; k < devices; k++) {
            double snr = 5 + 25 * r.nextDouble();
            list.add(new CpslDevice(k, 1e8 + 9e8 * r.nextDouble(), snr, 1e6 * Math.log1p(Math.pow(10, snr / 10))
                    / Math.log(2)));
        }
        CpslSnapshot s = new CpslSnapshot(1, Profiles.of(ModelSpec.cpslCnn(10), new int[] {1, 28, 28}).cut(3), 16, 1, 30,
                1.0, 100e9, clusterSize, list, iterations, 1e-4, streams.stream("bench/gibbs/clustering"));
        GibbsScheduler gibbs = new GibbsScheduler();
        gibbs.plan(s); // warm-up
        long start = System.nanoTime();
        for (int i = 0; i < plans; i++) {
            gibbs.plan(s);
        }
        return new Result(devices, clusterSize, iterations, plans, (System.nanoTime() - start) / 1e9 / plans);
    }

    public static String format(Result r, double targetSeconds) {
        return String.format(Locale.ROOT, "cpsl-gibbs %,d devices, clusters of %d, G = %,d, 30 subcarriers: %.3f s per"
                + " plan over %d plans (target <= %s s)%s", r.devices(), r.clusterSize(), r.iterations(),
                r.secondsPerPlan(), r.plans(), targetSeconds, r.secondsPerPlan() <= targetSeconds ? "" : "  BELOW TARGET");
    }
}

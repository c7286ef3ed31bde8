package org.edgesim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.edgesim.protocol.partel.PartelScheduler;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;
import org.edgesim.protocol.partel.schedulers.JointPabaScheduler;
import org.edgesim.radio.UplinkNoise;
import org.edgesim.rng.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * Planning time of the joint PABA scheduler on random rounds of the paper's scale: K groups of N
 * workers, CPU clocks uniform in 0.1-1 GHz, uplink spectral efficiencies 0.5-10.5 bit/s/Hz, the
 * News20 model (1,241,220 parameters), B = 100 MHz, equal-share noise.
 */
public final class PabaBenchmark {
    /** One configuration's figure. */
    public record Result(int groups, int perGroup, int plans, double secondsPerPlan) {
    }

    private PabaBenchmark() {
    }

    static PartelSnapshot round(RandomStream r, int groups, int perGroup) {
        List<Worker> workers = new ArrayList<>();
        for (int k = 0; k < groups; k++) {
            for (int n = 0; n < perGroup; n++) {
                workers.add(new Worker(k * perGroup + n, k, 15935 / perGroup, 1e8 + 9e8 * r.nextDouble(),
                        2 + 8 * r.nextDouble(), 0.5 + 10 * r.nextDouble(), 1e6 + 1e8 * r.nextDouble()));
            }
        }
        return new PartelSnapshot(1, groups, perGroup, 1_241_220, 1e8, 32, 32, 1, 0, UplinkNoise.EQUAL_SHARE, workers);
    }

    /** Plans on {@code rounds} random rounds, after a warm-up, repeated for about {@code seconds}. */
    public static Result measure(int groups, int perGroup, int rounds, double seconds) {
        RandomStream r = new RandomStreams(1).stream("bench/paba");
        List<PartelSnapshot> snapshots = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            snapshots.add(round(r, groups, perGroup));
        }
        PartelScheduler joint = new JointPabaScheduler();
        for (PartelSnapshot s : snapshots) {
            joint.plan(s); // warm-up
        }
        int plans = 0;
        long start = System.nanoTime();
        do {
            for (PartelSnapshot s : snapshots) {
                joint.plan(s);
                plans++;
            }
        } while (System.nanoTime() - start < seconds * 1e9);
        return new Result(groups, perGroup, plans, (System.nanoTime() - start) / 1e9 / plans);
    }

    public static String format(Result res, double targetSeconds) {
        return String.format(Locale.ROOT, "joint-paba K = %3d, N = %4d (%,7d workers): %10.3f ms per plan over %d plans"
                + "  (target <= %s)%s", res.groups(), res.perGroup(), res.groups() * res.perGroup(),
                res.secondsPerPlan() * 1e3, res.plans(), targetSeconds >= 1 ? targetSeconds + " s" : targetSeconds * 1e3
                        + " ms", res.secondsPerPlan() <= targetSeconds ? "" : "  BELOW TARGET");
    }
}

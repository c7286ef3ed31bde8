package org.edgesim.protocol.partel.schedulers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.edgesim.protocol.partel.PartelSnapshot;
import org.edgesim.protocol.partel.Worker;
import org.edgesim.radio.UplinkNoise;
import org.junit.jupiter.api.Test;

/**
 * The proportional rule per scheduler (docs/models/partel.md, "Proportional parameters"): the
 * baseline sizes blocks by capability (Sec. VII, the sum of a group's clock speeds), Alg. 2 by
 * the group's computation latency (Sec. V, its slowest worker), and either takes the other rule
 * by the option. The blocks are computed by hand below.
 */
class ProportionalRuleTest {
    /**
     * Three groups of two workers, 100 samples each, N_p = 1000:
     * group 0 at 1.0 and 0.2 GHz, group 1 at 0.5 and 0.5 GHz, group 2 at 0.9 and 0.4 GHz.
     */
    private static PartelSnapshot threeGroups() {
        double[][] speeds = {{1.0e9, 0.2e9}, {0.5e9, 0.5e9}, {0.9e9, 0.4e9}};
        List<Worker> workers = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) {
            for (int n = 0; n < 2; n++) {
                workers.add(new Worker(2 * k + n, k, 100, speeds[k][n], 5, 5, 1e9));
            }
        }
        return new PartelSnapshot(1, 3, 2, 1000, 1e8, 32, 32, 1, 0, UplinkNoise.EQUAL_SHARE, workers);
    }

    /*
     * Capability: weights 1.2, 1.0, 1.3 GHz, total 3.5; quotas 1000 * w / 3.5 = 342.857, 285.714,
     * 371.429; floors 342 + 285 + 371 = 998, the two units left go to the largest fractions (.857,
     * .714): 343, 286, 371.
     */
    private static final long[] BY_CAPABILITY = {343, 286, 371};
    /*
     * Slowest: compute time per parameter of the slowest worker 100 / 0.2e9 = 5e-7 s, 100 / 0.5e9 =
     * 2e-7 s, 100 / 0.4e9 = 2.5e-7 s; weights the inverses 2e6, 5e6, 4e6, total 11e6; quotas
     * 181.818, 454.545, 363.636; floors sum to 998, the two units go to .818 and .636: 182, 454, 364.
     * Each group then computes for 182 * 5e-7 = 91.0 us, 454 * 2e-7 = 90.8 us, 364 * 2.5e-7 = 91.0 us.
     */
    private static final long[] BY_SLOWEST = {182, 454, 364};

    @Test
    void theBaselineSizesBlocksByCapabilityByDefault() {
        PartelSnapshot s = threeGroups();
        assertArrayEquals(BY_CAPABILITY, new BaselineScheduler().plan(s).blocks());
        assertArrayEquals(BY_CAPABILITY, new BaselineScheduler(Proportional.of(Map.of(),
                BaselineScheduler.DEFAULT_RULE)).plan(s).blocks());
        assertArrayEquals(BY_SLOWEST, new BaselineScheduler(Proportional.of(Map.of("proportionalTo", "slowest"),
                BaselineScheduler.DEFAULT_RULE)).plan(s).blocks());
    }

    @Test
    void algorithmTwoSizesBlocksByItsGroupsSlowestWorkerByDefault() {
        PartelSnapshot s = threeGroups();
        assertArrayEquals(BY_SLOWEST, new ParameterAwareBandwidthScheduler().plan(s).blocks());
        assertArrayEquals(BY_SLOWEST, new ParameterAwareBandwidthScheduler(Proportional.of(Map.of(),
                ParameterAwareBandwidthScheduler.DEFAULT_RULE)).plan(s).blocks());
        assertArrayEquals(BY_CAPABILITY, new ParameterAwareBandwidthScheduler(Proportional.of(
                Map.of("proportionalTo", "capability"), ParameterAwareBandwidthScheduler.DEFAULT_RULE)).plan(s).blocks());
    }

    @Test
    void slowestBlocksEqualiseTheGroupsComputationAndCapabilityBlocksDoNot() {
        PartelSnapshot s = threeGroups();
        double[] slowestPerParameter = {100 / 0.2e9, 100 / 0.5e9, 100 / 0.4e9};
        double[] bySlowest = new double[3];
        double[] byCapability = new double[3];
        for (int k = 0; k < 3; k++) {
            bySlowest[k] = new ParameterAwareBandwidthScheduler().plan(s).block(k) * slowestPerParameter[k];
            byCapability[k] = new BaselineScheduler().plan(s).block(k) * slowestPerParameter[k];
        }
        // Within one parameter's compute time of each other (5e-7 s), against 343 * 5e-7 - 286 * 2e-7 = 114 us apart.
        for (int k = 1; k < 3; k++) {
            assertEquals(bySlowest[0], bySlowest[k], 5e-7, "group " + k);
        }
        assertEquals(171.5e-6 - 57.2e-6, byCapability[0] - byCapability[1], 1e-12);
    }
}

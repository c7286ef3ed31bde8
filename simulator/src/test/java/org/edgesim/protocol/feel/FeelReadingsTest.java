package org.edgesim.protocol.feel;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.simulation.Catalog;
import org.edgesim.protocol.RunResult;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The readings Table II leaves open: kappa FLOPs per cycle, gradient FEEL on the entire
 * local data set, and the training set cut to its first samples.
 */
class FeelReadingsTest {
    private static final String ONE_SPEED = """
            count: 3
            cpu:
              speed: 1.4 GHz
              flopsPerCycle: %s
            """;

    /** DenseNet121's FLOPs per sample in the clock, {@code 3 * 2 * 2.87e9 / 49}, by hand. */
    private static final double DENSENET_FLOPS = 3 * 2 * 2.87e9 / 49;

    private static String clockOnly(String scheduler, String kappa) {
        return FeelProtocolTest.yaml(scheduler, ONE_SPEED.formatted(kappa), "latencyModel: densenet121")
                .replace("  modelParameters: 200000\n", "").replace("  cyclesPerSample: 2e6\n", "");
    }

    @Test
    void kappaDividesTheComputeLatency() {
        for (double kappa : new double[] {1, 4, 16}) {
            RunResult r = FeelProtocolTest.run(clockOnly("feel-full-batch", Double.toString(kappa)));
            // B_k = Bmax = 64 samples, each DENSENET_FLOPS FLOPs, at 1.4e9 cycles/s of kappa FLOPs each.
            double expected = 64 * DENSENET_FLOPS / (kappa * 1.4e9);
            for (double c : column(r.devices(), "compute_s")) {
                assertEquals(expected, c, 1e-9 * expected, "kappa " + kappa);
            }
        }
    }

    @Test
    void entireDataReadingComputesOnEveryLocalSample() {
        // 6,000 samples over 3 devices: B_k = D_k = 2,000, above Bmax = 64.
        RunResult r = FeelProtocolTest.run(clockOnly("feel-entire-data-equal-slots", "1"));
        double expected = 2000 * DENSENET_FLOPS / 1.4e9;
        for (double c : column(r.devices(), "compute_s")) {
            assertEquals(expected, c, 1e-9 * expected);
        }
        for (double b : column(r.rounds(), "global_batch")) {
            assertEquals(6000, b);
        }
    }

    @Test
    void entireDataReadingHoldsTheDevicesUnevenShares() {
        // 6,001 samples over 3 devices: the first holds one more, and so does its batch.
        RunResult r = FeelProtocolTest.run(clockOnly("feel-entire-data", "1").replace("trainingSamples: 6000",
                "trainingSamples: 6001"));
        assertArrayEquals(new double[] {2001, 2000, 2000}, java.util.Arrays.copyOf(column(r.devices(), "batch"), 3));
    }

    private static final String LEARNING = """
            learning:
              data: fashion-mnist-small
              model: logistic-regression
              stepSize: 0.1
              trainSamples: %s
            """;

    private static String learning(String samples) {
        return FeelProtocolTest.yaml("feel-full-batch", FeelProtocolTest.CPUS, "").replace("  trainingSamples: 6000\n", "")
                + LEARNING.formatted(samples);
    }

    @Test
    void theTrainingSetIsCutToItsFirstSamplesTheSameEveryRun() {
        RunResult a = FeelProtocolTest.run(learning("1000"));
        // 1,000 samples over 5 devices: 200 each (the default split), whatever the partition's draw.
        for (double held : column(a.devices(), "samples")) {
            assertEquals(200, held);
        }
        assertTrue(a.provenance().get("trained").contains("fashion-mnist-small/train[0,1000) (1000 samples"),
                a.provenance().get("trained"));
        RunResult b = FeelProtocolTest.run(learning("1000"));
        assertEquals(a.rounds().rows(), b.rounds().rows());
        RunResult whole = FeelProtocolTest.run(learning("8000"));
        for (double held : column(whole.devices(), "samples")) {
            assertEquals(1600, held);
        }
    }

    @Test
    void aCutOutsideTheDataIsRefusedAtItsLine() {
        for (String bad : new String[] {"0", "-5", "8001"}) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> Catalog.standard().loader()
                    .parse("cut.yaml", learning(bad), ScenarioLoader.Format.YAML), bad);
            assertTrue(e.getMessage().contains("trainSamples") && e.getMessage().contains("cut.yaml"), e.getMessage());
        }
        String libsvm = learning("10").replace("data: fashion-mnist-small", "data: libsvm\n  train: a\n  test: b");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Catalog.standard().loader()
                .parse("cut.yaml", libsvm, ScenarioLoader.Format.YAML));
        assertTrue(e.getMessage().contains("trainSamples"), e.getMessage());
    }

    @Test
    void leavingOutTrainingMetricsKeepsTheTestAccuracyAndTheTraining() {
        RunResult with = FeelProtocolTest.run(learning("1000"));
        RunResult without = FeelProtocolTest.run(learning("1000") + "  evaluation: {trainSamples: 0}\n");
        assertArrayEquals(column(with.rounds(), "test_accuracy"), column(without.rounds(), "test_accuracy"));
        for (double loss : column(without.rounds(), "train_loss")) {
            assertTrue(Double.isNaN(loss));
        }
    }
}

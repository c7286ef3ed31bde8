package org.edgesim.protocol.feel;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.learning.Averaging;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Learners;
import org.edgesim.learning.Precision;
import org.edgesim.learning.Sgd;
import org.edgesim.learning.TinyData;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import org.edgesim.protocol.RunResult;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/**
 * Individual learning as feel-batchsize.md defines it: each device trains alone until its local
 * loss converges, then one exchange and one average; its time is the slowest device's training
 * plus that exchange, and it has one row, after the average.
 */
class IndividualLearningTest {
    private static final double FRAME = 0.01;

    /** Two CPU devices, 300 samples each, no fading, three local epochs (nothing trained). */
    private static String twoDevices() {
        return FeelProtocolTest.yaml("feel-individual", """
                count: 2
                cpu:
                  speed: {blocks: [0.7 GHz, 1.4 GHz]}
                """, """
                maxLocalEpochs: 3
                bitsPerGradient: 8
                bitsPerModelParameter: 16
                """).replace("fading: rayleigh", "fading: none").replace("trainingSamples: 6000", "trainingSamples: 600");
    }

    @Test
    void theRunIsTheSlowestDevicesLocalTrainingPlusOneExchangeOfModels() {
        RunResult r = FeelProtocolTest.run(twoDevices());
        assertEquals(1, r.rounds().rows().size(), "one row: the average, after which there is nothing more");
        assertEquals(2, r.devices().rows().size());
        double p = 200_000;
        double c = 2e6;
        double m = 2 * p;
        double[] speed = {0.7e9, 1.4e9};
        double[] rateUp = column(r.devices(), "rate_up_bit_per_s");
        double[] rateDown = column(r.devices(), "rate_down_bit_per_s");
        double[] slotUp = column(r.devices(), "slot_up_s");
        double[] slotDown = column(r.devices(), "slot_down_s");
        double[] computed = column(r.devices(), "compute_s");
        // By hand: an epoch of 300 samples in batches of 64 is 4 batches of 64 and one of 44, each followed
        // by an update of M / f; three epochs; then 16-bit models (not the 8-bit gradients) up and down.
        double bits = 16 * p;
        double up = 0;
        double down = 0;
        for (int k = 0; k < 2; k++) {
            double local = 3 * ((4 * 64 + 44) * c / speed[k] + 5 * m / speed[k]);
            assertEquals(local, computed[k], 1e-9 * local, "device " + k + "'s local training");
            up = Math.max(up, local + bits * FRAME / (slotUp[k] * rateUp[k]));
            down = Math.max(down, bits * FRAME / (slotDown[k] * rateDown[k]));
        }
        assertEquals(FRAME, slotUp[0] + slotUp[1], 1e-12, "the exchange's slots fill the frame");
        double realised = column(r.rounds(), "realised_latency_s")[0];
        // The fluid time of each transfer is within one frame of its slotted completion.
        assertEquals(up + down, realised, 2 * FRAME, "realised " + realised + " against the hand-computed " + (up + down));
        assertEquals(up + down, column(r.rounds(), "planned_latency_s")[0], 1e-9 * (up + down));
        assertEquals(realised, column(r.rounds(), "end_s")[0], 1e-12);
        assertTrue(r.provenance().get("clock").contains("local epochs per device [3, 3]"), r.provenance().toString());
    }

    @Test
    void eachDeviceStopsWhenItsLocalLossConvergesAndTheAverageIsOfThoseModels() {
        RandomStreams data = new RandomStreams(31);
        TrainTest<Samples> tt = new TrainTest<>(TinyData.dense(data.stream("train"), 80, new int[] {5}, 3),
                TinyData.dense(data.stream("test"), 20, new int[] {5}, 3));
        int[][] held = {TinyData.range(0, 20), TinyData.range(20, 80)};
        LearningSpec spec = new LearningSpec("fashion-mnist-small", null, null, null, null, null, null, null, 0.3,
                "float64", null);
        double tolerance = 0.02;
        int max = 40;
        try (FeelTraining t = new FeelTraining(spec, tt, held, new RandomStreams(32), 8);
             Learner reference = Learners.create(ModelSpec.logisticRegression(3, Regularization.NONE), tt.train(),
                     Precision.FLOAT64, new RandomStreams(32).stream("learning/init"))) {
            double[] initial = t.model();
            int[] epochs = t.individual(8, 0.3, tolerance, max);
            assertArrayEquals(initial, t.model(), "the global model waits for the average");
            t.averageLocal(new boolean[] {true, true});
            // Independently: each device alone, epoch after epoch, until the loss on its own samples falls by less
            // than 2% of itself.
            RandomStream[] streams = new RandomStreams(32).streams(FeelTraining.BATCHES, 2);
            List<double[]> models = new ArrayList<>();
            double[] start = reference.parameters();
            for (int k = 0; k < 2; k++) {
                Dataset mine = ((Dataset) tt.train()).subset("mine", held[k]);
                reference.setParameters(start);
                int e = 0;
                double before = reference.evaluate(mine).loss();
                while (true) {
                    Sgd.epoch(reference, tt.train(), held[k], 8, 0.3, streams[k]);
                    e++;
                    double after = reference.evaluate(mine).loss();
                    if (before - after < tolerance * before || e == max) {
                        break;
                    }
                    before = after;
                }
                assertEquals(e, epochs[k], "device " + k);
                assertTrue(e < max, "device " + k + " converged before the cap");
                models.add(reference.parameters());
            }
            assertArrayEquals(Averaging.weighted(models, new double[] {20, 60}), t.model(), 1e-12,
                    "the average of the two local models, weighted by data size");
        }
    }

    @Test
    void withLearningItHasOneAccuracyAfterTheAverage() {
        String text = FeelProtocolTest.yaml("feel-individual", FeelProtocolTest.CPUS, "maxLocalEpochs: 4")
                .replace("  modelParameters: 200000\n", "").replace("  cyclesPerSample: 2e6\n", "")
                .replace("  trainingSamples: 6000\n", "") + "learning: {data: fashion-mnist-small, stepSize: 0.1}\n";
        RunResult r = FeelProtocolTest.run(text);
        assertEquals(1, r.rounds().rows().size());
        double accuracy = column(r.rounds(), "test_accuracy")[0];
        assertTrue(accuracy > 0.5 && accuracy <= 1, "accuracy " + accuracy + " after local training and one average");
    }
}

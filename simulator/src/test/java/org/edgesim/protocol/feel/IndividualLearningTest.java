package org.edgesim.protocol.feel;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.learning.Averaging;
import org.edgesim.learning.EarlyStopping;
import org.edgesim.learning.Learner;
import org.edgesim.learning.Precision;
import org.edgesim.learning.Sgd;
import org.edgesim.learning.TinyData;
import org.edgesim.learning.ValidationSplit;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Dataset;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.learning.model.ModelSpec;
import org.edgesim.learning.model.Regularization;
import org.edgesim.protocol.InfeasibleScenarioException;
import org.edgesim.protocol.RunResult;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/**
 * Individual learning as docs/models/feel.md defines it: each device trains alone until its local
 * loss converges (its validation loss stops improving, or the cap), then one exchange and one average; its time is the slowest device's training
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
        // By hand: 30 of each device's 300 samples are held out for validation (10%); an epoch of the other
        // 270 in batches of 64 is 4 batches of 64 and one of 14, each followed by an update of M / f; three
        // epochs; then 16-bit models (not the 8-bit gradients) up and down.
        double bits = 16 * p;
        double up = 0;
        double down = 0;
        for (int k = 0; k < 2; k++) {
            double local = 3 * ((4 * 64 + 14) * c / speed[k] + 5 * m / speed[k]);
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
        assertEquals("[cap, cap]", r.provenance().get("stopped_by"), "nothing is trained: the cap decides");
    }

    /**
     * The stop rule written out by hand for one device: from {@code start}, epochs over the training
     * part of its split until the validation loss has not fallen below the best by
     * {@code minImprovement} of the starting loss for {@code patience} epochs, or {@code max} epochs;
     * returns the epochs and leaves the learner at the model of the last improving epoch.
     */
    private static int byHand(Learner learner, Samples train, ValidationSplit split, Dataset check, int batch,
                              double rate, RandomStream order, int patience, double minImprovement, int max) {
        double first = learner.evaluate(check).loss();
        double best = first;
        double[] kept = learner.parameters();
        int bestEpoch = 0;
        int e = 0;
        while (e - bestEpoch < patience && e < max) {
            Sgd.epoch(learner, train, split.train(), batch, rate, order);
            e++;
            double loss = learner.evaluate(check).loss();
            if (best - loss > minImprovement * first) {
                best = loss;
                bestEpoch = e;
                kept = learner.parameters();
            }
        }
        learner.setParameters(kept);
        return e;
    }

    @Test
    void eachDeviceStopsWhenItsValidationLossStopsImprovingAndTheAverageIsOfTheKeptModels() {
        RandomStreams data = new RandomStreams(31);
        TrainTest<Samples> tt = new TrainTest<>(TinyData.dense(data.stream("train"), 80, new int[] {5}, 3),
                TinyData.dense(data.stream("test"), 20, new int[] {5}, 3));
        int[][] held = {TinyData.range(0, 20), TinyData.range(20, 80)};
        LearningSpec spec = new LearningSpec("fashion-mnist-small", null, null, null, null, null, null, null, 0.3,
                "float64", null);
        int patience = 2;
        double minImprovement = 0.02;
        double validation = 0.25;
        int max = 40;
        try (FeelTraining t = new FeelTraining(spec, tt, held, new RandomStreams(32), 8, null);
             Learner reference = Learners.create(ModelSpec.logisticRegression(3, Regularization.NONE), tt.train(),
                     Precision.FLOAT64, new RandomStreams(32).stream("learning/init"))) {
            double[] initial = t.model();
            FeelTraining.Local local = t.individual(8, 0.3, new EarlyStopping(patience, minImprovement, max),
                    validation);
            assertArrayEquals(initial, t.model(), "the global model waits for the average");
            t.averageLocal(new boolean[] {true, true}, FeelUploads.Sent.WHOLE);
            RandomStream[] orders = new RandomStreams(32).streams(FeelTraining.BATCHES, 2);
            RandomStream[] splits = new RandomStreams(32).streams(FeelTraining.VALIDATION, 2);
            List<double[]> models = new ArrayList<>();
            double[] start = reference.parameters();
            for (int k = 0; k < 2; k++) {
                ValidationSplit split = ValidationSplit.of(held[k], validation, splits[k]);
                Dataset check = ((Dataset) tt.train()).subset("check", split.validation());
                reference.setParameters(start);
                int e = byHand(reference, tt.train(), split, check, 8, 0.3, orders[k], patience, minImprovement, max);
                assertEquals(e, local.epochs()[k], "device " + k);
                assertEquals(EarlyStopping.Reason.PATIENCE, local.stoppedBy()[k], "device " + k);
                models.add(reference.parameters());
            }
            assertArrayEquals(Averaging.weighted(models, new double[] {20, 60}), t.model(), 1e-12,
                    "the average of the two kept local models, weighted by data size");
        }
    }

    /**
     * Four separable classes, two per device (non-IID): each device's local loss heads to zero. The
     * old rule (stop when one epoch lowers the local training loss by less than 1% of itself) is run
     * here by hand and reaches the cap; the validation rule stops every device well before it.
     */
    @Test
    void onTwoClassDevicesTheValidationRuleStopsBeforeTheCapWhereTheRelativeRuleDoesNot() {
        int perDevice = 40;
        int max = 60;
        Dataset train = separable(new RandomStreams(41).stream("train"), 2 * perDevice);
        TrainTest<Samples> tt = new TrainTest<>(train, separable(new RandomStreams(41).stream("test"), 40));
        int[][] held = {TinyData.range(0, perDevice), TinyData.range(perDevice, 2 * perDevice)};
        LearningSpec spec = new LearningSpec("fashion-mnist-small", null, null, null, null, null, null, null, 0.5,
                "float64", null);
        try (FeelTraining t = new FeelTraining(spec, tt, held, new RandomStreams(42), 8, null);
             Learner reference = Learners.create(ModelSpec.logisticRegression(4, Regularization.NONE), train,
                     Precision.FLOAT64, new RandomStreams(42).stream("learning/init"))) {
            FeelTraining.Local local = t.individual(8, 0.5, new EarlyStopping(3, 0.01, max), 0.1);
            RandomStream[] orders = new RandomStreams(42).streams(FeelTraining.BATCHES, 2);
            double[] start = reference.parameters();
            for (int k = 0; k < 2; k++) {
                Dataset mine = train.subset("mine", held[k]);
                reference.setParameters(start);
                double before = reference.evaluate(mine).loss();
                int e = 0;
                boolean fired = false;
                while (e < max && !fired) {
                    Sgd.epoch(reference, train, held[k], 8, 0.5, orders[k]);
                    e++;
                    double after = reference.evaluate(mine).loss();
                    fired = before - after < 0.01 * before;
                    before = after;
                }
                assertFalse(fired, "device " + k + ": the relative rule fired after " + e + " epochs, loss " + before);
                assertEquals(EarlyStopping.Reason.PATIENCE, local.stoppedBy()[k], "device " + k);
                assertTrue(local.epochs()[k] < max / 2, "device " + k + " stopped after " + local.epochs()[k]);
            }
        }
    }

    /**
     * {@code n} samples of 4 classes, sample {@code i} of class {@code 2 * (i / (n / 2)) + i % 2}
     * (the first half classes 0 and 1, the second 2 and 3), feature {@code c} 2 plus noise in
     * [0, 1), the others noise: separable with a margin.
     */
    private static Dataset separable(RandomStream r, int n) {
        float[] x = new float[4 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = 2 * (i / (n / 2)) + i % 2;
            for (int j = 0; j < 4; j++) {
                x[4 * i + j] = (float) ((j == y[i] ? 2 : 0) + r.nextDouble());
            }
        }
        return new Dataset("separable", new int[] {4}, x, y, 4);
    }

    @Test
    void aDeviceWithOneSampleHasNothingToHoldOutAndTheRunSaysSo() {
        String text = FeelProtocolTest.yaml("feel-individual", "count: 2\ncpu: {speed: 1 GHz}\n", "maxLocalEpochs: 2")
                .replace("maxBatch: 64", "maxBatch: 1").replace("trainingSamples: 6000", "trainingSamples: 2");
        Throwable e = assertThrows(RuntimeException.class, () -> FeelProtocolTest.run(text));
        while (!(e instanceof InfeasibleScenarioException) && e.getCause() != null) {
            e = e.getCause(); // the kernel wraps what an event throws
        }
        assertTrue(e instanceof InfeasibleScenarioException && e.getMessage().contains("device 0 holds 1"),
                e.toString());
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

package org.edgesim.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.learning.Learner;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.scenario.WarmStartSpec;
import org.junit.jupiter.api.Test;

/** {@code learning.warmStart}: central pre-training to a test accuracy, the same bits for every scheme. */
class WarmStartTest {
    private static LearningSpec spec(WarmStartSpec warm) {
        return new LearningSpec("fashion-mnist-small", null, null, null, null, null, null, null, 0.1, null, warm);
    }

    @Test
    void itTrainsUntilTheTargetAndGivesTheSameBitsForTheSameStreams() {
        LearningSpec spec = spec(new WarmStartSpec(0.7, 10, 64, null));
        TrainTest<Samples> data = TrainingData.load(spec, new RunCache());
        TrainingData.Started a = TrainingData.learner(spec, data, new RandomStreams(5, 1));
        TrainingData.Started b = TrainingData.learner(spec, data, new RandomStreams(5, 1));
        TrainingData.Started other = TrainingData.learner(spec, data, new RandomStreams(5, 2));
        TrainingData.Started cold = TrainingData.learner(spec(null), data, new RandomStreams(5, 1));
        try (Learner la = a.learner(); Learner lb = b.learner(); Learner lo = other.learner(); Learner lc = cold.learner()) {
            assertArrayEquals(la.parameters(), lb.parameters(), "same seed and replication: the same bits");
            assertFalse(Arrays.equals(la.parameters(), lo.parameters()), "another replication starts elsewhere");
            assertNull(cold.warmStart());
            assertTrue(lc.evaluate(data.test()).accuracy() < 0.7, "cold, the model is below the target");
            double reached = la.evaluate(data.test()).accuracy();
            assertEquals(reached, a.warmStart().testAccuracy());
            assertTrue(reached >= 0.7 && a.warmStart().epochs() >= 1, a.warmStart().describe());
        }
    }

    @Test
    void aWarmStartSharedThroughTheCacheIsComputedOnceAndGivesTheSameBits() {
        LearningSpec spec = spec(new WarmStartSpec(0.7, 10, 64, null));
        RunCache cache = new RunCache();
        TrainTest<Samples> data = TrainingData.load(spec, cache);
        TrainingData.Started own = TrainingData.learner(spec, data, new RandomStreams(5, 1));
        TrainingData.Started first = TrainingData.learner(spec, data, new RandomStreams(5, 1), cache);
        TrainingData.Started shared = TrainingData.learner(spec, data, new RandomStreams(5, 1), cache);
        TrainingData.Started other = TrainingData.learner(spec, data, new RandomStreams(5, 2), cache);
        try (Learner lo = own.learner(); Learner lf = first.learner(); Learner ls = shared.learner();
             Learner lr = other.learner()) {
            assertArrayEquals(lo.parameters(), lf.parameters(), "the cached warm start is the computed one");
            assertArrayEquals(lo.parameters(), ls.parameters());
            assertEquals(own.warmStart(), shared.warmStart());
            // Once: the second run gets the first one's result itself, not a second computation's.
            org.junit.jupiter.api.Assertions.assertSame(first.warmStart(), shared.warmStart());
            org.junit.jupiter.api.Assertions.assertNotSame(own.warmStart(), first.warmStart());
            assertFalse(Arrays.equals(lo.parameters(), lr.parameters()), "another replication has its own");
            // Each run has its own learner: training one leaves the other's model alone.
            lf.step(data.train(), new int[] {0, 1, 2}, 0.5);
            assertArrayEquals(lo.parameters(), ls.parameters());
        }
    }

    @Test
    void aTargetNotReachedInTheEpochsIsSaid() {
        LearningSpec spec = spec(new WarmStartSpec(0.99, 1, 64, null));
        TrainTest<Samples> data = TrainingData.load(spec, new RunCache());
        TrainingData.Started s = TrainingData.learner(spec, data, new RandomStreams(5, 0));
        s.learner().close();
        assertEquals(1, s.warmStart().epochs());
        assertTrue(s.describe().contains("not reached"), s.describe());
    }

    @Test
    void everySchemeOfAComparisonStartsFromTheSameWarmModel() throws Exception {
        String base = """
                name: warm
                seed: 3
                rounds: 1
                cell: {radius: 200 m}
                radio: {bandwidth: 10 MHz, noiseDensity: -174 dBm/Hz, pathLoss: urban-macro, fading: rayleigh,
                        apPower: 28 dBm, devicePower: 28 dBm}
                devices: {count: 3, cpu: {speed: 1 GHz}}
                protocol: {type: feel, maxBatch: 64, latencyModel: mobilenetv2, maxLocalEpochs: 1}
                learning: {data: fashion-mnist-small, stepSize: 0.1, warmStart: {accuracy: 0.7}}
                scheduler: %s
                """;
        Set<String> lines = new HashSet<>();
        for (String scheduler : List.of("feel-proposed", "feel-fedavg", "feel-individual")) {
            var scenario = Catalog.standard().loader().parse("warm.yaml", base.formatted(scheduler),
                    ScenarioLoader.Format.YAML);
            RunResult r = new Simulation(Catalog.standard()).run(scenario);
            lines.add(r.provenance().get("warmStart"));
        }
        assertEquals(1, lines.size(), "one warm start for all: " + lines);
        assertTrue(lines.iterator().next().contains("to test accuracy 0.7"), lines.toString());
    }
}

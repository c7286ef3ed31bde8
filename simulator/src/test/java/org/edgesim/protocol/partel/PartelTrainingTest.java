package org.edgesim.protocol.partel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.learning.Compression;
import org.edgesim.learning.Evaluation;
import org.edgesim.learning.Learner;
import org.edgesim.learning.TinyData;
import org.edgesim.learning.backend.Learners;
import org.edgesim.learning.data.Samples;
import org.edgesim.learning.data.TrainTest;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.LearningSpec;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioException;
import org.edgesim.scenario.TestScenarios;
import org.edgesim.table.Column;
import org.edgesim.table.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import umontreal.ssj.rng.RandomStream;

/**
 * PARTEL's training: the assembled block gradients give the centralised proximal-gradient step,
 * and (the paper's Lemma 1) the accuracy does not depend on the allocation, bit for bit.
 */
class PartelTrainingTest {
    private static final LearningSpec L1_64 = new LearningSpec("fashion-mnist-small", null, null, null, null, null, 1e-3, null,
            0.5, "float64", null);
    private static final LearningSpec L1_32 = new LearningSpec("fashion-mnist-small", null, null, null, null, null, 1e-3, null,
            0.5, "float32", null);

    @TempDir
    Path dir;

    static TrainTest<Samples> tiny(boolean sparse) {
        RandomStream r = new RandomStreams(5).stream("test/data");
        return sparse ? new TrainTest<>(TinyData.sparse(r, 130, 17, 3), TinyData.sparse(r, 40, 17, 3))
                : new TrainTest<>(TinyData.dense(r, 130, new int[] {9}, 3), TinyData.dense(r, 40, new int[] {9}, 3));
    }

    /** {@code rounds} allocations of {@code np} parameters over {@code groups}: random, all different. */
    static List<long[]> randomAllocations(int rounds, int groups, long np, long seed) {
        RandomStream r = new RandomStreams(seed).stream("test/allocation");
        List<long[]> out = new ArrayList<>();
        for (int t = 0; t < rounds; t++) {
            long[] b = new long[groups];
            long left = np;
            for (int k = 0; k < groups - 1; k++) {
                b[k] = 1 + r.nextInt(0, (int) (left - (groups - k)) / 2);
                left -= b[k];
            }
            b[groups - 1] = left;
            out.add(b);
        }
        return out;
    }

    /** Every worker's gradient taken in each of {@code rounds} rounds. */
    private static List<BitSet> allTaken(int rounds) {
        return java.util.Collections.nCopies(rounds, new BitSet());
    }

    @Test
    void theTraceIsTheSameBitsUnderAnyAllocation() {
        for (boolean sparse : new boolean[] {false, true}) {
            TrainTest<Samples> data = tiny(sparse);
            for (LearningSpec spec : List.of(L1_32, L1_64)) {
                List<PartelTraining.RoundAccuracy> a = PartelTraining.train(spec, data, 3, 4, new RandomStreams(9, 2),
                        randomAllocations(6, 3, 1_000_000, 1), allTaken(6), 1_000_000, new Compression.None()).rounds();
                List<PartelTraining.RoundAccuracy> b = PartelTraining.train(spec, data, 3, 4, new RandomStreams(9, 2),
                        randomAllocations(6, 3, 1_000_000, 2), allTaken(6), 1_000_000, new Compression.None()).rounds();
                assertEquals(a, b, "sparse " + sparse + ", " + spec.precision());
                // And the same with another number of groups: the parts of the workers do not depend on it.
                List<PartelTraining.RoundAccuracy> c = PartelTraining.train(spec, data, 5, 4, new RandomStreams(9, 2),
                        randomAllocations(6, 5, 1_000_000, 3), allTaken(6), 1_000_000, new Compression.None()).rounds();
                assertEquals(a, c, "5 groups instead of 3");
                assertTrue(a.get(5).trainLoss() < a.get(0).trainLoss(), "the loss falls: " + a);
            }
        }
    }

    @Test
    void eachRoundIsTheCentralisedProximalGradientStep() {
        for (boolean sparse : new boolean[] {false, true}) {
            TrainTest<Samples> data = tiny(sparse);
            int rounds = 4;
            List<PartelTraining.RoundAccuracy> trace = PartelTraining.train(L1_64, data, 3, 4, new RandomStreams(9, 0),
                    randomAllocations(rounds, 3, 5000, 4), allTaken(rounds), 5000, new Compression.None()).rounds();
            // Independently: one learner, the full-batch gradient over the whole training set, one proximal step.
            Samples train = data.train();
            try (Learner central = Learners.create(TrainingData.model(L1_64, train.classes()), train,
                    TrainingData.precision(L1_64), new RandomStreams(9, 0).stream("learning/init"))) {
                int[] all = new int[train.size()];
                Arrays.setAll(all, i -> i);
                for (int t = 0; t < rounds; t++) {
                    central.apply(central.gradient(train, all), L1_64.stepSize());
                    Evaluation e = central.evaluate(train);
                    PartelTraining.RoundAccuracy got = trace.get(t);
                    assertEquals(e.loss(), got.trainLoss(), 1e-12 * e.loss(), "sparse " + sparse + " round " + (t + 1));
                    assertEquals(e.accuracy(), got.trainAccuracy(), "round " + (t + 1));
                    assertEquals(central.evaluate(data.test()).accuracy(), got.testAccuracy(), "round " + (t + 1));
                }
            }
        }
    }

    /**
     * With every worker's gradient taken and nothing compressed a round takes the gradient over the
     * union of the parts in one call instead of assembling the workers' blocks: the same sum, so the
     * same numbers up to float32 rounding (here at most 1e-6 of the largest component, on the shipped
     * Fashion-MNIST with the fig. 4 split of 10 and 50 workers and a trained point as well).
     */
    @Test
    void theUnionsGradientInOneCallIsTheAssembledBlocksUpToRounding() {
        Samples train;
        try {
            train = org.edgesim.learning.data.FashionMnist.shipped().train();
        } catch (org.edgesim.learning.data.DataFormatException e) {
            throw new AssertionError(e);
        }
        int[] labels = new int[train.size()];
        Arrays.setAll(labels, train::label);
        for (int perGroup : new int[] {10, 50}) {
            int groups = 2;
            int[][] held = new org.edgesim.learning.partition.Groups(groups).assign(labels, train.classes(),
                    groups * perGroup, new RandomStreams(4).stream("data/partition"));
            try (Learner learner = Learners.create(TrainingData.model(L1_32, train.classes()), train,
                    TrainingData.precision(L1_32), new RandomStreams(4).stream("learning/init"))) {
                for (int point = 0; point < 2; point++) {
                    long[] blocks = {3000, learner.parameterCount() - 3000};
                    double[][][] sent = new double[groups][perGroup][];
                    int[][] samples = new int[groups][perGroup];
                    for (int n = 0; n < perGroup; n++) {
                        double[] g = learner.gradient(train, held[n]);
                        for (int k = 0; k < groups; k++) {
                            sent[k][n] = org.edgesim.learning.BlockGradients.block(g, blocks, k);
                            samples[k][n] = held[n].length;
                        }
                    }
                    double[] assembled = org.edgesim.learning.BlockGradients.assemble(blocks, sent, samples);
                    double[] union = learner.gradient(train, Arrays.stream(Arrays.copyOf(held, perGroup))
                            .flatMapToInt(Arrays::stream).toArray());
                    double largest = Arrays.stream(assembled).map(Math::abs).max().orElseThrow();
                    double worst = 0;
                    for (int i = 0; i < union.length; i++) {
                        worst = Math.max(worst, Math.abs(union[i] - assembled[i]));
                    }
                    assertTrue(worst <= 1e-6 * largest, perGroup + " workers, point " + point + ": " + worst
                            + " of " + largest);
                    for (int s = 0; s < 20; s++) {
                        learner.apply(union, L1_32.stepSize()); // move to a trained point
                        union = learner.gradient(train, Arrays.stream(Arrays.copyOf(held, perGroup))
                                .flatMapToInt(Arrays::stream).toArray());
                    }
                }
            }
        }
    }

    @Test
    void aBlockAveragesOnlyTheGradientsThatArrivedAndABlockWithNoneStaysPut() {
        TrainTest<Samples> data = tiny(false);
        Samples train = data.train();
        int groups = 3;
        int perGroup = 4;
        long np = PartelTraining.parameters(L1_64, train);
        List<long[]> allocations = randomAllocations(3, groups, np, 7);
        // Round 1: worker 1 of group 0 and worker 2 of group 1 missing; round 2: all of group 2 and
        // worker 0 of group 0; round 3: none.
        List<BitSet> missing = List.of(BitSet.valueOf(new long[] {(1L << 1) | (1L << 6)}),
                BitSet.valueOf(new long[] {0xF00L | 1L}), new BitSet());
        List<PartelTraining.RoundAccuracy> trace = PartelTraining.train(L1_64, data, groups, perGroup,
                new RandomStreams(9, 0), allocations, missing, np, new Compression.None()).rounds();
        assertNotEquals(PartelTraining.train(L1_64, data, groups, perGroup, new RandomStreams(9, 0), allocations,
                allTaken(3), np, new Compression.None()).rounds().get(0), trace.get(0), "missing gradients change the step");

        // Independently: per block, the gradient over the union of the arrived workers' samples.
        int[] labels = new int[train.size()];
        Arrays.setAll(labels, train::label);
        RandomStreams streams = new RandomStreams(9, 0);
        int[][] held = new org.edgesim.learning.partition.Groups(groups).assign(labels, train.classes(),
                groups * perGroup, streams.stream("data/partition"));
        try (Learner central = Learners.create(TrainingData.model(L1_64, train.classes()), train,
                TrainingData.precision(L1_64), streams.stream("learning/init"))) {
            for (int r = 0; r < 3; r++) {
                long[] blocks = allocations.get(r);
                double[] step = new double[(int) np];
                double[] before = central.parameters();
                List<Integer> untouched = new ArrayList<>();
                long from = 0;
                for (int k = 0; k < groups; k++) {
                    List<Integer> union = new ArrayList<>();
                    for (int n = 0; n < perGroup; n++) {
                        if (!missing.get(r).get(k * perGroup + n)) {
                            Arrays.stream(held[n]).forEach(union::add);
                        }
                    }
                    if (union.isEmpty()) {
                        untouched.add(k);
                    } else {
                        double[] g = central.gradient(train, union.stream().mapToInt(Integer::intValue).toArray());
                        System.arraycopy(g, (int) from, step, (int) from, (int) blocks[k]);
                    }
                    from += blocks[k];
                }
                central.apply(step, L1_64.stepSize());
                double[] after = central.parameters();
                long start = 0;
                for (int k = 0; k < groups; k++) {
                    if (untouched.contains(k)) {
                        System.arraycopy(before, (int) start, after, (int) start, (int) blocks[k]);
                    }
                    start += blocks[k];
                }
                central.setParameters(after);
                Evaluation e = central.evaluate(train);
                assertEquals(e.loss(), trace.get(r).trainLoss(), 1e-12 * e.loss(), "round " + (r + 1));
                assertEquals(e.accuracy(), trace.get(r).trainAccuracy(), "round " + (r + 1));
            }
        }
    }

    @Test
    void blocksOnTheClocksModelMapOntoTheTrainedModel() {
        long[] blocks = {400_000, 1, 841_219};
        long[] mapped = PartelTraining.onModel(blocks, 1_241_220, 7850);
        assertEquals(7850, Arrays.stream(mapped).sum());
        assertEquals(400_000L * 7850 / 1_241_220, mapped[0]);
        assertArrayEquals(blocks, PartelTraining.onModel(blocks, 1_241_220, 1_241_220), "same size: unchanged");
    }

    private Scenario scenario(String scheduler, String extra) throws IOException, ScenarioException {
        String yaml = TestScenarios.partelYaml().replace("  modelParameters: 10000\n", "")
                .replace("  trainingSamples: 1000\n", "").replace("scheduler: baseline", "scheduler: " + scheduler)
                + """
                learning:
                  data: fashion-mnist-small
                  l1: 1e-4
                  stepSize: 0.1
                """ + extra;
        return Catalog.standard().loader().load(Files.writeString(dir.resolve(scheduler + ".yaml"), yaml));
    }

    private static List<Object> column(Table<?> t, String name) {
        return values(t, name);
    }

    private static <T> List<Object> values(Table<T> t, String name) {
        Column<T> c = t.columns().stream().filter(x -> x.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + name));
        return t.rows().stream().map(r -> (Object) c.value().apply(r)).toList();
    }

    @Test
    void schedulersGetTheSameAccuracyRoundByRoundOnTheirOwnTimeline() throws Exception {
        // Separate simulations: nothing shared, each trains with its own scheduler's allocations.
        RunResult baseline = new Simulation(Catalog.standard()).run(scenario("baseline", ""));
        RunResult joint = new Simulation(Catalog.standard()).run(scenario("joint-paba", ""));
        for (String c : List.of("train_loss", "train_accuracy", "test_accuracy")) {
            assertEquals(column(baseline.rounds(), c), column(joint.rounds(), c), c);
        }
        assertNotEquals(column(baseline.rounds(), "end"), column(joint.rounds(), "end"), "different timelines");
        double first = (Double) column(joint.rounds(), "end").get(0);
        double latency = (Double) column(joint.rounds(), "realised_latency").get(0);
        assertEquals(latency, first, 1e-15, "the first round ends after its latency");
        // The clock's defaults come from what is trained: 10 x 785 parameters, 8,000 samples.
        assertEquals(7850L, devicesBlockSum(joint));
    }

    private static long devicesBlockSum(RunResult r) {
        List<Object> blocks = column(r.devices(), "block");
        List<Object> groups = column(r.devices(), "group");
        List<Object> rounds = column(r.devices(), "round");
        long sum = 0;
        java.util.Set<Object> seen = new java.util.HashSet<>();
        for (int i = 0; i < blocks.size(); i++) {
            if (rounds.get(i).equals(1) && seen.add(groups.get(i))) {
                sum += (Long) blocks.get(i);
            }
        }
        return sum;
    }

    @Test
    void aRoundOverTheLatencyBudgetNamesItsSlowestWorker() throws Exception {
        Scenario s = scenario("joint-paba", "").withRounds(1);
        String yaml = Files.readString(dir.resolve("joint-paba.yaml")).replace("  type: partel\n",
                "  type: partel\n  latencyBudget: 1 us\n");
        Scenario tight = Catalog.standard().loader().load(Files.writeString(dir.resolve("tight.yaml"), yaml));
        Throwable thrown = assertThrows(RuntimeException.class, () -> new Simulation(Catalog.standard()).run(tight));
        while (!(thrown instanceof InfeasibleRoundException) && thrown.getCause() != null) {
            thrown = thrown.getCause(); // the kernel wraps what an event throws
        }
        InfeasibleRoundException e = assertInstanceOf(InfeasibleRoundException.class, thrown);
        assertTrue(e.worker() >= 0 && e.worker() < 6, e.getMessage());
        assertTrue(e.getMessage().matches("infeasible round: worker \\d \\(group \\d\\) of round 1 finishes after .* s"
                + " under scheduler joint-paba, over the latency budget of 1.000e-06 s: push .*"), e.getMessage());
        assertEquals(1, new Simulation(Catalog.standard()).run(s).rounds().rows().size(), "no budget, no error");
    }
}

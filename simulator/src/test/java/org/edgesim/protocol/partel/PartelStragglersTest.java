package org.edgesim.protocol.partel;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.learning.Compression;
import org.edgesim.protocol.RunCache;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.scenario.TestScenarios;
import org.junit.jupiter.api.Test;

/** PARTEL with workers that drop out (devices.availability) and the deadline and quorum straggler policies. */
class PartelStragglersTest {
    private static final String LEARNING = """
            learning:
              data: fashion-mnist-small
              l1: 1e-4
              stepSize: 0.1
            """;

    /** The tiny PARTEL scenario over 8 rounds, with lines added to its devices and protocol sections. */
    static Scenario scenario(String devices, String protocol, String extra) throws Exception {
        String yaml = TestScenarios.partelYaml().replace("rounds: 3", "rounds: 8")
                .replace("devices:\n", "devices:\n" + devices).replace("  type: partel\n", "  type: partel\n" + protocol)
                + extra;
        return Catalog.standard().loader().parse("partel.yaml", yaml, ScenarioLoader.Format.YAML).single();
    }

    private static final String DROPOUTS = "  availability: {dropout: 0.4, offTime: 200 ms}\n";

    private static RunResult run(Scenario s) {
        return new Simulation(Catalog.standard()).run(s);
    }

    @Test
    void anOutagePausesTheWorkersComputationAndWaitAllWaitsForIt() throws Exception {
        RunResult plain = run(scenario("", "", ""));
        RunResult away = run(scenario(DROPOUTS, "", ""));
        double[] compute = column(plain.devices(), "compute_s");
        double[] delayed = column(away.devices(), "compute_s");
        double[] outage = column(away.devices(), "outage_s");
        int outages = 0;
        for (int i = 0; i < compute.length; i++) {
            assertEquals(compute[i] + outage[i], delayed[i], 1e-12 * delayed[i], "row " + i);
            outages += outage[i] > 0 ? 1 : 0;
        }
        assertTrue(outages >= 10, "about 40% of 48 worker-rounds drop out, got " + outages);
        assertArrayEquals(column(plain.devices(), "upload_s"), column(away.devices(), "upload_s"),
                "the availability draws leave the channel's alone");
        assertArrayEquals(new double[8], Arrays.stream(column(away.rounds(), "aggregated")).map(a -> a - 6).toArray(),
                "wait-all takes every gradient");
        // The round ends when the last gradient is in: push + max(compute + upload) (+ T_s = 0).
        double[] latency = column(away.rounds(), "realised_latency_s");
        double[] push = column(away.rounds(), "push_s");
        double[] finish = column(away.devices(), "finish_s");
        double[] round = column(away.devices(), "round");
        double[] upload = column(away.devices(), "upload_s");
        for (int r = 0; r < latency.length; r++) {
            double last = 0;
            for (int i = 0; i < round.length; i++) {
                if (round[i] == r + 1) {
                    last = Math.max(last, push[r] + delayed[i] + upload[i]);
                    assertEquals(push[r] + delayed[i] + upload[i], finish[i], 1e-9 * finish[i]);
                }
            }
            assertEquals(last, latency[r], 1e-9 * last, "round " + (r + 1));
        }
    }

    @Test
    void aDeadlineTakesExactlyTheGradientsInBeforeItAndTrainsOnThemAlone() throws Exception {
        Scenario s = scenario(DROPOUTS, "  straggler: deadline\n  deadlineFactor: 1.0\n", LEARNING);
        RunResult r = run(s);
        double[] planned = column(r.rounds(), "planned_latency_s");
        double[] realised = column(r.rounds(), "realised_latency_s");
        double[] aggregated = column(r.rounds(), "aggregated");
        double[] round = column(r.devices(), "round");
        double[] finish = column(r.devices(), "finish_s");
        double[] arrived = column(r.devices(), "aggregated");
        double[] block = column(r.devices(), "block_params");
        double[] group = column(r.devices(), "group");
        int rounds = planned.length;
        int[] counted = new int[rounds];
        int late = 0;
        List<BitSet> missing = new ArrayList<>();
        List<long[]> allocations = new ArrayList<>();
        for (int k = 0; k < rounds; k++) {
            missing.add(new BitSet());
            allocations.add(new long[3]);
        }
        for (int i = 0; i < round.length; i++) {
            int k = (int) round[i] - 1;
            // T_s = 0: the deadline is the planned latency itself.
            boolean inTime = finish[i] <= planned[k];
            assertEquals(inTime ? 1.0 : 0.0, arrived[i], "device row " + i);
            counted[k] += inTime ? 1 : 0;
            late += inTime ? 0 : 1;
            if (!inTime) {
                missing.get(k).set(i % 6);
            }
            allocations.get(k)[(int) group[i]] = (long) block[i];
        }
        assertTrue(late >= 5, "dropouts of 200 ms miss the deadline, got " + late);
        for (int k = 0; k < rounds; k++) {
            assertEquals(counted[k], aggregated[k], "round " + (k + 1));
            if (counted[k] < 6) {
                assertEquals(planned[k], realised[k], 1e-12 * planned[k], "a round with late gradients ends at the deadline");
            }
        }
        // The accuracy is that of training on exactly those gradients.
        long np = Arrays.stream(allocations.get(0)).sum();
        List<PartelTraining.RoundAccuracy> expected = PartelTraining.train(s.learning(),
                TrainingData.load(s.learning(), new RunCache()), 3, 2, new RandomStreams(s.seed(), 0), allocations,
                missing, np, new Compression.None()).rounds();
        double[] loss = column(r.rounds(), "train_loss");
        for (int k = 0; k < rounds; k++) {
            assertEquals(expected.get(k).trainLoss(), loss[k], "round " + (k + 1));
        }
        double[] waitAll = column(run(scenario(DROPOUTS, "", LEARNING)).rounds(), "train_loss");
        assertNotEquals(waitAll[rounds - 1], loss[rounds - 1], "fewer gradients, another model");
    }

    @Test
    void aQuorumTakesTheFirstGradientsToArrive() throws Exception {
        RunResult r = run(scenario("", "  straggler: quorum\n  quorum: 4\n", ""));
        double[] round = column(r.devices(), "round");
        double[] finish = column(r.devices(), "finish_s");
        double[] arrived = column(r.devices(), "aggregated");
        double[] latency = column(r.rounds(), "realised_latency_s");
        for (int k = 0; k < latency.length; k++) {
            List<Double> in = new ArrayList<>();
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < round.length; i++) {
                if (round[i] == k + 1) {
                    (arrived[i] == 1 ? in : out).add(finish[i]);
                }
            }
            assertEquals(4, in.size(), "round " + (k + 1));
            double lastIn = in.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertEquals(lastIn, latency[k], 1e-9 * lastIn, "the round ends with the 4th gradient");
            // The two left out were later (or never sent: NaN, the round over before their computation).
            for (double f : out) {
                assertTrue(Double.isNaN(f) || f >= lastIn, "round " + (k + 1) + ": " + f + " vs " + lastIn);
            }
        }
    }
}

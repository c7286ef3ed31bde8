package org.edgesim.protocol.cpsl;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.protocol.RunCache;
import org.edgesim.protocol.RunResult;
import org.edgesim.protocol.TrainingData;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** CPSL with devices that drop out (devices.availability) and a per-phase deadline. */
class CpslStragglersTest {
    private static final String[] DROPOUTS = {"    speed: {uniform: [0.1 GHz, 1 GHz]}\n",
            "    speed: {uniform: [0.1 GHz, 1 GHz]}\n  availability: {dropout: 0.3, offTime: 500 ms}\n"};

    private static RunResult run(Scenario s) {
        return new Simulation(Catalog.standard()).run(s);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Vanilla SL (clusters of one, one after another): every outage adds its length to the round. */
    @Test
    void inSequentialSplitLearningEveryOutageLengthensTheRoundByItself() throws Exception {
        String[] sl = {"  clusterSize: 5\n", "  scheme: sl\n", "rounds: 2", "rounds: 3"};
        RunResult plain = run(CpslProtocolTest.scenario(sl));
        RunResult away = run(CpslProtocolTest.scenario(concat(sl, DROPOUTS)));
        assertArrayEquals(column(plain.devices(), "subcarriers"), column(away.devices(), "subcarriers"),
                "the availability draws leave the plan alone");
        double[] a = column(plain.rounds(), "realised_latency_s");
        double[] b = column(away.rounds(), "realised_latency_s");
        double[] round = column(away.devices(), "round");
        double[] outage = column(away.devices(), "outage_s");
        int away0 = 0;
        for (int r = 0; r < a.length; r++) {
            double total = 0;
            for (int i = 0; i < round.length; i++) {
                total += round[i] == r + 1 ? outage[i] : 0;
                away0 += round[i] == r + 1 && outage[i] > 0 ? 1 : 0;
            }
            assertEquals(a[r] + total, b[r], 1e-9 * b[r], "round " + (r + 1));
        }
        assertTrue(away0 >= 10, "about 30% of 90 device-rounds drop out, got " + away0);
        for (double k : column(away.rounds(), "aggregated")) {
            assertEquals(30, k, "wait-all averages every model");
        }
    }

    @Test
    void aDeadlineDropsExactlyTheDevicesThatFellBehind() throws Exception {
        String[] deadline = {"  clusterSize: 5\n", "  clusterSize: 5\n  straggler: deadline\n  deadlineFactor: 1.2\n",
                "rounds: 2", "rounds: 3"};
        RunResult r = run(CpslProtocolTest.scenario(concat(deadline, DROPOUTS)));
        double[] aggregated = column(r.rounds(), "aggregated");
        double[] round = column(r.devices(), "round");
        double[] arrived = column(r.devices(), "aggregated");
        double[] outage = column(r.devices(), "outage_s");
        double[] uploaded = column(r.devices(), "model_uploaded_s");
        int[] counted = new int[aggregated.length];
        int dropped = 0;
        for (int i = 0; i < round.length; i++) {
            counted[(int) round[i] - 1] += (int) arrived[i];
            if (arrived[i] == 0) {
                dropped++;
                // With exact knowledge a device that stays keeps to the plan: only the absent fall behind.
                assertTrue(outage[i] > 0, "row " + i + " was dropped without being away");
            } else {
                assertFalse(Double.isNaN(uploaded[i]), "row " + i + ": an averaged model was uploaded");
            }
        }
        assertTrue(dropped >= 5, "outages of 500 ms miss 1.2 x phases of a few 100 ms, got " + dropped);
        for (int k = 0; k < aggregated.length; k++) {
            assertEquals(counted[k], aggregated[k], "round " + (k + 1));
        }
        // The deadline bounds the wait: no round is longer than under wait-all with the same outages.
        double[] waitAll = column(run(CpslProtocolTest.scenario(concat(new String[] {"rounds: 2", "rounds: 3"},
                DROPOUTS))).rounds(), "realised_latency_s");
        double[] mine = column(r.rounds(), "realised_latency_s");
        assertTrue(mine[0] < waitAll[0], mine[0] + " vs " + waitAll[0]);
    }

    /** Counting contributions: what a cluster's training uses is what arrived. */
    @Test
    void aClusterTrainsOnTheDevicesThatKeptUpAndAveragesTheModelsThatArrived() throws Exception {
        String text = Files.readString(Path.of("../scenarios/cpsl-fig5.yaml")).replace("count: 30", "count: 10");
        Scenario s = Catalog.standard().loader().parse("fig5.yaml", text, ScenarioLoader.Format.YAML).single();
        CpslSpec spec = (CpslSpec) s.protocol();
        var data = TrainingData.load(s.learning(), new RunCache());
        int[] members = {0, 1, 2, 3, 4};
        try (CpslTraining none = new CpslTraining(spec, s.learning(), data, 10, 2, new RandomStreams(3));
             CpslTraining some = new CpslTraining(spec, s.learning(), data, 10, 2, new RandomStreams(3));
             CpslTraining all = new CpslTraining(spec, s.learning(), data, 10, 2, new RandomStreams(3))) {
            double[] before = none.model();
            // Nobody's smashed data in time: nothing trains.
            none.cluster(members, new int[5], new boolean[5]);
            assertArrayEquals(before, none.model(), "no contribution, no change");
            // Everybody in the server's step, but no model back in time: the device side stays.
            some.cluster(members, new int[] {1, 1, 1, 1, 1}, new boolean[5]);
            int deviceSide = some.deviceParameterCount();
            double[] after = some.model();
            assertArrayEquals(Arrays.copyOf(before, deviceSide), Arrays.copyOf(after, deviceSide), "device side kept");
            assertFalse(Arrays.equals(before, after), "the server side stepped");
            all.cluster(members, new int[] {1, 1, 1, 1, 1}, new boolean[] {true, true, true, true, true});
            assertFalse(Arrays.equals(Arrays.copyOf(after, deviceSide), Arrays.copyOf(all.model(), deviceSide)),
                    "averaged models move the device side");
            assertArrayEquals(Arrays.copyOfRange(after, deviceSide, after.length),
                    Arrays.copyOfRange(all.model(), deviceSide, after.length), "same server steps either way");
        }
    }

    @Test
    void stragglerPoliciesCpslLacksSayWhy() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.edgesim.scenario.ScenarioException.class,
                () -> CpslProtocolTest.scenario("type: cpsl", "type: cpsl\n  straggler: quorum"));
        assertEquals("protocol.straggler", e.field());
        assertTrue(e.rule().contains("protocol cpsl has no over-selection"), e.rule());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.edgesim.scenario.ScenarioException.class,
                () -> CpslProtocolTest.scenario("type: cpsl", "type: cpsl\n  scheme: cl\n  straggler: deadline"));
        assertEquals("protocol.straggler", e.field());
        assertTrue(e.rule().contains("no devices to wait for"), e.rule());
    }
}

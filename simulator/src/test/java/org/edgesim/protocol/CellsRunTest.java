package org.edgesim.protocol;

import static org.edgesim.report.TableColumns.column;
import static org.edgesim.report.TableColumns.headers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.edgesim.channel.PathLoss;
import org.edgesim.channel.Rates;
import org.edgesim.simulation.Catalog;
import org.edgesim.report.CsvTables;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Several cells end to end: one cell is byte for byte the run without a cells section; interference,
 * reuse and the cloud's step.
 */
class CellsRunTest {
    @TempDir
    Path dir;

    /** {@code protocol}'s contract base with {@code cells} (YAML flow mapping) after its cell. */
    private static Scenario withCells(String protocol, String cells, String radio) throws Exception {
        String yaml = ProtocolContractTest.BASES.get(protocol).yaml().replace("%RADIO%", radio)
                .replace("%DEVICES%", "").replace("%PROTOCOL%", "");
        if (cells != null) {
            yaml = yaml.replaceFirst("(?m)^(cell: .*)$", "$1\ncells: " + cells);
        }
        return Catalog.standard().loader().parse(protocol + ".yaml", yaml, ScenarioLoader.Format.YAML).single();
    }

    private String csv(RunResult r, String name) throws Exception {
        Path rounds = dir.resolve(name + "-rounds.csv");
        Path devices = dir.resolve(name + "-devices.csv");
        CsvTables.write(r.rounds(), rounds);
        CsvTables.write(r.devices(), devices);
        return Files.readString(rounds) + Files.readString(devices);
    }

    @ParameterizedTest
    @ValueSource(strings = {"partel", "feel", "async-mel"})
    void oneCellWithTheCloudEveryRoundIsTodaysRunByteForByte(String protocol) throws Exception {
        String today = csv(ProtocolContractTest.run(withCells(protocol, null, "")), protocol + "-today");
        String one = csv(ProtocolContractTest.run(withCells(protocol, "{count: 1, interSiteDistance: 500 m,"
                + " cloudPeriod: 1}", "")), protocol + "-one");
        assertEquals(today, one);
    }

    private static final String THREE = "{count: 3, interSiteDistance: 300 m, reuse: %d, cloudPeriod: 1,"
            + " backhaul: {capacity: 1 Gbit/s, latency: 10 ms}}";

    @Test
    void threeNeighboursOnThreeBandsHearNothingAndRunAsPlannedOnOneBandTheyInterfere() throws Exception {
        RunResult apart = ProtocolContractTest.run(withCells("partel", THREE.formatted(3), ""));
        assertTrue(headers(apart.rounds()).containsAll(java.util.List.of("cell", "members", "handovers",
                "interference_up_W_per_Hz", "interference_down_W_per_Hz", "round_length_s", "cloud_s")));
        for (double i : column(apart.rounds(), "interference_up_W_per_Hz")) {
            assertEquals(0.0, i);
        }
        for (double i : column(apart.rounds(), "interference_down_W_per_Hz")) {
            assertEquals(0.0, i);
        }
        // Nothing unknown to the schedulers: each cell's plan is what happens.
        double[] planned = column(apart.rounds(), "planned_latency_s");
        double[] realised = column(apart.rounds(), "realised_latency_s");
        for (int r = 0; r < planned.length; r++) {
            assertEquals(planned[r], realised[r], 1e-9 * planned[r]);
        }
        RunResult shared = ProtocolContractTest.run(withCells("partel", THREE.formatted(1), ""));
        double[] heard = column(shared.rounds(), "interference_up_W_per_Hz");
        for (double i : heard) {
            assertTrue(i > 0, "every cell hears its two neighbours");
        }
        // In round 1 the schedulers know nothing of the others: every cell takes longer than it planned.
        double[] gap = column(shared.rounds(), "latency_gap_s");
        for (int c = 0; c < 3; c++) {
            assertTrue(gap[c] > 0, "cell " + c + " in round 1: " + gap[c]);
        }
    }

    /**
     * Without a co-channel neighbour (3 cells under reuse 3, 7 under reuse 7) nothing is unknown to
     * any scheduler: no cell hears anything; PARTEL's and async MEL's plans are what happens (FEEL's
     * are not even in one cell: its TDMA frames round the slots), and no async learner is late.
     * These hold by construction, so they are tested here rather than claimed in scenarios/cells/.
     */
    @ParameterizedTest(name = "{0}, {1} cells, reuse {2}")
    @org.junit.jupiter.params.provider.CsvSource({"partel, 7, 7", "feel, 3, 3", "feel, 7, 7", "async-mel, 3, 3",
            "async-mel, 7, 7"})
    void cellsWithoutACoChannelNeighbourHearNothingAndRunAsPlanned(String protocol, int count, int reuse)
            throws Exception {
        String isd = protocol.equals("async-mel") ? "80 m" : "300 m";
        String yaml = ProtocolContractTest.BASES.get(protocol).yaml().replace("%RADIO%", "").replace("%DEVICES%", "")
                .replace("%PROTOCOL%", "").replace("count: 4", "count: " + 2 * count).replaceFirst("(?m)^(cell: .*)$",
                        "$1\ncells: {count: " + count + ", interSiteDistance: " + isd + ", reuse: " + reuse
                                + ", cloudPeriod: 1, backhaul: {capacity: 1 Gbit/s, latency: 10 ms}}");
        RunResult r = ProtocolContractTest.run(Catalog.standard().loader().parse(protocol + ".yaml", yaml,
                ScenarioLoader.Format.YAML).single());
        for (String heard : new String[] {"interference_up_W_per_Hz", "interference_down_W_per_Hz"}) {
            for (double i : column(r.rounds(), heard)) {
                assertEquals(0.0, i, heard);
            }
        }
        double[] planned = column(r.rounds(), "planned_latency_s");
        double[] gap = column(r.rounds(), "latency_gap_s");
        assertTrue(gap.length >= count, "a row per cell and round");
        for (int i = 0; i < gap.length && !protocol.equals("feel"); i++) {
            assertEquals(0.0, gap[i], 1e-9 * planned[i], "row " + i);
        }
        if (protocol.equals("async-mel")) {
            for (double late : column(r.rounds(), "late_learners")) {
                assertEquals(0.0, late);
            }
        }
    }

    @Test
    void feelsCloudStepIsTwiceLatencyPlusModelBitsOverCapacityEveryPeriodAndAfterTheLastRound() throws Exception {
        // Three rounds, the cloud every 2: after round 2 and after round 3 (the last), not after round 1.
        RunResult r = ProtocolContractTest.run(withCells("feel", "{count: 3, interSiteDistance: 500 m, reuse: 3,"
                + " cloudPeriod: 2, backhaul: {capacity: 1 Gbit/s, latency: 10 ms}}", ""));
        double step = 2 * (0.01 + 32.0 * 3_538_984 / 1e9); // MobileNetV2's parameters, 32 bits each
        double[] round = column(r.rounds(), "round");
        double[] cloud = column(r.rounds(), "cloud_s");
        int steps = 0;
        for (int i = 0; i < round.length; i++) {
            assertEquals(round[i] == 1 ? 0.0 : step, cloud[i], 1e-15, "row " + i + ", round " + round[i]);
            steps += cloud[i] > 0 ? 1 : 0;
        }
        assertTrue(steps > 0);
    }

    @Test
    void aCellWithFewerDevicesThanTheQuorumTakesThemAllAndACellServingNobodyHasNoRow() throws Exception {
        // Four devices over three cells: some serve one or none; the quorum of 3 is each cell's at most.
        String yaml = ProtocolContractTest.BASES.get("feel").yaml().replace("%RADIO%", "").replace("%DEVICES%", "")
                .replace("%PROTOCOL%", "  straggler: quorum\n  quorum: 3").replaceFirst("(?m)^(cell: .*)$", "$1\ncells: "
                        + THREE.formatted(1));
        RunResult r = ProtocolContractTest.run(Catalog.standard().loader().parse("q.yaml", yaml,
                ScenarioLoader.Format.YAML).single());
        double[] members = column(r.rounds(), "members");
        double[] aggregated = column(r.rounds(), "aggregated");
        double served = 0;
        for (int i = 0; i < members.length; i++) {
            assertTrue(members[i] > 0, "a cell that serves nobody writes no row");
            assertEquals(Math.min(3, members[i]), aggregated[i]);
            served += members[i];
        }
        assertEquals(4 * 3, served, "every device in one cell each round");
    }

    @Test
    void eachDeviceIsServedByTheSiteItHearsStrongestAMacroSiteBeforeANearerSmallOne() throws Exception {
        String yaml = ProtocolContractTest.BASES.get("feel").yaml().replace("%RADIO%", "").replace("%PROTOCOL%", "")
                .replace("%DEVICES%", "").replace("count: 4", "count: 40").replaceFirst("(?m)^(cell: .*)$",
                        "$1\ncells: {sites: [{x: 0 m, y: 0 m, power: 46 dBm}, {x: 300 m, y: 0 m, power: 20 dBm}],"
                                + " backhaul: {capacity: 1 Gbit/s, latency: 10 ms}}");
        RunResult r = ProtocolContractTest.run(Catalog.standard().loader().parse("s.yaml", yaml,
                ScenarioLoader.Format.YAML).single());
        double[] x = column(r.devices(), "x_m");
        double[] y = column(r.devices(), "y_m");
        double[] cell = column(r.devices(), "cell");
        double[] power = {Math.pow(10, (46 - 30) / 10.0), Math.pow(10, (20 - 30) / 10.0)};
        int nearerTheSmallSite = 0;
        for (int i = 0; i < cell.length; i++) {
            double d0 = Math.hypot(x[i], y[i]);
            double d1 = Math.hypot(x[i] - 300, y[i]);
            int strongest = power[0] * PathLoss.URBAN_MACRO.gain(d0) >= power[1] * PathLoss.URBAN_MACRO.gain(d1) ? 0 : 1;
            assertEquals(strongest, cell[i], "device row " + i);
            nearerTheSmallSite += d1 < d0 && strongest == 0 ? 1 : 0;
        }
        assertTrue(nearerTheSmallSite > 0, "some devices nearer the small site are served by the macro site");
    }

    @Test
    void asyncMelLearnersReturnAsPlannedWithoutCoChannelCellsAndLaterOnOneBand() throws Exception {
        String cells = "{count: 3, interSiteDistance: 80 m, reuse: %d, backhaul: {capacity: 1 Gbit/s, latency: 10 ms}}";
        RunResult apart = ProtocolContractTest.run(withCells("async-mel", cells.formatted(3), ""));
        for (double gap : column(apart.rounds(), "latency_gap_s")) {
            assertEquals(0.0, gap, 1e-9);
        }
        for (double i : column(apart.rounds(), "interference_up_W_per_Hz")) {
            assertEquals(0.0, i);
        }
        RunResult shared = ProtocolContractTest.run(withCells("async-mel", cells.formatted(1), ""));
        double[] round = column(shared.rounds(), "round");
        double[] gap = column(shared.rounds(), "latency_gap_s");
        double late = 0;
        for (int i = 0; i < gap.length && round[i] == 1; i++) {
            // The first cycle's plans know nothing of the other cells: interference only delays them.
            assertTrue(gap[i] >= -1e-9, "cell row " + i + ": " + gap[i]);
            late += gap[i];
        }
        assertTrue(late > 0, "on one band the learners return later than planned");
    }

    @Test
    void cpslIsRefusedSayingWhy() {
        org.edgesim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.edgesim.scenario.ScenarioException.class, () -> withCells("cpsl", THREE.formatted(3), ""));
        assertTrue(e.getMessage().contains("cells: protocol cpsl runs in one cell") && e.getMessage().contains("geometry"),
                e.getMessage());
    }

    @Test
    void theRoundLastsUntilTheSlowestCellThenTheCloudsStepOfTwiceLatencyPlusModelOverCapacity() throws Exception {
        RunResult r = ProtocolContractTest.run(withCells("partel", THREE.formatted(3), ""));
        double cloud = 2 * (0.01 + 32.0 * 1241220 / 1e9);
        double[] round = column(r.rounds(), "round");
        double[] start = column(r.rounds(), "start_s");
        double[] end = column(r.rounds(), "end_s");
        double[] length = column(r.rounds(), "round_length_s");
        double[] steps = column(r.rounds(), "cloud_s");
        for (int i = 0; i < round.length; i += 3) {
            double slowest = Math.max(end[i], Math.max(end[i + 1], end[i + 2]));
            for (int c = 0; c < 3; c++) {
                assertEquals(cloud, steps[i + c], 1e-15);
                assertEquals(slowest - start[i] + cloud, length[i + c], 1e-9);
            }
            if (i + 3 < round.length) {
                assertEquals(slowest + cloud, start[i + 3], 1e-9, "the next round starts after the cloud's step");
            }
        }
    }

    @Test
    void twoCellsOnOneBandWithOneDeviceEachBroadcastAtTheSinrOfAHandComputation() throws Exception {
        String partel = ProtocolContractTest.BASES.get("partel").yaml().replace("%RADIO%", "  fading: none")
                .replace("%DEVICES%", "").replace("%PROTOCOL%", "").replace("groups: 3", "groups: 1")
                .replace("workersPerGroup: 3", "workersPerGroup: 1").replace("rounds: 3", "rounds: 1")
                .replaceFirst("(?m)^(cell: .*)$", "$1\ncells: {sites: [{x: 0 m, y: 0 m}, {x: 250 m, y: 0 m}],"
                        + " backhaul: {capacity: 1 Gbit/s, latency: 10 ms}}");
        Scenario s = Catalog.standard().loader().parse("two.yaml", partel, ScenarioLoader.Format.YAML).single();
        RunResult r = ProtocolContractTest.run(s);
        double[] x = column(r.devices(), "x_m");
        double[] y = column(r.devices(), "y_m");
        double[][] sites = {{0, 0}, {250, 0}};
        double w = 100e6;
        double noise = Rates.noise(s.radio().noiseDensity(), w);
        double p = s.radio().apPower();
        double[] snr = new double[2];
        double[] sinr = new double[2];
        for (int d = 0; d < 2; d++) {
            double own = p * PathLoss.URBAN_MACRO.gain(Math.hypot(x[d] - sites[d][0], y[d] - sites[d][1]));
            double other = p * PathLoss.URBAN_MACRO.gain(Math.hypot(x[d] - sites[1 - d][0], y[d] - sites[1 - d][1]));
            snr[d] = own / noise;
            sinr[d] = own / (noise + other);
        }
        double bits = 32.0 * 1241220;
        double[] rate = {w * Rates.spectralEfficiency(sinr[0]), w * Rates.spectralEfficiency(sinr[1])};
        int first = bits / rate[0] < bits / rate[1] ? 0 : 1;
        int second = 1 - first;
        double t1 = bits / rate[first];
        double t2 = t1 + (bits - rate[second] * t1) / (w * Rates.spectralEfficiency(snr[second]));
        double[] push = column(r.rounds(), "push_s");
        assertEquals(t1, push[first], 1e-9 * t1);
        assertEquals(t2, push[second], 1e-9 * t2);
        assertFalse(t2 == bits / rate[second], "the second broadcast speeds up once the first has ended");
        assertArrayEquals(new double[] {0, 1}, column(r.devices(), "cell"));
    }
}

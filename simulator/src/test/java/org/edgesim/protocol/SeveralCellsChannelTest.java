package org.edgesim.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.simulation.Catalog;
import org.edgesim.simulation.Simulation;
import org.edgesim.report.TableColumns;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Several co-channel cells on TR 38.901's UMa, devices moving: the association, the serving links
 * and the interference all take the links' own gains, and the run is the same bytes every time.
 */
class SeveralCellsChannelTest {
    private static final String YAML = """
            name: cells-uma
            seed: 20261207
            rounds: 4
            cell: {radius: 288.675 m, minDistance: 10 m}
            cells:
              count: 7
              interSiteDistance: 500 m
              reuse: %s
              mobility: {model: heading, speed: 10 m/s}
              backhaul: {capacity: 1 Gbit/s, latency: 10 ms}
            radio:
              bandwidth: 10 MHz
              noiseDensity: -174 dBm/Hz
              pathLoss: %s
              apPower: 28 dBm
              devicePower: 28 dBm
            devices:
              count: 35
              cpu:
                speed: {blocks: [0.7 GHz, 1.4 GHz, 2.1 GHz]}
            protocol:
              type: feel
              maxBatch: 64
              trainingSamples: 35000
              modelParameters: 100000
              cyclesPerSample: 1000000
            scheduler: feel-proposed
            """;

    private static double[] latencies(String pathLoss) throws Exception {
        return latencies(pathLoss, 1);
    }

    private static double[] latencies(String pathLoss, int reuse) throws Exception {
        Scenario s = Catalog.standard().loader().parse("cells.yaml", YAML.formatted(reuse, pathLoss),
                ScenarioLoader.Format.YAML).single();
        return TableColumns.column(new Simulation(Catalog.standard()).run(s).rounds(), "realised_latency_s");
    }

    @Test
    void sevenMovingCellsOnUmaAreDeterministicAndNotThePapersLaw() throws Exception {
        double[] uma = latencies("{model: 3gpp-uma, carrier: 3.5 GHz}");
        assertEquals(java.util.Arrays.toString(uma), java.util.Arrays.toString(latencies("{model: 3gpp-uma, carrier: 3.5 GHz}")));
        double[] macro = latencies("urban-macro");
        assertNotEquals(java.util.Arrays.toString(uma), java.util.Arrays.toString(macro));
        for (double l : uma) {
            assertTrue(l > 0 && Double.isFinite(l), "a round's latency " + l);
        }
        // Without shadowing: on bands of their own (reuse 7) links in LOS everywhere are stronger than in
        // NLOS, so rounds are shorter; sharing one band (reuse 1) the other cells' devices are in LOS too,
        // and LOS's 22 dB per decade (against NLOS's 39) lets far interferers through: rounds are longer.
        String los = "{model: 3gpp-uma, carrier: 3.5 GHz, condition: los, shadowing: false}";
        String nlos = "{model: 3gpp-uma, carrier: 3.5 GHz, condition: nlos, shadowing: false}";
        assertTrue(sum(latencies(los, 7)) < sum(latencies(nlos, 7)), "own bands");
        assertTrue(sum(latencies(los, 1)) > sum(latencies(nlos, 1)), "one band, interference-limited");
    }

    @Test
    void eachRoundsRowsCarryThatRoundsLinks() throws Exception {
        Scenario s = Catalog.standard().loader().parse("cells.yaml", YAML.formatted(1,
                "{model: 3gpp-uma, carrier: 3.5 GHz}"), ScenarioLoader.Format.YAML).single();
        var devices = new Simulation(Catalog.standard()).run(s).devices();
        double[] round = TableColumns.column(devices, "round");
        double[] device = TableColumns.column(devices, "device");
        double[] x = TableColumns.column(devices, "x_m");
        double[] d3 = TableColumns.column(devices, "distance_3d_m");
        java.util.Map<Integer, java.util.Map<Integer, double[]>> byDevice = new java.util.HashMap<>();
        for (int i = 0; i < round.length; i++) {
            byDevice.computeIfAbsent((int) device[i], k -> new java.util.HashMap<>()).put((int) round[i],
                    new double[] {x[i], d3[i]});
        }
        int moved = 0;
        for (var rows : byDevice.values()) {
            double[] first = rows.get(1);
            double[] last = rows.get(4);
            assertTrue(first[1] >= 23.5 && last[1] >= 23.5, "at least the antennas' height difference");
            if (first[0] != last[0]) {
                moved++;
                assertNotEquals(first[1], last[1], "a device that moved is at another distance in round 4's row");
            }
        }
        assertTrue(moved > 30, "the devices move at 10 m/s: " + moved);
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}

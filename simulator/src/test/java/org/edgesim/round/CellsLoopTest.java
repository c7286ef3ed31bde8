package org.edgesim.round;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.Deployment;
import org.edgesim.cell.RoundConditions;
import org.edgesim.device.Availability;
import org.edgesim.device.CpuProfile;
import org.edgesim.device.EnergyLaw;
import org.edgesim.device.Slowdowns;
import org.edgesim.kernel.Kernel;
import org.edgesim.radio.Disk;
import org.edgesim.channel.Fading;
import org.edgesim.radio.PacketLoss;
import org.edgesim.channel.PathLoss;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;

/** Several cells on one loop: each runs its round; the next starts when the slowest ended, after the cloud's step when due. */
class CellsLoopTest {
    @Test
    void theNextRoundWaitsForEveryCellAndEveryCloudPeriodForTheCloud() {
        RandomStreams streams = new RandomStreams(1, 0);
        Kernel kernel = new Kernel();
        Deployment d = Deployment.drop(new Disk(100, 1), new org.edgesim.channel.LogDistanceGains(PathLoss.URBAN_MACRO),
                List.of(new CpuProfile(1e9, 1), new CpuProfile(1e9, 1), new CpuProfile(1e9, 1)), streams);
        RoundConditions conditions = new RoundConditions(new RoundConditions.Laws(Fading.NONE, 0, 0, 0, 0, null), d,
                streams);
        DeviceActivity activity = new DeviceActivity(kernel, Slowdowns.NONE, Availability.ALWAYS, EnergyLaw.NONE,
                PacketLoss.NONE, streams, 3);
        // The cloud's step: 2 (latency + bits / capacity) = 2 (0.1 + 1e6 / 1e7) = 0.4 s.
        RoundLoop.Cells cells = new RoundLoop.Cells(3, (round, now) -> new int[][] {{0}, {1}, {2}}, 2,
                new RoundLoop.Backhaul(1e7, 0.1), null);
        RoundLoop loop = new RoundLoop(kernel, conditions, activity, new RoundLoop.Settings(4, null, "s", "round"),
                (r, n) -> { }, cells);
        List<double[]> starts = new ArrayList<>();
        List<double[]> averaged = new ArrayList<>();
        List<Turn<Integer>> turns = loop.run(turn -> {
            starts.add(new double[] {turn.round(), turn.cell(), turn.start()});
            // Cell c's round takes c + 1 seconds.
            kernel.schedule(turn.cell() + 1.0, "done", "cell " + turn.cell(), () -> turn.finish(0, new boolean[1],
                    turn.cell()));
        }, new RoundLoop.Cloud() {
            @Override
            public double modelBits() {
                return 1e6;
            }

            @Override
            public void averaged(int round, int[][] members) {
                assertArrayEquals(new int[][] {{0}, {1}, {2}}, members);
                averaged.add(new double[] {round, kernel.now()});
            }
        });
        assertEquals(12, turns.size());
        // Round 1 ends when the slowest cell does (3 s); the cloud (0.4 s) follows every second round, and the last.
        double[] expected = {0, 3, 6.4, 9.4};
        for (double[] s : starts) {
            assertEquals(expected[(int) s[0] - 1], s[2], 1e-12, "round " + (int) s[0] + " cell " + (int) s[1]);
        }
        assertArrayEquals(new int[] {1}, turns.get(1).members());
        assertEquals(2, averaged.size());
        assertArrayEquals(new double[] {2, 6.4}, averaged.get(0), 1e-12);
        assertArrayEquals(new double[] {4, 12.8}, averaged.get(1), 1e-12);
        assertEquals(3.4, turns.get(3).common().cell().over(), 1e-12, "round 2 lasts until the cloud's step is done");
        assertEquals(0.4, turns.get(3).common().cell().cloud(), 1e-12);
    }
}

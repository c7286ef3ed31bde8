package org.edgesim.channel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.kernel.Kernel;
import org.edgesim.radio.Position;
import org.edgesim.radio.TdmaFrame;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/**
 * The channel decides how a transfer's bits get through, the same for every protocol: steady with
 * one cell and one state per round (the protocol's own link, untouched), block by block with a
 * coherence time (block 0 the round's drawn gain, later blocks the large-scale gain times a fresh
 * draw from the device's own stream; a broadcast at its weakest receiver's rate), and through the
 * shared medium with several cells (the received power read as the path says: ergodic over the
 * large-scale gain, drawn over the round's gain). Rates computed here by hand from Shannon's formula.
 */
class AirTest {
    private static final double W = 1e6;
    private static final double P = 0.2;
    private static final double NOISE = 4e-15;
    private static final double[] LARGE = {1e-10, 3e-11};
    private static final double[] UP = {2e-10, 1e-11};
    private static final double[] DOWN = {5e-11, 4e-11};
    private static final Link STEADY = new Link.Timed(1.5);

    private static double shannon(double band, double power, double gain) {
        return band * Math.log(1 + power * gain / NOISE) / Math.log(2);
    }

    /** Two devices' streams, seeded by {@code name} (the same name gives the same streams). */
    private static RandomStream[] streams(String name) {
        RandomStream[] s = new RandomStream[2];
        for (int k = 0; k < 2; k++) {
            MRG32k3a m = new MRG32k3a();
            long seed = 12345L + 7L * k + name.hashCode() % 1000 + 1000;
            m.setSeed(new long[] {seed, seed, seed, seed, seed, seed});
            s[k] = m;
        }
        return s;
    }

    private static Air oneCell(Double coherence) {
        Coherence c = coherence == null ? new Coherence(null, null, null)
                : new Coherence(coherence, streams("up"), streams("down"));
        return new Air(new Channel(Fading.RAYLEIGH), c, null, null, W, 10.0);
    }

    /** Cells at {@code sites} serving {@code devices}, on bands {@code band} of {@code bandHz} each, sites at {@code power}. */
    private static Air.Sites geometry(Position[] sites, Position[] devices, java.util.function.IntUnaryOperator band,
                                      java.util.function.IntToDoubleFunction power, double bandHz) {
        return new Air.Sites() {
            @Override
            public Position device(int k) {
                return devices[k];
            }

            @Override
            public Position site(int cell) {
                return sites[cell];
            }

            @Override
            public int band(int cell) {
                return band.applyAsInt(cell);
            }

            @Override
            public double power(int cell) {
                return power.applyAsDouble(cell);
            }

            @Override
            public double bandHz() {
                return bandHz;
            }
        };
    }

    private static Air.Path path(Air.Reading reading) {
        return Air.Path.of(W, P, NOISE, reading, STEADY);
    }

    @Test
    void oneCellWithOneStatePerRoundKeepsTheProtocolsSteadyLink() {
        Air.Round round = oneCell(null).round(0, new int[] {0, 1}, 0.0, LARGE, UP, DOWN);
        assertSame(STEADY, round.up(0, path(Air.Reading.DRAWN)));
        assertSame(STEADY, round.down(1, path(Air.Reading.ERGODIC)));
        assertSame(STEADY, round.broadcast(path(Air.Reading.DRAWN)));
        assertEquals(W, round.bandHz());
        assertEquals(10.0, round.apPower());
    }

    @Test
    void fadingBlocksStartFromTheRoundsGainsAndDrawLaterBlocksPerDeviceStream() {
        Air.Round round = oneCell(0.1).round(0, new int[] {0, 1}, 2.0, LARGE, UP, DOWN);
        Link.Blocks up = (Link.Blocks) round.up(1, path(Air.Reading.ERGODIC));
        Link.Blocks down = (Link.Blocks) round.down(1, path(Air.Reading.ERGODIC));
        // Block 0: the round's drawn gains, whatever the path's reading through the medium.
        assertEquals(shannon(W, P, UP[1]), up.rate().rate(0), 1e-9);
        assertEquals(shannon(W, P, DOWN[1]), down.rate().rate(0), 1e-9);
        assertEquals(2.1, up.rate().end(0), 1e-12);
        // Block 1: the large-scale gain times a unit-mean exponential draw from the device's uplink stream.
        RandomStream expected = streams("up")[1];
        double g = LARGE[1] * Fading.RAYLEIGH.draw(expected);
        assertEquals(shannon(W, P, g), up.rate().rate(1), 1e-9 * shannon(W, P, g));
        // Each direction draws from its own streams; a reciprocal path meets the uplink's states.
        assertNotEquals(up.rate().rate(1), down.rate().rate(1));
        Link.Blocks both = (Link.Blocks) round.down(1, path(Air.Reading.ERGODIC).bothWays());
        assertEquals(up.rate().rate(1), both.rate().rate(1));
        assertEquals(up.rate().rate(3), both.rate().rate(3));
    }

    @Test
    void aBroadcastInBlocksRunsAtItsWeakestReceiversRateAndASlotKeepsItsFrame() {
        Air.Round round = oneCell(0.1).round(0, new int[] {0, 1}, 0.0, LARGE, UP, DOWN);
        Link.Blocks all = (Link.Blocks) round.broadcast(path(Air.Reading.DRAWN));
        Link.Blocks to0 = (Link.Blocks) round.down(0, path(Air.Reading.DRAWN));
        Link.Blocks to1 = (Link.Blocks) round.down(1, path(Air.Reading.DRAWN));
        for (int block = 0; block < 5; block++) {
            assertEquals(Math.min(to0.rate().rate(block), to1.rate().rate(block)), all.rate().rate(block));
        }
        TdmaFrame frame = new TdmaFrame(0.03, new double[] {0.01, 0.02});
        Link.SlottedBlocks slotted = (Link.SlottedBlocks) round.up(0, path(Air.Reading.DRAWN).inSlot(frame, 1));
        assertSame(frame, slotted.frame());
        assertEquals(1, slotted.slot());
        Link.Blocks own = (Link.Blocks) round.up(0, path(Air.Reading.DRAWN).blockRate(g -> 7 * g));
        assertEquals(7 * UP[0], own.rate().rate(0));
    }

    @Test
    void severalCellsSendThroughTheMediumAtTheReceivedPowerThePathReads() {
        Position[] sites = {new Position(0, 0), new Position(500, 0)};
        Position[] devices = {new Position(100, 0), new Position(400, 30), new Position(450, 0)};
        Air.Sites geometry = geometry(sites, devices, cell -> cell, cell -> cell == 0 ? 20.0 : 40.0, W / 2);
        Medium medium = new Medium(new Kernel(), 2, W / 2, new LogDistanceGains(PathLoss.URBAN_MACRO), 1);
        Air air = new Air(new Channel(Fading.RAYLEIGH), new Coherence(0.1, streams("up"), streams("down")), geometry,
                medium, W, 10.0);
        // Cell 1 serves devices 1 and 2 (its members 0 and 1): blocks give way to the medium.
        Air.Round round = air.round(1, new int[] {1, 2}, 0.0, LARGE, UP, DOWN);
        assertEquals(W / 2, round.bandHz());
        assertEquals(40.0, round.apPower());
        Link.Shared up = (Link.Shared) round.up(1, path(Air.Reading.ERGODIC));
        assertSame(medium, up.medium());
        Medium.Signal s = up.signal();
        assertTrue(s.uplink());
        assertEquals(devices[2], s.from());
        assertArrayEquals(new Position[] {sites[1]}, s.to());
        assertArrayEquals(new double[] {P * LARGE[1]}, s.received());
        assertEquals(2, s.sender());
        assertArrayEquals(new int[] {1}, s.receivers());
        assertEquals(Fading.RAYLEIGH.efficiency(30.0), s.efficiency().applyAsDouble(30.0));
        Medium.Signal all = ((Link.Shared) round.broadcast(path(Air.Reading.DRAWN))).signal();
        assertTrue(!all.uplink());
        assertEquals(sites[1], all.from());
        assertArrayEquals(new Position[] {devices[1], devices[2]}, all.to());
        assertArrayEquals(new double[] {P * DOWN[0], P * DOWN[1]}, all.received());
        assertArrayEquals(new int[] {1, 2}, all.receivers());
        assertEquals(1, all.sender());
        assertEquals(Rates.spectralEfficiency(30.0), all.efficiency().applyAsDouble(30.0));
        // A drawn upload reads the uplink's drawn gain; a path's own band, noise, band index and slot go through.
        TdmaFrame frame = new TdmaFrame(0.03, new double[] {0.01, 0.02});
        Air.Path narrow = Air.Path.of(W / 8, P, 3 * NOISE, Air.Reading.DRAWN, STEADY).inSlot(frame, 1);
        Medium.Signal drawn = ((Link.Shared) round.up(0, narrow)).signal();
        assertArrayEquals(new double[] {P * UP[0]}, drawn.received());
        assertEquals(W / 8, drawn.bandwidth());
        assertEquals(3 * NOISE, drawn.noise());
        assertEquals(1, drawn.band());
        assertSame(frame, drawn.frame());
        assertEquals(1, drawn.slot());
        assertEquals(devices[1], drawn.from());
        // The site's transfer to one member: from the site to that device at the path's power.
        Medium.Signal one = ((Link.Shared) round.down(1, path(Air.Reading.ERGODIC))).signal();
        assertTrue(!one.uplink());
        assertEquals(sites[1], one.from());
        assertArrayEquals(new Position[] {devices[2]}, one.to());
        assertArrayEquals(new double[] {P * LARGE[1]}, one.received());
        assertArrayEquals(new int[] {2}, one.receivers());
        assertEquals(P, one.power());
    }

    @Test
    void analogSumsTakeTheirAirtimeWhateverTheyMeetAndEachSiteHearsTheOtherCellsParts() {
        Position[] sites = {new Position(0, 0), new Position(500, 0)};
        Position[] devices = {new Position(100, 0), new Position(400, 30)};
        Air.Sites geometry = geometry(sites, devices, cell -> 0, cell -> 20.0, W); // co-channel: each hears the other
        Kernel kernel = new Kernel();
        Medium medium = new Medium(kernel, 2, W, new LogDistanceGains(PathLoss.URBAN_MACRO), 1);
        Air air = new Air(new Channel(Fading.RAYLEIGH), new Coherence(null, null, null), geometry, medium, W, 10.0);
        Air.Round cell0 = air.round(0, new int[] {0}, 0.0, new double[] {LARGE[0]}, new double[1], new double[1]);
        Air.Round cell1 = air.round(1, new int[] {1}, 0.0, new double[] {LARGE[1]}, new double[1], new double[1]);
        double[] done = new double[2];
        // Cell 0's part sends 0.1 W for 2 s from t = 0; cell 1's 0.05 W for 2 s from t = 1: they overlap for 1 s.
        Link.Shared a = (Link.Shared) cell0.analog(0, 0.1, 4e6, 2.0);
        medium.send(a.signal(), 4e6, "aircomp-done", "device 0", t -> { }, () -> done[0] = kernel.now());
        kernel.schedule(1.0, "start", "device 1", () -> {
            Link.Shared b = (Link.Shared) cell1.analog(0, 0.05, 1e3, 2.0);
            medium.send(b.signal(), 1e3, "aircomp-done", "device 1", t -> { }, () -> done[1] = kernel.now());
        });
        kernel.run();
        assertArrayEquals(new double[] {2.0, 3.0}, done, 1e-9);
        // Each site heard the other cell's part at its mean path gain for half of its own part's airtime.
        double g10 = PathLoss.URBAN_MACRO.gain(Math.hypot(400, 30));
        double g01 = PathLoss.URBAN_MACRO.gain(400);
        assertEquals(0.05 * g10 / W / 2, cell0.heardUp(), 1e-12 * 0.05 * g10 / W);
        assertEquals(0.1 * g01 / W / 2, cell1.heardUp(), 1e-12 * 0.1 * g01 / W);
        // One cell: the part is the sum's airtime, and nothing is heard.
        Air.Round alone = oneCell(null).round(0, new int[] {0, 1}, 0.0, LARGE, UP, DOWN);
        assertEquals(new Link.Timed(2.0), alone.analog(1, 0.1, 4e6, 2.0));
        assertEquals(0.0, alone.heardUp());
    }

    @Test
    void aReciprocalBroadcastMeetsTheUplinksStatesAndAnOwnBlockRateIsTheWeakestReceiversOwn() {
        Air.Round round = oneCell(0.1).round(0, new int[] {0, 1}, 0.0, LARGE, UP, DOWN);
        Link.Blocks up0 = (Link.Blocks) round.up(0, path(Air.Reading.DRAWN));
        Link.Blocks up1 = (Link.Blocks) round.up(1, path(Air.Reading.DRAWN));
        Link.Blocks both = (Link.Blocks) round.broadcast(path(Air.Reading.DRAWN).bothWays());
        Link.Blocks own = (Link.Blocks) round.broadcast(path(Air.Reading.DRAWN).blockRate(g -> 1e12 * g));
        for (int block = 0; block < 4; block++) {
            assertEquals(Math.min(up0.rate().rate(block), up1.rate().rate(block)), both.rate().rate(block));
        }
        assertEquals(1e12 * Math.min(DOWN[0], DOWN[1]), own.rate().rate(0));
    }

    @Test
    void aPathOrAnAirThatCannotBeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Air.Path.of(0, P, NOISE, Air.Reading.DRAWN, STEADY));
        assertThrows(IllegalArgumentException.class, () -> Air.Path.of(W, P, 0, Air.Reading.DRAWN, STEADY));
        assertThrows(IllegalArgumentException.class, () -> new Air(new Channel(Fading.RAYLEIGH),
                new Coherence(null, null, null), null, new Medium(new Kernel(), 2, W, new LogDistanceGains(
                PathLoss.URBAN_MACRO), 1), W, 1));
        assertThrows(IllegalArgumentException.class, () -> new Coherence(0.1, null, null));
    }
}

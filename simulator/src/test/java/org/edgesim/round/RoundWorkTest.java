package org.edgesim.round;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.channel.Link;
import org.edgesim.device.Availability;
import org.edgesim.device.EnergyLaw;
import org.edgesim.device.Slowdowns;
import org.edgesim.kernel.Kernel;
import org.edgesim.radio.PacketLoss;
import org.edgesim.radio.TdmaFrame;
import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.probdist.NegativeBinomialDist;

/** The device-activity layer against hand computations: resent packets' airtime, metered energy, the gathering. */
class RoundWorkTest {
    private static final RandomStreams STREAMS = new RandomStreams(42, 0);

    private static DeviceActivity activity(Kernel kernel, PacketLoss loss, EnergyLaw energy) {
        return new DeviceActivity(kernel, Slowdowns.NONE, Availability.ALWAYS, energy,
                loss, STREAMS, 2);
    }

    @Test
    void aLossyTransferTakesTheAirtimeOfItsResentPackets() {
        Kernel kernel = new Kernel();
        PacketLoss loss = new PacketLoss(0.25, 1000);
        RoundWork work = activity(kernel, loss, new EnergyLaw(1e-28, null, 0.2)).round(new double[] {1e9, 1e9}, new int[] {0, 1});
        double[] done = {Double.NaN};
        // 10,000 bits at 1e5 bit/s: 0.1 s without loss.
        work.send(1, 1, new Link.Timed(0.1), 10_000, "sent", "device 1", () -> done[0] = kernel.now());
        kernel.run();
        // The same draw by hand: the first uniform of packets/device-1, failures of 10 packets.
        double u = STREAMS.stream("packets/device-1").nextDouble();
        int failures = NegativeBinomialDist.inverseF(10, 0.75, u);
        assertTrue(failures > 0, "this draw loses packets");
        assertEquals(failures * 1000.0, work.retransmitted(1));
        assertEquals(0.1 * (10_000 + failures * 1000.0) / 10_000, done[0], 1e-15);
        assertEquals(0.2 * done[0], work.radioEnergy(1), 1e-15, "P t, resent packets included");
        assertEquals(0.0, work.radioEnergy(0));
        assertEquals(work.retransmitted(1), work.retransmitted(), "the round's resent bits are its devices'");
    }

    @Test
    void aSlottedTransferIsChargedItsAirtimeNotItsWait() {
        Kernel kernel = new Kernel();
        RoundWork work = activity(kernel, PacketLoss.NONE, new EnergyLaw(1e-28, null, 0.5)).round(new double[] {1e9, 1e9}, new int[] {0, 1});
        TdmaFrame frame = new TdmaFrame(0.01, new double[] {0.004, 0.006});
        double[] done = {Double.NaN};
        // 3,000 bits at 1e5 bit/s: 0.03 s of airtime in 6 ms slots, i.e. over five frames.
        work.send(1, 1, new Link.Slotted(frame, 1, 1e5), 3_000, "sent", "device 1", () -> done[0] = kernel.now());
        kernel.run();
        assertEquals(frame.completion(1, 0, 3_000, 1e5), done[0], 1e-15);
        assertTrue(done[0] > 0.04, "it waited for its slots: " + done[0]);
        assertEquals(0.5 * 0.03, work.radioEnergy(1), 1e-15);
    }

    /**
     * A transfer that would take longer than any time a scenario may state (a rate that 100-200 dB
     * of shadowing leaves) is infeasible, said with the device, its bits and its rate; it once
     * ended at t = -9.2e16 s, an internal error.
     */
    @Test
    void aTransferBeyondAnyTimeAScenarioStatesIsInfeasible() {
        Kernel kernel = new Kernel();
        RoundWork work = activity(kernel, PacketLoss.NONE, EnergyLaw.NONE).round(new double[] {1e9, 1e9}, new int[] {0, 1});
        TdmaFrame frame = new TdmaFrame(0.01, new double[] {0.004, 0.006});
        InfeasibleTransferException slotted = assertThrows(InfeasibleTransferException.class, () -> work.send(1, 1,
                new Link.Slotted(frame, 1, 3.2e-280), 8.9e6, "upload-done", "device 1", () -> { }));
        assertEquals("device 1 cannot send its 8.90e+06 bits in time: at 3.20e-280 bit/s in its 0.00600 s slot of every"
                + " 0.0100 s frame the transfer would take 4.64e+286 s, more than 10,000,000 s (the longest time a"
                + " scenario may state); the round's links are too weak for it (radio.shadowing, distances, powers)",
                slotted.getMessage());
        InfeasibleTransferException timed = assertThrows(InfeasibleTransferException.class, () -> work.send(1, 1,
                new Link.Timed(2e7), 8.9e6, "upload-done", "device 1", () -> { }));
        assertTrue(timed.getMessage().startsWith("device 1 cannot send its 8.90e+06 bits in time: at 0.445 bit/s the"
                + " transfer would take 2.00e+07 s"), timed.getMessage());
        assertEquals(0, kernel.pending(), "nothing is scheduled");
    }

    @Test
    void aTransferWithinTheLongestTimeIsSent() {
        Kernel kernel = new Kernel();
        RoundWork work = activity(kernel, PacketLoss.NONE, EnergyLaw.NONE).round(new double[] {1e9, 1e9}, new int[] {0, 1});
        double[] done = {Double.NaN};
        work.send(1, 1, new Link.Timed(9e6), 8.9e6, "upload-done", "device 1", () -> done[0] = kernel.now());
        kernel.run();
        assertEquals(9e6, done[0]);
    }

    @Test
    void computingIsChargedKappaFCubedPerNominalSecondWhenItCompletes() {
        Kernel kernel = new Kernel();
        RoundWork work = activity(kernel, PacketLoss.NONE, new EnergyLaw(1e-28, null, 0.5)).round(new double[] {2e9, 1e9}, new int[] {0, 1});
        work.computeOnce(0, 0.3, "device 0", () -> { });
        work.open(1, 0.2);
        work.compute(1, 0.2, "device 1", () -> { });
        assertEquals(0.0, work.computeEnergy(0), "nothing completed yet");
        kernel.run();
        assertEquals(1e-28 * 2e9 * 2e9 * (0.3 * 2e9), work.computeEnergy(0), 1e-15);
        assertEquals(1e-28 * 1e9 * 1e9 * (0.2 * 1e9), work.computeEnergy(1), 1e-15);
        assertEquals(work.computeEnergy(0) + work.computeEnergy(1), work.energy(), 1e-15);
        assertTrue(Double.isNaN(activity(kernel, PacketLoss.NONE, EnergyLaw.NONE).round(new double[2], new int[] {0, 1}).energy()),
                "without an energy model: NaN");
    }

    @Test
    void aGatheringClosesAtItsQuorumOrItsDeadlineAndRefusesTheLate() {
        Kernel kernel = new Kernel();
        int[] closed = {0};
        double[] at = {Double.NaN};
        Gathering g = Gathering.open(kernel, 3, 2, 1.0, "deadline", "server", () -> {
            closed[0]++;
            at[0] = kernel.now();
        });
        kernel.schedule(0.2, "a", "d0", () -> assertTrue(g.arrive(0)));
        kernel.schedule(0.5, "b", "d2", () -> assertTrue(g.arrive(2)));
        kernel.schedule(0.7, "c", "d1", () -> assertFalse(g.arrive(1)));
        kernel.run();
        assertEquals(1, closed[0], "once, at the quorum; the deadline finds it closed");
        assertEquals(0.5, at[0]);
        assertEquals(2, g.count());
        assertTrue(g.taken()[0] && g.taken()[2] && !g.taken()[1]);

        Kernel k2 = new Kernel();
        double[] when = {Double.NaN};
        Gathering d = Gathering.open(k2, 2, 2, 1.0, "deadline", "server", () -> when[0] = k2.now());
        // An arrival at the deadline's very instant is on time: the deadline fires after it.
        k2.schedule(1.0, "a", "d0", () -> assertTrue(d.arrive(0)));
        k2.run();
        assertEquals(1.0, when[0]);
        assertEquals(1, d.count());
    }
}

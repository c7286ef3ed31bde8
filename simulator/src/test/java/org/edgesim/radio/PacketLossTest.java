package org.edgesim.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.edgesim.rng.RandomStreams;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/** ARQ over lossy packets: the one-draw negative binomial against the closed form and a packet-by-packet simulation. */
class PacketLossTest {
    @Test
    void aPayloadGoesInWholePackets() {
        PacketLoss loss = new PacketLoss(0.1, 12_000);
        assertEquals(1, loss.packets(1));
        assertEquals(1, loss.packets(12_000));
        assertEquals(2, loss.packets(12_001));
    }

    @Test
    void withoutLossNothingIsResentAndNothingDrawn() {
        RandomStream a = new RandomStreams(1, 0).stream("t");
        RandomStream b = new RandomStreams(1, 0).stream("t");
        assertEquals(0.0, PacketLoss.NONE.retransmitted(1e6, a));
        assertEquals(b.nextDouble(), a.nextDouble(), "the stream was not touched");
    }

    /**
     * Mean and variance of the resent packets: the one draw per transfer, a direct simulation of
     * each packet sent until received, and the closed forms n p / (1 - p), n p / (1 - p)^2.
     */
    @Test
    void theResentBitsAreThoseOfPacketsSentUntilReceived() {
        double p = 0.2;
        double bits = 40 * 1000.0;
        PacketLoss loss = new PacketLoss(p, 1000);
        int n = 40;
        int runs = 20_000;
        RandomStream one = new RandomStreams(3, 0).stream("one");
        RandomStream each = new RandomStreams(3, 0).stream("each");
        double sum = 0;
        double sq = 0;
        double directSum = 0;
        double directSq = 0;
        for (int r = 0; r < runs; r++) {
            double failures = loss.retransmitted(bits, one) / 1000;
            sum += failures;
            sq += failures * failures;
            int direct = 0;
            for (int i = 0; i < n; i++) {
                while (each.nextDouble() < p) {
                    direct++;
                }
            }
            directSum += direct;
            directSq += (double) direct * direct;
        }
        double mean = n * p / (1 - p);
        double variance = n * p / ((1 - p) * (1 - p));
        double se = Math.sqrt(variance / runs);
        assertEquals(mean, sum / runs, 4 * se);
        assertEquals(mean, directSum / runs, 4 * se);
        assertEquals(variance, sq / runs - (sum / runs) * (sum / runs), 0.05 * variance);
        assertEquals(variance, directSq / runs - (directSum / runs) * (directSum / runs), 0.05 * variance);
    }

    @Test
    void anErrorRateOfOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PacketLoss(1.0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new PacketLoss(0.1, 0));
    }
}

package org.edgesim.protocol.partel;

import static org.edgesim.report.TableColumns.column;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgesim.protocol.RunResult;
import org.junit.jupiter.api.Test;

/** PARTEL's broadcast under packet loss: its time is the lossless one stretched by the access point's resent bits. */
class PartelPacketLossTest {
    @Test
    void theBroadcastTakesItsResentPacketsAtTheWeakestReceiversRate() throws Exception {
        RunResult plain = org.edgesim.protocol.ProtocolContractTest.run(
                org.edgesim.protocol.ProtocolContractTest.scenario("partel", "", "", ""));
        RunResult lossy = org.edgesim.protocol.ProtocolContractTest.run(
                org.edgesim.protocol.ProtocolContractTest.scenario("partel", "packetErrorRate: 0.2", "", ""));
        double bits = 32.0 * 1241220;
        double[] resentByDevices = column(lossy.devices(), "retransmitted_bit");
        double[] perRound = column(lossy.rounds(), "retransmitted_bit");
        double devices = 0;
        for (int k = 0; k < 9; k++) {
            devices += resentByDevices[k];
        }
        double byAccessPoint = perRound[0] - devices;
        assertTrue(byAccessPoint > 0, "the broadcast lost packets");
        double push = column(plain.rounds(), "push_s")[0];
        assertEquals(push * (bits + byAccessPoint) / bits, column(lossy.rounds(), "push_s")[0], 1e-9 * push);
        // About 1 / (1 - p) = 1.25 times as long: 3,310 packets, 827 resent on average (sd 32).
        assertEquals(1.25, column(lossy.rounds(), "push_s")[0] / push, 0.04);
    }
}

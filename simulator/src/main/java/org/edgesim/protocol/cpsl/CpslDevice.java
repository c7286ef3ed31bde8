package org.edgesim.protocol.cpsl;

import org.edgesim.sched.external.Wire;

/**
 * One device in one round.
 *
 * @param index   0-based
 * @param speedHz realised CPU clock, cycles/s
 * @param snrDb   realised SNR, uplink and downlink alike (time-division duplex)
 * @param rate    rate of one subcarrier, {@code W log2(1 + SNR)}, bit/s
 */
public record CpslDevice(int index, double speedHz, double snrDb, @Wire(unit = "bit/s") double rate) {
    public CpslDevice {
        if (!(speedHz > 0) || !(rate > 0) || !Double.isFinite(speedHz + rate)) {
            throw new IllegalArgumentException("device " + index + " needs speed > 0 and rate > 0, got " + speedHz
                    + " Hz and " + rate + " bit/s");
        }
    }
}

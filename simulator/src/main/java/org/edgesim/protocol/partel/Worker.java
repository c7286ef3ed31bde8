package org.edgesim.protocol.partel;

import org.edgesim.sched.external.Wire;

/**
 * What a scheduler may observe of worker {@code (group, position)} in one round.
 *
 * @param index          device index, {@code group * N + position}
 * @param group          k, the parameter block it works on
 * @param samples        D_{k,n}, training samples it holds
 * @param speedHz        f_{k,n}, CPU cycles per second this round
 * @param downEfficiency R_d, downlink spectral efficiency over the whole band, bit/s/Hz
 * @param upEfficiency   R_u, uplink spectral efficiency with noise over an equal share B/(KN), bit/s/Hz
 * @param upSnrPerHz     {@code P_u H_u / N0}, Hz: the uplink SNR over a 1 Hz band, for rates with
 *                       noise over the allocated band
 */
public record Worker(int index, int group, int samples, double speedHz, @Wire(unit = "bit/s/Hz") double downEfficiency,
                     @Wire(unit = "bit/s/Hz") double upEfficiency, @Wire(unit = "Hz") double upSnrPerHz) {
}

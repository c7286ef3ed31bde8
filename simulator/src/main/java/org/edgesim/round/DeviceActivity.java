package org.edgesim.round;

import org.edgesim.cell.StreamKeys;
import org.edgesim.device.Availability;
import org.edgesim.device.EnergyLaw;
import org.edgesim.device.Slowdowns;
import org.edgesim.kernel.Kernel;
import org.edgesim.radio.PacketLoss;
import org.edgesim.rng.RandomStreams;
import umontreal.ssj.rng.RandomStream;

/**
 * The laws that act on every device's work in every protocol (jitter, availability, energy, packet
 * loss), for one run; each round's work is a {@link RoundWork} made from it.
 */
public final class DeviceActivity {
    private final Kernel kernel;
    private final Slowdowns slowdowns;
    private final Availability availability;
    private final EnergyLaw energy;
    private final PacketLoss loss;
    private final RandomStream[] packets;
    private final RandomStream apPackets;

    /** For {@code devices} devices; packet streams ({@code packets/device-k}, {@code packets/access-point}) only when packets are lost. */
    public DeviceActivity(Kernel kernel, Slowdowns slowdowns, Availability availability, EnergyLaw energy,
                          PacketLoss loss, RandomStreams streams, int devices) {
        this.kernel = kernel;
        this.slowdowns = slowdowns;
        this.availability = availability;
        this.energy = energy;
        this.loss = loss;
        this.packets = loss.lossy() ? streams.streams(StreamKeys.PACKETS, devices) : null;
        this.apPackets = loss.lossy() ? streams.stream(StreamKeys.ACCESS_POINT_PACKETS) : null;
    }

    /** One round's work of devices {@code members} (indices in the deployment), at clocks {@code speedHz} (NaN on a GPU), indexed as in {@code members}. */
    public RoundWork round(double[] speedHz, int[] members) {
        return new RoundWork(this, speedHz, members);
    }

    /** Whether computations draw slowdowns ({@code devices.jitter}). */
    public boolean jittered() {
        return slowdowns.modelled();
    }

    Kernel kernel() {
        return kernel;
    }

    Slowdowns slowdowns() {
        return slowdowns;
    }

    Availability availability() {
        return availability;
    }

    EnergyLaw energy() {
        return energy;
    }

    /** The bits resent to deliver {@code bits} on device {@code k}'s link ({@code -1}: the access point's broadcast). */
    double retransmitted(int k, double bits) {
        if (!loss.lossy()) {
            return 0.0;
        }
        return loss.retransmitted(bits, k < 0 ? apPackets : packets[k]);
    }
}

package org.edgesim.cell;

import java.util.ArrayList;
import java.util.List;
import umontreal.ssj.rng.RandomStream;
import org.edgesim.device.ComputeProfile;
import org.edgesim.radio.Disk;
import org.edgesim.channel.PathGains;
import org.edgesim.radio.Position;
import org.edgesim.rng.RandomStreams;

/** The devices of one run, dropped and given their mean compute once, before the first round. */
public record Deployment(List<Device> devices) {
    private static final Position ORIGIN = new Position(0, 0);

    public Deployment {
        devices = List.copyOf(devices);
    }

    /**
     * Drops one device per compute profile of {@code profiles} (its mean compute, in device order)
     * uniformly on {@code disk} (stream {@code drop/device-k}), its path gain to the access point (site 0,
     * at the origin) by {@code gains}.
     */
    public static Deployment drop(Disk disk, PathGains gains, List<ComputeProfile> profiles, RandomStreams streams) {
        int n = profiles.size();
        List<Device> devices = new ArrayList<>(n);
        RandomStream[] drops = streams.streams(StreamKeys.DROP, n);
        for (int i = 0; i < n; i++) {
            var position = disk.drop(drops[i]);
            double distance = position.distance();
            devices.add(new Device(i, position, distance, gains.gain(i, position, 0, ORIGIN, distance), profiles.get(i)));
        }
        return new Deployment(devices);
    }

    /** The devices of several cells where {@code placement} dropped them, one per profile of {@code profiles}. */
    public static Deployment of(Placement placement, List<ComputeProfile> profiles) {
        List<Device> devices = new ArrayList<>(profiles.size());
        for (int i = 0; i < profiles.size(); i++) {
            devices.add(new Device(i, placement.position(i), placement.distance(i), placement.pathGain(i),
                    profiles.get(i)));
        }
        return new Deployment(devices);
    }

    public int size() {
        return devices.size();
    }

    public Device device(int i) {
        return devices.get(i);
    }
}

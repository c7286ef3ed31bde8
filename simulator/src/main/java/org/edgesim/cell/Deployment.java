package org.edgesim.cell;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.device.ComputeProfile;
import org.edgesim.device.CpuProfile;
import org.edgesim.device.GpuProfile;
import org.edgesim.radio.Disk;
import org.edgesim.radio.PathLoss;
import org.edgesim.rng.RandomStreams;
import org.edgesim.scenario.CpuSpec;
import org.edgesim.scenario.GpuSpec;
import org.edgesim.scenario.Scenario;

/** The devices of one run, dropped and given their mean compute once, before the first round. */
public record Deployment(List<Device> devices) {
    public Deployment {
        devices = List.copyOf(devices);
    }

    /** Drops {@code scenario.deviceCount()} devices with the scenario's laws and the run's streams. */
    public static Deployment drop(Scenario scenario, RandomStreams streams) {
        Disk disk = new Disk(scenario.cell().radius(), scenario.cell().minDistance());
        PathLoss pathLoss = scenario.radio().pathLoss().law();
        int n = scenario.deviceCount();
        List<Device> devices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            var position = disk.drop(streams.stream(StreamKeys.drop(i)));
            devices.add(new Device(i, position, pathLoss.gain(position.distance()), profile(scenario, streams, i)));
        }
        return new Deployment(devices);
    }

    private static ComputeProfile profile(Scenario scenario, RandomStreams streams, int device) {
        CpuSpec cpu = scenario.devices().cpu();
        if (cpu != null) {
            return new CpuProfile(cpu.speed().draw(streams.stream(StreamKeys.speed(device))), cpu.flopsPerCycle());
        }
        GpuSpec gpu = scenario.devices().gpu();
        return new GpuProfile(gpu.fixed(), gpu.perSample(), gpu.threshold());
    }

    public int size() {
        return devices.size();
    }

    public Device device(int i) {
        return devices.get(i);
    }
}

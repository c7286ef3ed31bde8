package org.edgesim.cell;

import java.util.ArrayList;
import java.util.List;
import umontreal.ssj.rng.RandomStream;
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
        RandomStream[] drops = streams.streams(StreamKeys.DROP, n);
        RandomStream[] speeds = scenario.devices().cpu() != null ? streams.streams(StreamKeys.SPEED, n) : null;
        for (int i = 0; i < n; i++) {
            var position = disk.drop(drops[i]);
            double distance = position.distance();
            devices.add(new Device(i, position, distance, pathLoss.gain(distance),
                    profile(scenario, i, n, speeds == null ? null : speeds[i])));
        }
        return new Deployment(devices);
    }

    private static ComputeProfile profile(Scenario scenario, int index, int count, RandomStream speed) {
        CpuSpec cpu = scenario.devices().cpu();
        if (cpu != null) {
            return new CpuProfile(cpu.speed().draw(index, count, speed), cpu.flopsPerCycle());
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

package org.edgesim.protocol;

import org.edgesim.cell.Deployment;
import org.edgesim.cell.RoundConditions;
import org.edgesim.device.Availability;
import org.edgesim.device.EnergyLaw;
import org.edgesim.device.Slowdowns;
import org.edgesim.kernel.Kernel;
import org.edgesim.round.Coherence;
import org.edgesim.round.DeviceActivity;
import org.edgesim.round.RoundLoop;
import org.edgesim.scenario.Scenario;

/**
 * The round engine set up for one run of a scenario, the same way for every protocol: the devices
 * dropped, the source of their rounds' conditions, the device-activity layer with the scenario's
 * jitter, availability, energy law and packet loss, and the round loop.
 */
public record RoundEngine(Kernel kernel, Deployment deployment, RoundConditions conditions, DeviceActivity activity,
                          Coherence coherence, RoundLoop loop) {
    /** For {@code context}'s run; {@code unit} names a round in events ({@code round}, {@code cycle}). */
    public static RoundEngine of(RunContext context, String unit) {
        Scenario s = context.scenario();
        Kernel kernel = context.kernel();
        Deployment deployment = Deployment.drop(s, context.streams());
        int n = deployment.size();
        RoundConditions conditions = new RoundConditions(s, deployment, context.streams());
        DeviceActivity activity = new DeviceActivity(kernel, Slowdowns.of(s.devices().jitter(), context.streams(), n),
                Availability.of(s.devices().availability(), context.streams(), n), energyLaw(s), s.radio().packetLoss(),
                context.streams(), n);
        RoundLoop loop = new RoundLoop(kernel, conditions, activity, new RoundLoop.Settings(s.rounds(),
                s.protocol().timeLimit(), s.scheduler(), unit), context.progress()::roundDone);
        return new RoundEngine(kernel, deployment, conditions, activity, new Coherence(s.radio().coherenceTime(),
                context.streams(), n), loop);
    }

    /** The scenario's energy law: a CPU's kappa_e or a GPU's power, the devices' transmit power. */
    public static EnergyLaw energyLaw(Scenario s) {
        Double kappa = s.devices().cpu() == null ? null : s.devices().cpu().capacitance();
        Double gpu = s.devices().gpu() == null ? null : s.devices().gpu().power();
        return new EnergyLaw(kappa, gpu, s.radio().devicePower());
    }
}

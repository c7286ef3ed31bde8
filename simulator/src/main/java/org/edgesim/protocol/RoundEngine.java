package org.edgesim.protocol;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.edgesim.cell.Deployment;
import org.edgesim.cell.Placement;
import org.edgesim.cell.RoundConditions;
import org.edgesim.cell.StreamKeys;
import org.edgesim.channel.Air;
import org.edgesim.channel.Channel;
import org.edgesim.channel.Coherence;
import org.edgesim.channel.LogDistanceGains;
import org.edgesim.channel.PathGains;
import org.edgesim.channel.tr38901.Tr38901Gains;
import org.edgesim.device.Availability;
import org.edgesim.device.ComputeProfile;
import org.edgesim.device.CpuProfile;
import org.edgesim.device.EnergyLaw;
import org.edgesim.device.GpuProfile;
import org.edgesim.device.Slowdowns;
import org.edgesim.kernel.Kernel;
import org.edgesim.radio.Disk;
import org.edgesim.rng.RandomStreams;
import org.edgesim.round.DeviceActivity;
import org.edgesim.round.RoundLoop;
import org.edgesim.round.Turn;
import org.edgesim.scenario.AvailabilitySpec;
import org.edgesim.scenario.CpuSpec;
import org.edgesim.scenario.GpuSpec;
import org.edgesim.scenario.JitterSpec;
import org.edgesim.scenario.RadioSpec;
import org.edgesim.scenario.Scenario;
import umontreal.ssj.rng.RandomStream;

/**
 * The round engine set up for one run of a scenario, the same way for every protocol: the devices
 * dropped, the source of their rounds' conditions, the channel the protocols read rates from, the
 * device-activity layer with the scenario's jitter, availability, energy law and packet loss, and
 * the round loop.
 */
public record RoundEngine(Kernel kernel, Deployment deployment, RoundConditions conditions, Channel channel,
                          DeviceActivity activity, Air air, RoundLoop loop, Cells cells) {
    /**
     * What a cell's scheduler plans on: its band, Hz, and the noise densities, W/Hz, of its uplinks
     * and downlinks, the interference its cell heard last round added to the thermal noise.
     */
    public record Spectrum(double bandHz, double upDensity, double downDensity, double apPower) {
    }

    /** The spectrum {@code turn}'s scheduler plans on (one cell: the radio's band, noise and power as they are). */
    public Spectrum spectrum(Scenario s, Turn<?> turn) {
        Spectrum thermal = thermal(s, turn);
        if (cells == null) {
            return thermal;
        }
        return new Spectrum(thermal.bandHz(), thermal.upDensity() + turn.heardBefore(true),
                thermal.downDensity() + turn.heardBefore(false), thermal.apPower());
    }

    /** {@code turn}'s cell's band and its access point's power with the thermal noise alone ({@code turn} may be null with one cell). */
    public Spectrum thermal(Scenario s, Turn<?> turn) {
        double n0 = s.radio().noiseDensity();
        if (cells == null) {
            return new Spectrum(s.radio().bandwidth(), n0, n0, s.radio().apPower());
        }
        return new Spectrum(cells.bandHz(), n0, n0, cells.power(turn.cell()));
    }

    /** For {@code context}'s run; {@code unit} names a round in events ({@code round}, {@code cycle}). */
    public static RoundEngine of(RunContext context, String unit) {
        Scenario s = context.scenario();
        if (s.learning() != null && s.learning().evaluated().every() > 1 && s.timeLimit() != null) {
            // The loader says so at the line; this holds scenarios built in code to the same rule.
            throw new IllegalArgumentException("learning.evaluation.every > 1 needs a fixed number of rounds, not a"
                    + " timeLimit: the last round would not be known when it ends");
        }
        Kernel kernel = context.kernel();
        PathGains gains = pathGains(s, context.streams());
        Cells cells = Cells.of(s, kernel, context.streams(), gains);
        Deployment deployment = cells == null ? deployment(s, context.streams(), gains)
                : Deployment.of(cells.placement(), profiles(s, context.streams()));
        int n = deployment.size();
        RoundConditions conditions = conditions(s, deployment, context.streams(), cells == null ? null
                : cells.placement());
        DeviceActivity activity = new DeviceActivity(kernel, slowdowns(s.devices().jitter(), context.streams(), n),
                availability(s.devices().availability(), context.streams(), n), energyLaw(s), s.radio().packetLoss(),
                context.streams(), n);
        RoundLoop.Settings settings = new RoundLoop.Settings(s.rounds(), s.timeLimit(), s.scheduler(), unit);
        RoundLoop.Progress progress = context.progress();
        RoundLoop loop = cells == null ? new RoundLoop(kernel, conditions, activity, settings, progress)
                : new RoundLoop(kernel, conditions, activity, settings, progress, cells.loop(s.cells()));
        loop.reportingLinks(gains);
        Channel channel = new Channel(s.radio().fading().law());
        Double coherenceTime = s.radio().coherenceTime();
        Coherence coherence = coherenceTime == null ? new Coherence(null, null, null) : new Coherence(coherenceTime,
                context.streams().streams(StreamKeys.FADING_BLOCKS_UP, n),
                context.streams().streams(StreamKeys.FADING_BLOCKS_DOWN, n));
        Air air = new Air(channel, coherence, cells, cells == null ? null : cells.medium(), s.radio().bandwidth(),
                s.radio().apPower());
        return new RoundEngine(kernel, deployment, conditions, channel, activity, air, loop, cells);
    }

    /**
     * {@code turn}'s links, made by the channel (through the cells' shared air, in fading blocks,
     * or steady): the same object for every call of one turn, so its blocks are drawn once.
     */
    public Air.Round links(Turn<?> turn) {
        return turn.links(air);
    }

    /** How many cells the run has (1 without a {@code cells} section). */
    public int cellCount() {
        return cells == null ? 1 : cells.count();
    }

    /**
     * Whether the run learns hierarchically: with several cells each cell's edge server aggregates
     * its devices' updates and a cloud those of the cells ({@link EdgeCloud}); with one, the edge server alone.
     */
    public boolean hierarchical() {
        return cells != null;
    }

    /**
     * Whether {@code turn}'s scheduler plans on exactly what the round meets: the conditions it sees
     * are the true ones and its spectrum is the thermal one (no cell's interference heard), so
     * that its view doubles as the round's truth.
     */
    public boolean seesTheTruth(Turn<?> turn) {
        return turn.seen() == turn.truth() && cells == null;
    }

    /** Device {@code k}'s distance to the site serving it now, m. */
    public double distance(int k) {
        return cells == null ? deployment.device(k).distance() : cells.distance(k);
    }

    /** The scenario's energy law: a CPU's kappa_e or a GPU's power, the devices' transmit power. */
    public static EnergyLaw energyLaw(Scenario s) {
        Double kappa = s.devices().cpu() == null ? null : s.devices().cpu().capacitance();
        Double gpu = s.devices().gpu() == null ? null : s.devices().gpu().power();
        return new EnergyLaw(kappa, gpu, s.radio().devicePower());
    }

    /** The scenario's devices, dropped on its cell with their mean compute ({@code compute/device-k}). */
    public static Deployment deployment(Scenario s, RandomStreams streams) {
        return deployment(s, streams, pathGains(s, streams));
    }

    private static Deployment deployment(Scenario s, RandomStreams streams, PathGains gains) {
        return Deployment.drop(new Disk(s.cell().radius(), s.cell().minDistance()), gains,
                profiles(s, streams), streams);
    }

    /** The links' mean gains by the scenario's path-loss law: of distance alone, or TR 38.901's with a state per link. */
    static PathGains pathGains(Scenario s, RandomStreams streams) {
        var spec = s.radio().pathLoss();
        return spec.tr38901() ? new Tr38901Gains(spec.tr38901Settings(), streams) : new LogDistanceGains(spec.law());
    }

    /** The devices' mean compute ({@code compute/device-k}), in device order. */
    private static List<ComputeProfile> profiles(Scenario s, RandomStreams streams) {
        int n = s.deviceCount();
        CpuSpec cpu = s.devices().cpu();
        RandomStream[] speeds = cpu != null ? streams.streams(StreamKeys.SPEED, n) : null;
        List<ComputeProfile> profiles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            GpuSpec gpu = s.devices().gpu();
            profiles.add(cpu != null ? new CpuProfile(cpu.speed().draw(i, n, speeds[i]), cpu.flopsPerCycle())
                    : new GpuProfile(gpu.fixed(), gpu.perSample(), gpu.threshold()));
        }
        return profiles;
    }

    /** The source of the scenario's rounds' conditions for {@code deployment}. */
    public static RoundConditions conditions(Scenario s, Deployment deployment, RandomStreams streams) {
        return conditions(s, deployment, streams, null);
    }

    private static RoundConditions conditions(Scenario s, Deployment deployment, RandomStreams streams,
                                              Placement placement) {
        RadioSpec radio = s.radio();
        return new RoundConditions(new RoundConditions.Laws(radio.fading().law(), radio.shadowing(),
                s.devices().cpu() == null ? 0.0 : s.devices().cpu().speedSigma(), radio.csiError(), radio.csiAge(),
                radio.doppler()), deployment, streams, placement);
    }

    /** {@code devices.jitter} (null: none). */
    static Slowdowns slowdowns(JitterSpec jitter, RandomStreams streams, int n) {
        return jitter == null ? Slowdowns.NONE : Slowdowns.of(jitter.law().equals("exponential"), jitter.mean(), streams,
                n);
    }

    /** {@code devices.availability} (null: always available). */
    static Availability availability(AvailabilitySpec a, RandomStreams streams, int n) {
        if (a == null) {
            return Availability.ALWAYS;
        }
        return a.trace() != null ? Availability.trace(Path.of(a.trace()), n)
                : Availability.onOff(a.dropout(), a.offTime(), streams, n);
    }
}

package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One scenario: where, what radio, which devices, which protocol and scheduler, how many rounds
 * (and, with {@code timeLimit}, no round starting once the simulated clock has passed it, for
 * every protocol), from which master seed, and what is trained ({@code learning}, optional: without it only the
 * clock is simulated), with {@code schedulerOptions} for the schedulers that take them (e.g. PARTEL's
 * {@code proportionalTo}; a scheduler ignores the options it does not take) and the
 * {@code externalSchedulers} it names (commands that plan over standard input and output, by name,
 * usable wherever a scheduler is named); optionally a study around it: a {@code sweep} of parameters with
 * replications and compared schedulers, the {@code figures} drawn from it, and the {@code paper}
 * it reproduces (groups the figures of {@code edgesim reproduce}). A top-level {@code $schema} key
 * (the {@link ScenarioSchema} an editor checks the file against) is read and ignored.
 *
 * @param name               the scenario's name: letters, digits, '.', '_', '-' (it names the results folder)
 * @param description        free text, copied into the manifest
 * @param seed               the master seed every random stream is derived from
 * @param rounds             how many rounds (async MEL: global cycles) at most
 * @param timeLimit          simulated seconds after which no round starts (default: none)
 * @param cell               the cell of one access point: its radius and the devices' least distance
 * @param cells              several cells (sites, reuse, backhaul, mobility) instead of one
 * @param radio              bandwidth, noise, path loss, powers, fading, packet errors
 * @param devices            the devices: count, compute profile, availability, jitter
 * @param protocol           the protocol and its parameters, by {@code type}
 * @param scheduler          the scheduler that plans each round (see {@code edgesim list})
 * @param schedulerOptions   options of the scheduler, by name
 * @param externalSchedulers schedulers run as outside commands, by the name {@code scheduler} may give
 * @param learning           what is trained and on which data (default: nothing, the clock only)
 * @param environment        the reward of {@code edgesim serve}'s step environment
 * @param paper              the paper a study reproduces (groups its figures in {@code reproduce})
 * @param sweep              the parameters swept, replications and schedulers compared
 * @param figures            the figures drawn from the sweep
 * @param claims             the paper's findings checked against the sweep's results
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"$schema"})
public record Scenario(@JsonProperty(required = true) String name,
                       String description,
                       @JsonProperty(required = true) long seed,
                       @JsonProperty(required = true) int rounds,
                       @Unit(Dimension.TIME) Double timeLimit,
                       @JsonProperty(required = true) CellSpec cell,
                       CellsSpec cells,
                       @JsonProperty(required = true) RadioSpec radio,
                       @JsonProperty(required = true) DevicesSpec devices,
                       @JsonProperty(required = true) ProtocolSpec protocol,
                       @JsonProperty(required = true) String scheduler,
                       java.util.Map<String, String> schedulerOptions,
                       java.util.Map<String, ExternalSchedulerSpec> externalSchedulers,
                       LearningSpec learning,
                       EnvironmentSpec environment,
                       String paper,
                       SweepSpec sweep,
                       List<FigureSpec> figures,
                       List<ClaimSpec> claims) {
    public Scenario {
        if (name.length() > 100) {
            throw new InvalidField("name", "is " + name.length() + " characters long; at most 100 (it names the results"
                    + " folder)");
        }
        if (name.isBlank() || !name.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidField("name", "must be letters, digits, '.', '_' or '-' (it names the results folder), got '"
                    + name + "'");
        }
        InvalidField.atLeast("rounds", rounds, 1);
        if (timeLimit != null) {
            InvalidField.positive("timeLimit", timeLimit, Dimension.TIME);
        }
        int needed = protocol.requiredDevices() * (cells == null ? 1 : cells.size());
        if (cells != null) {
            checkCells(cells, radio, protocol);
        }
        if (needed > 0 && devices.count() != null && devices.count() != needed) {
            throw new InvalidField("devices.count", "is " + devices.count() + " but protocol " + protocol.type()
                    + " needs " + needed + " devices" + (cells == null ? "" : " (" + protocol.requiredDevices()
                    + " in each of " + cells.size() + " cells)") + "; remove the count or make them agree");
        }
        if (needed == 0 && devices.count() == null) {
            throw new InvalidField("devices.count", "missing: protocol " + protocol.type() + " needs a device count");
        }
        if (paper != null && !paper.matches("[a-z0-9-]+")) {
            throw new InvalidField("paper", "must be lower-case letters, digits or '-' (it names a folder), got '" + paper + "'");
        }
        figures = figures == null ? null : List.copyOf(figures);
        if (externalSchedulers != null) {
            for (var e : externalSchedulers.entrySet()) {
                if (!e.getKey().matches("[a-z0-9][a-z0-9-]*")) {
                    throw new InvalidField("externalSchedulers." + e.getKey(), "a scheduler's name must be lower-case"
                            + " letters, digits and '-' (it is written in the rows and names runs), got '" + e.getKey()
                            + "'");
                }
                if (e.getValue() == null) {
                    throw new InvalidField("externalSchedulers." + e.getKey(), "must not be null");
                }
            }
            externalSchedulers = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(externalSchedulers));
        }
        if (schedulerOptions != null) {
            for (var e : schedulerOptions.entrySet()) {
                if (e.getValue() == null) {
                    throw new InvalidField("schedulerOptions." + e.getKey(), "must not be null");
                }
            }
            schedulerOptions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(schedulerOptions));
        }
        claims = claims == null ? null : List.copyOf(claims);
        if (claims != null) {
            if (sweep == null) {
                throw new InvalidField("claims", "claims are checked on a sweep's results; add a 'sweep' section");
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (ClaimSpec c : claims) {
                if (!ids.add(c.id())) {
                    throw new InvalidField("claims", "two claims have the id '" + c.id() + "'");
                }
            }
        }
        if (figures != null && sweep == null) {
            throw new InvalidField("figures", "figures are drawn from a sweep; add a 'sweep' section");
        }
        if (radio.pathLoss().tr38901()) {
            checkTr38901(radio.pathLoss(), cell);
            if (radio.shadowing() > 0) {
                throw new InvalidField("radio.shadowing", "is " + radio.shadowing() + " dB, but " + radio.pathLoss().model()
                        + " draws its own shadowing (radio.pathLoss.shadowing): one of them, not both");
            }
            if (radio.mobility() != null && radio.mobility().carrier() != radio.pathLoss().carrier()) {
                throw new InvalidField("radio.mobility.carrier", "is " + radio.mobility().carrier() / 1e9 + " GHz, but"
                        + " radio.pathLoss.carrier is " + radio.pathLoss().carrier() / 1e9 + " GHz: one carrier");
            }
        }
        // The rules between the protocol and the rest of the scenario are the protocol's own.
        protocol.check(devices, learning);
        protocol.checkRadio(radio);
        Integer quorum = protocol.quorum();
        // A fixed topology's quorum is of each cell's devices.
        int count = needed > 0 ? protocol.requiredDevices() : devices.count();
        if (quorum != null && quorum > count) {
            throw new InvalidField("protocol.quorum", "is " + quorum + " but there are only " + count + " devices"
                    + (needed > 0 && cells != null ? " in each cell" : ""));
        }
    }

    /** What several cells ask of the rest of the scenario; the protocol's own rules are its section's. */
    private static void checkCells(CellsSpec cells, RadioSpec radio, ProtocolSpec protocol) {
        protocol.checkCells(cells, radio);
        if (radio.coherenceTime() != null) {
            throw new InvalidField("radio." + (radio.mobility() != null ? "mobility" : "coherenceTime"), "fading"
                    + " blocks shorter than a round are not combined with inter-cell interference; with 'cells' the"
                    + " channel is one draw per round (move devices between rounds with cells.mobility)");
        }
    }

    /** The number of devices, from the protocol's topology (in every cell) or the explicit count. */
    public int deviceCount() {
        int needed = protocol.requiredDevices() * (cells == null ? 1 : cells.size());
        return needed > 0 ? needed : devices.count();
    }

    /**
     * Whether the run has several cells' machinery: more than one site, or one whose
     * devices move; a {@code cells} section of one site whose devices stay is the one-cell run.
     */
    public boolean severalCells() {
        return cells != null && (cells.size() > 1 || cells.mobility() != null);
    }

    /** The scheduler options, empty when there are none. */
    public java.util.Map<String, String> schedulerOptionsOrEmpty() {
        return schedulerOptions == null ? java.util.Map.of() : schedulerOptions;
    }

    /** The same scenario with another scheduler. */
    public Scenario withScheduler(String newScheduler) {
        return new Scenario(name, description, seed, rounds, timeLimit, cell, cells, radio, devices, protocol, newScheduler,
                schedulerOptions, externalSchedulers, learning, environment, paper, sweep, figures, claims);
    }

    /** The single run at the heart of a study: no sweep, no figures. */
    public Scenario single() {
        return new Scenario(name, description, seed, rounds, timeLimit, cell, cells, radio, devices, protocol, scheduler,
                schedulerOptions, externalSchedulers, learning, environment, paper, null, null, null);
    }

    /** The same scenario with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, rounds, timeLimit, cell, cells, radio, devices, protocol, scheduler,
                schedulerOptions, externalSchedulers, learning, environment, paper, sweep, figures, claims);
    }

    /** The same scenario with another number of rounds. */
    public Scenario withRounds(int newRounds) {
        return new Scenario(name, description, seed, newRounds, timeLimit, cell, cells, radio, devices, protocol, scheduler,
                schedulerOptions, externalSchedulers, learning, environment, paper, sweep, figures, claims);
    }

    /** TR 38.901's distance ranges against the cell's: the serving links must lie where the tables hold. */
    private static void checkTr38901(PathLossSpec p, CellSpec cell) {
        var env = org.edgesim.channel.tr38901.Environment.of(p.model());
        if (env.indoor()) {
            double reach = Math.hypot(cell.radius(), p.bsHeight() - p.utHeight());
            if (reach > 150) {
                throw new InvalidField("cell.radius", "is " + cell.radius() + " m, but " + p.model() + "'s path loss"
                        + " holds to a 3D distance of 150 m (Table 7.4.1-1)");
            }
            return;
        }
        if (cell.minDistance() < 10) {
            throw new InvalidField("cell.minDistance", "is " + cell.minDistance() + " m, but " + p.model() + "'s path"
                    + " loss holds from a 2D distance of 10 m (Table 7.4.1-1): write minDistance: 10 m");
        }
        if (cell.radius() > 5000) {
            throw new InvalidField("cell.radius", "is " + cell.radius() + " m, but " + p.model() + "'s path loss"
                    + " holds to 5 km (Table 7.4.1-1)");
        }
    }
}

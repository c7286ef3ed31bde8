package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One scenario: where, what radio, which devices, which protocol and scheduler, how many rounds,
 * from which master seed, and what is trained ({@code learning}, optional: without it only the
 * clock is simulated), with {@code schedulerOptions} for the schedulers that take them (e.g. PARTEL's
 * {@code proportionalTo}; a scheduler ignores the options it does not take) and the
 * {@code externalSchedulers} it names (commands that plan over standard input and output, by name,
 * usable wherever a scheduler is named); optionally a study around it: a {@code sweep} of parameters with
 * replications and compared schedulers, the {@code figures} drawn from it, and the {@code paper}
 * it reproduces (groups the figures of {@code edgesim reproduce}). A top-level {@code $schema} key
 * (the {@link ScenarioSchema} an editor checks the file against) is read and ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"$schema"})
public record Scenario(@JsonProperty(required = true) String name,
                       String description,
                       @JsonProperty(required = true) long seed,
                       @JsonProperty(required = true) int rounds,
                       @JsonProperty(required = true) CellSpec cell,
                       @JsonProperty(required = true) RadioSpec radio,
                       @JsonProperty(required = true) DevicesSpec devices,
                       @JsonProperty(required = true) ProtocolSpec protocol,
                       @JsonProperty(required = true) String scheduler,
                       java.util.Map<String, String> schedulerOptions,
                       java.util.Map<String, ExternalSchedulerSpec> externalSchedulers,
                       LearningSpec learning,
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
        int needed = protocol.requiredDevices();
        if (needed > 0 && devices.count() != null && devices.count() != needed) {
            throw new InvalidField("devices.count", "is " + devices.count() + " but protocol " + protocol.type()
                    + " needs " + needed + " devices; remove the count or make them agree");
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
        if (protocol instanceof PartelSpec p) {
            if (devices.cpu() == null) {
                throw new InvalidField("devices.cpu", "protocol partel computes in CPU cycles; describe the devices with 'cpu'");
            }
            if (learning == null && (p.modelParameters() == null || p.trainingSamples() == null)) {
                throw new InvalidField(p.modelParameters() == null ? "protocol.modelParameters" : "protocol.trainingSamples",
                        "missing: without a 'learning' section nothing is trained, so the clock needs the model size"
                                + " and the training-set size");
            }
        }
        if (protocol instanceof MelSpec m) {
            if (devices.cpu() == null) {
                throw new InvalidField("devices.cpu", "protocol async-mel computes in CPU cycles; describe the learners"
                        + " with 'cpu'");
            }
            if (learning == null && (m.samples() == null || m.modelBits() == null || m.flopsPerSample() == null)) {
                throw new InvalidField(m.samples() == null ? "protocol.samples" : m.modelBits() == null
                        ? "protocol.modelBits" : "protocol.flopsPerSample", "missing: without a 'learning' section"
                        + " the clock needs the samples d, the model size and the FLOPs per sample per update");
            }
            if (learning == null && m.localUpdate().equals(MelSpec.EPOCH)) {
                throw new InvalidField("protocol.localUpdate", "'epoch' says how the model is trained; without a"
                        + " 'learning' section nothing is trained (remove it, or add the section)");
            }
        }
        if (protocol instanceof CpslSpec c) {
            if (devices.cpu() == null) {
                throw new InvalidField("devices.cpu", "protocol cpsl computes in CPU cycles; describe the devices with"
                        + " 'cpu'");
            }
            if (c.scheme().equals(CpslSpec.CPSL) && devices.count() % c.clusterSize() != 0) {
                throw new InvalidField("protocol.clusterSize", "clusters of " + c.clusterSize() + " cannot partition the "
                        + devices.count() + " devices (devices.count must be a multiple of clusterSize)");
            }
            if (c.subcarriers() < c.clusterSize(devices.count()) && !c.scheme().equals(CpslSpec.CL)) {
                throw new InvalidField("protocol.subcarriers", "every device of a cluster needs at least one subcarrier:"
                        + " C = " + c.subcarriers() + " is below the " + c.clusterSize(devices.count()) + " devices of a"
                        + " cluster (scheme " + c.scheme() + ")");
            }
            if (c.scheme().equals(CpslSpec.CL) && learning == null) {
                throw new InvalidField("protocol.scheme", "'cl' (centralised learning) is an accuracy reference; it"
                        + " needs a 'learning' section");
            }
        }
        if (devices.availability() != null && protocol instanceof CpslSpec c && c.scheme().equals(CpslSpec.CL)) {
            throw new InvalidField("devices.availability", "scheme 'cl' trains at the server alone: no device computes"
                    + " to be away from; remove it");
        }
        Integer quorum = protocol.quorum();
        int count = needed > 0 ? needed : devices.count();
        if (quorum != null && quorum > count) {
            throw new InvalidField("protocol.quorum", "is " + quorum + " but there are only " + count + " devices");
        }
        if (protocol instanceof FeelSpec f && learning == null) {
            String missing = f.trainingSamples() == null ? "protocol.trainingSamples"
                    : f.modelParameters() == null && f.latencyModel() == null ? "protocol.modelParameters"
                    : devices.cpu() != null && f.cyclesPerSample() == null && f.latencyModel() == null
                    ? "protocol.cyclesPerSample" : null;
            if (missing != null) {
                throw new InvalidField(missing, "missing: without a 'learning' section nothing is trained, so the clock"
                        + " needs the training-set size, the model size and (on CPUs) the cycles per sample, or a"
                        + " 'latencyModel'");
            }
            int n = devices.count();
            if (f.trainingSamples() / n < f.maxBatch()) {
                throw new InvalidField("protocol.maxBatch", "is " + f.maxBatch() + " but each of the " + n + " devices"
                        + " holds only " + f.trainingSamples() / n + " training samples (protocol.trainingSamples / "
                        + "devices.count); a batch cannot be larger than a device's data");
            }
        }
    }

    /** The number of devices, from the protocol's topology or the explicit count. */
    public int deviceCount() {
        int needed = protocol.requiredDevices();
        return needed > 0 ? needed : devices.count();
    }

    /** The scheduler options, empty when there are none. */
    public java.util.Map<String, String> schedulerOptionsOrEmpty() {
        return schedulerOptions == null ? java.util.Map.of() : schedulerOptions;
    }

    /** The same scenario with another scheduler. */
    public Scenario withScheduler(String newScheduler) {
        return new Scenario(name, description, seed, rounds, cell, radio, devices, protocol, newScheduler,
                schedulerOptions, externalSchedulers, learning, paper, sweep, figures, claims);
    }

    /** The single run at the heart of a study: no sweep, no figures. */
    public Scenario single() {
        return new Scenario(name, description, seed, rounds, cell, radio, devices, protocol, scheduler,
                schedulerOptions, externalSchedulers, learning, paper, null, null, null);
    }

    /** The same scenario with another seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, rounds, cell, radio, devices, protocol, scheduler,
                schedulerOptions, externalSchedulers, learning, paper, sweep, figures, claims);
    }

    /** The same scenario with another number of rounds. */
    public Scenario withRounds(int newRounds) {
        return new Scenario(name, description, seed, newRounds, cell, radio, devices, protocol, scheduler,
                schedulerOptions, externalSchedulers, learning, paper, sweep, figures, claims);
    }
}

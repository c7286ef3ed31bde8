package org.edgesim.simulation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.edgesim.device.AvailabilityTrace;
import org.edgesim.protocol.Protocol;
import org.edgesim.protocol.ProtocolModule;
import org.edgesim.protocol.TrainingData;
import org.edgesim.scenario.AvailabilitySpec;
import org.edgesim.scenario.InvalidField;
import org.edgesim.scenario.ProtocolSection;
import org.edgesim.scenario.Scenario;
import org.edgesim.scenario.ScenarioLoader;
import org.edgesim.sched.SchedulerProvider;
import org.edgesim.sched.SchedulerRegistry;

/** The protocols and schedulers a simulation can use. */
public final class Catalog {
    private final Map<String, Protocol<?>> protocols = new TreeMap<>();
    private final SchedulerRegistry schedulers = new SchedulerRegistry();
    /** Protocols from plug-ins: name to the jar or folder their module came from. */
    private final Map<String, String> pluginProtocols = new TreeMap<>();

    /**
     * The built-in protocols and schedulers, plus the protocol modules and scheduler providers found
     * on the class path. A protocol module not loaded from edgesim's own jar (or class folder) is a
     * plug-in: its schedulers are registered as coming from its jar, and its jar identifies the code
     * of the runs of its protocol ({@link #codeIdentity}), so a changed plug-in is not resumed into
     * its old results.
     */
    public static Catalog standard() {
        Catalog c = new Catalog();
        String own = SchedulerRegistry.originOf(Catalog.class);
        for (ProtocolSection section : ProtocolSection.all()) {
            if (!(section instanceof ProtocolModule module)) {
                throw new IllegalStateException(section.getClass().getName() + " reads protocol section '"
                        + section.type() + "' but is no ProtocolModule: it gives no rounds or schedulers");
            }
            Protocol<?> protocol = module.protocol();
            if (!protocol.name().equals(module.type())) {
                throw new IllegalStateException(module.getClass().getName() + ": section '" + module.type()
                        + "' runs protocol '" + protocol.name() + "'");
            }
            c.addProtocol(protocol);
            String origin = SchedulerRegistry.originOf(module.getClass());
            String from = origin.equals(own) ? SchedulerRegistry.BUILT_IN : origin;
            if (!origin.equals(own)) {
                c.pluginProtocols.put(protocol.name(), origin);
            }
            module.schedulers().forEach(p -> c.schedulers.register(p, from));
        }
        // The thread's loader is the class path's in the launcher; tests and hosts may give their own.
        ClassLoader plugins = Thread.currentThread().getContextClassLoader();
        c.schedulers.registerServiceProviders(plugins != null ? plugins : Catalog.class.getClassLoader(),
                c.protocols.keySet());
        return c;
    }

    /**
     * Every scheduler option must be taken by some scheduler of the protocol (one scenario's
     * options serve all the schedulers it compares), and the scenario's own scheduler must accept
     * the values of those it takes.
     */
    private void checkOptions(Scenario s, String protocol, SchedulerProvider provider) {
        for (String key : s.schedulerOptionsOrEmpty().keySet()) {
            List<String> takers = schedulers.all().stream().filter(p -> p.protocol().equals(protocol)
                    && p.options().containsKey(key)).map(SchedulerProvider::name).toList();
            if (takers.isEmpty()) {
                throw new InvalidField("schedulerOptions." + key, "no scheduler of protocol " + protocol + " takes it;"
                        + " options: " + schedulers.all().stream().filter(p -> p.protocol().equals(protocol))
                        .flatMap(p -> p.options().keySet().stream()).distinct().sorted().toList());
            }
        }
        try {
            Object scheduler = schedulers.create(provider, s.schedulerOptionsOrEmpty());
            Class<?> type = protocols.containsKey(protocol) ? protocols.get(protocol).schedulerType() : Object.class;
            if (!type.isInstance(scheduler)) {
                throw schedulers.madeNone(provider, "it made a " + scheduler.getClass().getName() + ", which is not a "
                        + type.getSimpleName() + " of protocol " + protocol);
            }
        } catch (IllegalArgumentException e) {
            String key = provider.options().keySet().stream().filter(s.schedulerOptionsOrEmpty()::containsKey)
                    .sorted().findFirst().orElse("");
            throw new InvalidField("schedulerOptions" + (key.isEmpty() ? "" : "." + key), e.getMessage());
        }
    }

    /**
     * The code a run of {@code scenario} under {@code schedulers} uses: this build, the plug-in
     * jar its protocol comes from (if a plug-in's), the plug-in jars those schedulers come from,
     * and the files their external commands name (a command's words that are files, relative to
     * the working folder, as the process is started there).
     */
    public org.edgesim.report.CodeIdentity codeIdentity(Scenario scenario, java.util.Collection<String> schedulers) {
        java.util.SortedSet<Path> jars = new java.util.TreeSet<>();
        String protocolOrigin = pluginProtocols.get(scenario.protocol().type());
        if (protocolOrigin != null) {
            SchedulerRegistry.existingPath(protocolOrigin).ifPresent(jars::add);
        }
        java.util.SortedSet<String> scripts = new java.util.TreeSet<>();
        Map<String, org.edgesim.scenario.ExternalSchedulerSpec> external = scenario.externalSchedulers() == null
                ? Map.of() : scenario.externalSchedulers();
        for (String name : schedulers) {
            Optional<SchedulerProvider> p = this.schedulers.find(scenario.protocol().type(), name);
            if (p.isPresent()) {
                this.schedulers.jar(p.get()).ifPresent(jars::add);
            }
            if (external.containsKey(name)) {
                for (String word : external.get(name).command()) {
                    if (isFile(word)) {
                        scripts.add(word);
                    }
                }
            }
        }
        return org.edgesim.report.CodeIdentity.of(List.copyOf(jars), List.copyOf(scripts));
    }

    private static boolean isFile(String word) {
        try {
            return java.nio.file.Files.isRegularFile(Path.of(word));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    public Catalog addProtocol(Protocol<?> p) {
        if (protocols.putIfAbsent(p.name(), p) != null) {
            throw new IllegalStateException("protocol '" + p.name() + "' is registered twice");
        }
        return this;
    }

    public SchedulerRegistry schedulers() {
        return schedulers;
    }

    public List<Protocol<?>> protocols() {
        return List.copyOf(protocols.values());
    }

    public Optional<Protocol<?>> protocol(String name) {
        return Optional.ofNullable(protocols.get(name));
    }

    /**
     * A scenario loader that also checks that the scenario's scheduler exists for its protocol
     * and that the data its {@code learning} section names are there.
     */
    public ScenarioLoader loader() {
        return new ScenarioLoader().withRoundColumns(s -> protocol(s.protocol().type())
                .map(p -> p.roundColumns(s).stream().filter(c -> !c.text()).map(org.edgesim.table.Column::header)
                        .toList()).orElse(null)).withCheck(s -> {
            if (s.learning() != null) {
                TrainingData.checkAvailable(s.learning());
                org.edgesim.scenario.EvaluationSpec e = s.learning().evaluated();
                if (e.every() > 1 && s.timeLimit() != null) {
                    throw new InvalidField("learning.evaluation.every", "needs a run of a fixed number of rounds: with"
                            + " a timeLimit the last round is not known when it ends, and its accuracy would be missing");
                }
            }
            AvailabilitySpec a = s.devices().availability();
            if (a != null && a.trace() != null) {
                try {
                    AvailabilityTrace.read(Path.of(a.trace()), s.deviceCount());
                } catch (IllegalArgumentException e) {
                    throw new InvalidField("devices.availability.trace", e.getMessage());
                }
            }
            String protocol = s.protocol().type();
            Map<String, org.edgesim.scenario.ExternalSchedulerSpec> external = s.externalSchedulers() == null
                    ? Map.of() : s.externalSchedulers();
            for (String name : external.keySet()) {
                if (schedulers.find(protocol, name).isPresent()) {
                    throw new InvalidField("externalSchedulers." + name, "'" + name + "' is already a scheduler of"
                            + " protocol " + protocol + " (" + schedulers.origin(schedulers.find(protocol, name).get())
                            + "); give the external one another name");
                }
            }
            Optional<SchedulerProvider> provider = schedulers.find(protocol, s.scheduler());
            if (provider.isEmpty() && !external.containsKey(s.scheduler())) {
                List<String> known = new java.util.ArrayList<>(schedulers.names(protocol));
                known.addAll(external.keySet());
                throw new InvalidField("scheduler", "unknown scheduler '" + s.scheduler() + "' for protocol " + protocol
                        + "; known: " + known + " (a plug-in's jar goes in plugins/ or EDGESIM_PLUGINS; a program"
                        + " outside the JVM is named in externalSchedulers)");
            }
            if (provider.isPresent()) {
                checkOptions(s, protocol, provider.get());
            }
        });
    }
}

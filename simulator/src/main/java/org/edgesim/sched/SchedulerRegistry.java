package org.edgesim.sched;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Schedulers by (protocol, name). Names are unique within a protocol. */
public final class SchedulerRegistry {
    /** What {@link #origin} says of the schedulers registered by code. */
    public static final String BUILT_IN = "built-in";

    private final List<SchedulerProvider> providers = new ArrayList<>();
    private final java.util.Map<SchedulerProvider, String> origins = new java.util.IdentityHashMap<>();

    /** Registers {@code provider}; a second provider with the same protocol and name is an error. */
    public SchedulerRegistry register(SchedulerProvider provider) {
        return register(provider, BUILT_IN);
    }

    /**
     * Registers {@code provider}, which came from {@code origin} ({@link #BUILT_IN}, or the jar or
     * folder of a plug-in: its code then identifies the runs it schedules).
     */
    public SchedulerRegistry register(SchedulerProvider provider, String origin) {
        Optional<SchedulerProvider> other = find(provider.protocol(), provider.name());
        if (other.isPresent()) {
            String message = "scheduler '" + provider.name() + "' of protocol " + provider.protocol() + " comes twice: "
                    + describe(other.get()) + " and " + describe(provider, origin) + "; remove or rename one";
            if (origin.equals(BUILT_IN)) {
                throw new IllegalStateException(message);
            }
            throw new PluginException(message, true);
        }
        providers.add(provider);
        origins.put(provider, origin);
        return this;
    }

    /**
     * Registers every provider found through {@link ServiceLoader} (a provider is a public class
     * with a public no-argument constructor, named in a jar's
     * {@code META-INF/services/org.edgesim.sched.SchedulerProvider}) for one of {@code protocols}.
     *
     * @throws PluginException naming the jar and the class, if a plug-in cannot be loaded, names
     *                         a protocol not in {@code protocols}, or takes a name already taken
     */
    public SchedulerRegistry registerServiceProviders(ClassLoader loader, java.util.Collection<String> protocols) {
        PluginLoader.load(loader, protocols, this::register);
        return this;
    }

    /**
     * A new scheduler of {@code provider} with {@code options}.
     *
     * @throws IllegalArgumentException as the provider does, for an option's value it refuses
     * @throws PluginException          if the provider fails otherwise, or makes no scheduler
     */
    public Scheduler<?, ?> create(SchedulerProvider provider, java.util.Map<String, String> options) {
        Scheduler<?, ?> scheduler;
        try {
            scheduler = provider.create(options);
        } catch (IllegalArgumentException | VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            throw madeNone(provider, PluginLoader.reason(e));
        }
        if (scheduler == null) {
            throw madeNone(provider, "create() returned null");
        }
        return scheduler;
    }

    /** A provider that made no scheduler, for the reason {@code why}. */
    public PluginException madeNone(SchedulerProvider provider, String why) {
        String origin = origin(provider);
        return new PluginException((origin.equals(BUILT_IN) ? "" : "plug-in " + origin + ": ") + "scheduler '"
                + provider.name() + "' (" + provider.getClass().getName() + ") made no scheduler: " + why, false);
    }

    /** The jar or folder a class was loaded from. */
    public static String originOf(Class<?> type) {
        return PluginLoader.origin(type);
    }

    /** Where a provider came from: {@link #BUILT_IN}, or the jar or folder its class was loaded from. */
    public String origin(SchedulerProvider provider) {
        return origins.getOrDefault(provider, BUILT_IN);
    }

    /** The jar (or class folder) a plug-in's provider was loaded from; empty for a built-in one. */
    public Optional<java.nio.file.Path> jar(SchedulerProvider provider) {
        String origin = origin(provider);
        if (origin.equals(BUILT_IN)) {
            return Optional.empty();
        }
        return existingPath(origin);
    }

    /**
     * An origin ({@link #originOf}) as the jar or folder it names, if it is one that exists (an
     * origin that could not be told as a path, e.g. a URL, is none).
     */
    public static Optional<java.nio.file.Path> existingPath(String origin) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(origin);
            return java.nio.file.Files.exists(p) ? Optional.of(p) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private String describe(SchedulerProvider provider) {
        return describe(provider, origin(provider));
    }

    private static String describe(SchedulerProvider provider, String origin) {
        return origin.equals(BUILT_IN) ? BUILT_IN : origin + " (" + provider.getClass().getName() + ")";
    }

    public Optional<SchedulerProvider> find(String protocol, String name) {
        return providers.stream().filter(p -> p.protocol().equals(protocol) && p.name().equals(name)).findFirst();
    }

    /** Names registered for {@code protocol}, sorted. */
    public List<String> names(String protocol) {
        return providers.stream().filter(p -> p.protocol().equals(protocol)).map(SchedulerProvider::name).sorted().toList();
    }

    /** All providers, by protocol then name. */
    public List<SchedulerProvider> all() {
        return providers.stream()
                .sorted(Comparator.comparing(SchedulerProvider::protocol).thenComparing(SchedulerProvider::name))
                .toList();
    }
}

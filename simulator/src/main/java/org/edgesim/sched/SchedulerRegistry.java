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

    private SchedulerRegistry register(SchedulerProvider provider, String origin) {
        Optional<SchedulerProvider> other = find(provider.protocol(), provider.name());
        if (other.isPresent()) {
            throw new IllegalStateException("scheduler '" + provider.name() + "' is registered twice for protocol "
                    + provider.protocol() + ": by " + origin(other.get()) + " and by " + origin);
        }
        providers.add(provider);
        origins.put(provider, origin);
        return this;
    }

    /**
     * Registers every provider found on the class path through {@link ServiceLoader} (a provider
     * is a public class with a public no-argument constructor, named in a jar's
     * {@code META-INF/services/org.edgesim.sched.SchedulerProvider}).
     */
    public SchedulerRegistry registerServiceProviders(ClassLoader loader) {
        for (SchedulerProvider p : ServiceLoader.load(SchedulerProvider.class, loader)) {
            register(p, where(p));
        }
        return this;
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
        try {
            java.nio.file.Path p = java.nio.file.Path.of(origin);
            return java.nio.file.Files.exists(p) ? Optional.of(p) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }

    private static String where(SchedulerProvider p) {
        java.security.CodeSource source = p.getClass().getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return "the class path";
        }
        try {
            return java.nio.file.Path.of(source.getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return source.getLocation().toString();
        }
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

package org.edgesim.sched;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Schedulers by (protocol, name). Names are unique within a protocol. */
public final class SchedulerRegistry {
    private final List<SchedulerProvider> providers = new ArrayList<>();

    /** Registers {@code provider}; a second provider with the same protocol and name is an error. */
    public SchedulerRegistry register(SchedulerProvider provider) {
        if (find(provider.protocol(), provider.name()).isPresent()) {
            throw new IllegalStateException("scheduler '" + provider.name() + "' is registered twice for protocol "
                    + provider.protocol());
        }
        providers.add(provider);
        return this;
    }

    /** Registers every provider found on the class path through {@link ServiceLoader}. */
    public SchedulerRegistry registerServiceProviders(ClassLoader loader) {
        for (SchedulerProvider p : ServiceLoader.load(SchedulerProvider.class, loader)) {
            register(p);
        }
        return this;
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

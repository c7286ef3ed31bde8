package org.edgesim.sched;

/**
 * A named scheduler for one protocol. Third-party jars implement this and list the class in
 * {@code META-INF/services/org.edgesim.sched.SchedulerProvider}.
 */
public interface SchedulerProvider {
    /** Registry name, as written in a scenario's {@code scheduler:} field. */
    String name();

    /** The protocol whose snapshots and plans it handles (e.g. {@code partel}). */
    String protocol();

    /** One line for {@code edgesim list}. */
    String description();

    /** A new scheduler with its default options; its type must be the protocol's scheduler type. */
    Scheduler<?, ?> create();

    /**
     * The options it takes ({@code schedulerOptions} in a scenario), each with one line saying
     * what it does and its values; none by default.
     */
    default java.util.Map<String, String> options() {
        return java.util.Map.of();
    }

    /**
     * A new scheduler with {@code options} (those of the scenario; the keys it does not take are
     * ignored, since one scenario's options serve every scheduler it compares).
     *
     * @throws IllegalArgumentException naming the option, if a value is not one it accepts
     */
    default Scheduler<?, ?> create(java.util.Map<String, String> options) {
        return create();
    }

    /**
     * A provider from its parts that takes {@code options} (name to description), made by
     * {@code factory} from the scenario's options.
     */
    static SchedulerProvider withOptions(String name, String protocol, String description,
                                         java.util.Map<String, String> options,
                                         java.util.function.Function<java.util.Map<String, String>,
                                                 ? extends Scheduler<?, ?>> factory) {
        // Sorted: Map.copyOf's order changes from one JVM to the next, and options are listed.
        java.util.Map<String, String> taken = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(options));
        return new SchedulerProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String protocol() {
                return protocol;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public Scheduler<?, ?> create() {
                return factory.apply(java.util.Map.of());
            }

            @Override
            public java.util.Map<String, String> options() {
                return taken;
            }

            @Override
            public Scheduler<?, ?> create(java.util.Map<String, String> chosen) {
                return factory.apply(chosen);
            }
        };
    }

    /** A provider from its parts, taking no options. */
    static SchedulerProvider of(String name, String protocol, String description,
                                java.util.function.Supplier<? extends Scheduler<?, ?>> factory) {
        return withOptions(name, protocol, description, java.util.Map.of(), options -> factory.get());
    }
}

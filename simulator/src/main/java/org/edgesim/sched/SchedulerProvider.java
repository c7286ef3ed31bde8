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

    /** A new scheduler; its type must be the protocol's scheduler type. */
    Scheduler<?, ?> create();

    /** A provider from its parts. */
    static SchedulerProvider of(String name, String protocol, String description,
                                java.util.function.Supplier<? extends Scheduler<?, ?>> factory) {
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
                return factory.get();
            }
        };
    }
}

package org.edgesim.kernel;

/**
 * An event's entity with what its activity moved: e.g. {@code device 3} with the 6.4e6 bits of the
 * upload the event ends. It reads as the entity's name; {@link EventObserver}s that trace events
 * also record the amount.
 *
 * @param who    the entity's name
 * @param amount how much
 * @param unit   of what ({@code bit})
 */
public record Work(String who, double amount, String unit) {
    /** {@code bits} moved by {@code who}. */
    public static Work bits(String who, double bits) {
        return new Work(who, bits, "bit");
    }

    @Override
    public String toString() {
        return who;
    }
}

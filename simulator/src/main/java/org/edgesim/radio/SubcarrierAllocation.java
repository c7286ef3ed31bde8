package org.edgesim.radio;

/** Whole subcarriers per device: each {@code >= minimum}, together at most {@code available}. */
public final class SubcarrierAllocation {
    private final int[] counts;
    private final int available;

    public SubcarrierAllocation(int[] counts, int available, int minimum) {
        if (available < 1) {
            throw new IllegalArgumentException("there must be at least one subcarrier, got " + available);
        }
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < minimum) {
                throw new IllegalArgumentException("device " + i + " has " + counts[i] + " subcarriers, fewer than " + minimum);
            }
            sum += counts[i];
        }
        if (sum > available) {
            throw new IllegalArgumentException(sum + " subcarriers allocated but only " + available + " exist");
        }
        this.counts = counts.clone();
        this.available = available;
    }

    public int count(int device) {
        return counts[device];
    }

    public int available() {
        return available;
    }

    public int size() {
        return counts.length;
    }
}

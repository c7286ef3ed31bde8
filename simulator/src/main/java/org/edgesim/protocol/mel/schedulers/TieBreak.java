package org.edgesim.protocol.mel.schedulers;

import java.util.Locale;
import java.util.Map;

/**
 * Which of the allocations with the least maximum staleness {@code ha-async} keeps (scheduler
 * option {@code tieBreak}). The paper minimises the maximum staleness only; among the allocations
 * that reach it the average staleness can differ widely (K = 20 learners, maximum 1: up to about
 * 0.19 to 0.53 by how many learners make the extra update; 0.189 to 0.505 in the shipped drops),
 * and the paper does not say which its suggest-and-improve step keeps. Its Fig. 2b value at K = 20 is near the worst.
 */
public enum TieBreak {
    /** The first allocation the search finds (windows nearest {@code tau*} first): the default, as before the option. */
    FIRST,
    /** The least average staleness among the allocations with the least maximum staleness (exact). */
    LEAST_AVERAGE,
    /** The most average staleness among them (exact): the worst tie, the paper's Fig. 2b reading. */
    WORST;

    /** The scheduler option that chooses the tie-break. */
    public static final String OPTION = "tieBreak";

    /** The option's description, for {@code edgesim list}. */
    public static Map<String, String> options() {
        return Map.of(OPTION, "first (the first allocation with the least maximum staleness that the search finds),"
                + " least-average or worst (the least or most average staleness among those allocations, exact);"
                + " default first");
    }

    /** The tie-break the options name; {@link #FIRST} when they name none. */
    public static TieBreak of(Map<String, String> options) {
        String value = options.get(OPTION);
        if (value == null) {
            return FIRST;
        }
        for (TieBreak t : values()) {
            if (t.label().equals(value)) {
                return t;
            }
        }
        throw new IllegalArgumentException("must be 'first', 'least-average' or 'worst' (which of the allocations with"
                + " the least maximum staleness to keep), got '" + value + "'");
    }

    /** The name in a scenario file. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

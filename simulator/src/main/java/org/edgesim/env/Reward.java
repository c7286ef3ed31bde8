package org.edgesim.env;

import java.util.List;
import org.edgesim.round.CommonRow;

/**
 * What a step is worth: {@code -latency} (the round's realised latency, s, negated) or
 * {@code -latency-energy} ({@code -(latency + lambda energy)}, energy in J, {@code lambda} in s/J).
 * With several cells a round lasts as long as its longest cell and spends all their energy.
 *
 * @param name   {@link #LATENCY} or {@link #LATENCY_ENERGY}
 * @param lambda seconds a joule is worth, with {@link #LATENCY_ENERGY}
 */
public record Reward(String name, double lambda) {
    public static final String LATENCY = "-latency";
    public static final String LATENCY_ENERGY = "-latency-energy";
    public static final List<String> NAMES = List.of(LATENCY, LATENCY_ENERGY);

    public Reward {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("reward must be one of " + NAMES + ", got '" + name + "'");
        }
        if (name.equals(LATENCY_ENERGY) && !(lambda >= 0 && Double.isFinite(lambda))) {
            throw new IllegalArgumentException("reward " + LATENCY_ENERGY + " needs lambda >= 0 (s/J), got " + lambda);
        }
    }

    /** The default: the round's latency, negated. */
    public static final Reward DEFAULT = new Reward(LATENCY, 0);

    /** The round's reward from its cells' common columns. */
    public double of(List<CommonRow> cells) {
        double latency = 0;
        double energy = 0;
        for (CommonRow r : cells) {
            latency = Math.max(latency, r.realised());
            energy += r.energy();
        }
        return name.equals(LATENCY) ? -latency : -(latency + lambda * energy);
    }
}

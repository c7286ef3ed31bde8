package org.edgesim.env;

import java.util.List;
import org.edgesim.round.CommonRow;
import org.edgesim.scenario.EnvironmentSpec;

/**
 * What a step is worth: {@code -latency} (the round's realised latency, s, negated),
 * {@code -latency-energy} ({@code -(latency + lambda energy)}, energy in J, {@code lambda} in s/J)
 * or {@code accuracy-gain-per-s} (the test accuracy's gain over the round per second of it), as the
 * scenario's {@code environment} section or a {@code make} request names it. With several cells a
 * round would last as long as its longest cell and spend all their energy.
 *
 * @param name   one of {@link EnvironmentSpec#REWARDS}
 * @param lambda seconds a joule is worth, with {@link EnvironmentSpec#LATENCY_ENERGY}
 */
public record Reward(String name, double lambda) {
    public Reward {
        EnvironmentSpec checked = new EnvironmentSpec(name, lambda);
        name = checked.reward();
    }

    /** The reward a scenario names (its {@code environment} section; none: {@link #DEFAULT}). */
    public static Reward of(EnvironmentSpec spec) {
        return spec == null ? DEFAULT : new Reward(spec.reward(), spec.lambda());
    }

    /** The default: the round's latency, negated. */
    public static final Reward DEFAULT = of(EnvironmentSpec.DEFAULT);

    /** Whether it counts energy. */
    public boolean energy() {
        return name.equals(EnvironmentSpec.LATENCY_ENERGY);
    }

    /** Whether it rewards accuracy (which the round must have evaluated as it ended). */
    public boolean accuracy() {
        return name.equals(EnvironmentSpec.ACCURACY_GAIN);
    }

    /** The round's reward from its cells' common columns and the accuracy it gained ({@code gain}, with {@link #accuracy}). */
    public double of(List<CommonRow> cells, double gain) {
        double latency = 0;
        double energy = 0;
        for (CommonRow r : cells) {
            latency = Math.max(latency, r.realised());
            energy += r.energy();
        }
        return accuracy() ? gain / latency : energy() ? -(latency + lambda * energy) : -latency;
    }
}

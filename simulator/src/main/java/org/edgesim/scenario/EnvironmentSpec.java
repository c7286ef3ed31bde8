package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a step of {@code edgesim serve}'s environment is worth, when a learning scheduler drives the
 * scenario round by round ({@code environment}; a {@code make} request may name another):
 * {@code -latency}, the round's realised latency negated (s); or {@code -latency-energy},
 * {@code -(latency + lambda energy)}, with the devices' energy in J and {@code lambda} in s/J
 * (needs an energy model); or {@code accuracy-gain-per-s}, the test accuracy's gain over the round
 * divided by its realised latency, {@code (a_r - a_{r-1}) / latency_r} with {@code a_0 = 0} (needs a
 * {@code learning} section evaluated every round, and a protocol that evaluates as each round ends:
 * FEEL and CPSL do; PARTEL trains once the clock has run). Ignored by {@code run}, {@code sweep} and
 * {@code reproduce}.
 *
 * @param reward {@link #LATENCY} (default), {@link #LATENCY_ENERGY} or {@link #ACCURACY_GAIN}
 * @param lambda seconds a joule is worth, s/J (default 0)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentSpec(String reward, Double lambda) {
    public static final String LATENCY = "-latency";
    public static final String LATENCY_ENERGY = "-latency-energy";
    public static final String ACCURACY_GAIN = "accuracy-gain-per-s";
    public static final List<String> REWARDS = List.of(LATENCY, LATENCY_ENERGY, ACCURACY_GAIN);

    public EnvironmentSpec {
        reward = reward == null ? LATENCY : reward;
        if (!REWARDS.contains(reward)) {
            throw new InvalidField("reward", "must be one of " + REWARDS + ", got '" + reward + "'");
        }
        lambda = lambda == null ? 0.0 : lambda;
        if (!(lambda >= 0) || !Double.isFinite(lambda)) {
            throw new InvalidField("lambda", "must be a finite number >= 0 (seconds a joule is worth), got " + lambda);
        }
    }

    /** The round's latency, negated. */
    public static final EnvironmentSpec DEFAULT = new EnvironmentSpec(LATENCY, 0.0);
}

package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Compute jitter: every computation (a gradient, a local update, a forward or backward pass) takes
 * its nominal time times {@code 1 + X}, with {@code X >= 0} drawn afresh per computation:
 * {@code exponential} of mean {@code mean}, or {@code uniform} on {@code [0, 2 mean]}.
 *
 * @param law  {@code exponential} or {@code uniform}
 * @param mean mean slowdown {@code E[X]}, e.g. 0.2 (20% longer on average)
 */
public record JitterSpec(@JsonProperty(required = true) String law, @JsonProperty(required = true) double mean) {
    public static final List<String> LAWS = List.of("exponential", "uniform");

    public JitterSpec {
        if (!LAWS.contains(law)) {
            throw new InvalidField("law", "must be one of " + LAWS + ", got '" + law + "'");
        }
        InvalidField.nonNegative("mean", mean, Dimension.COUNT);
    }
}

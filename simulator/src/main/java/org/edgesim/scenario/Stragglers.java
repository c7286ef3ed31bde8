package org.edgesim.scenario;

import java.util.List;

/**
 * A protocol's straggler policy, the fields {@code straggler}, {@code deadlineFactor} and
 * {@code quorum} of its section, validated alike for every protocol: {@code wait-all} (the
 * papers': the server waits for every update), {@code deadline} (the server goes on at
 * {@code deadlineFactor} times the phase's planned length, default 1.5, and drops what is late) or
 * {@code quorum} (over-selection: the server goes on with the first {@code quorum} updates).
 *
 * @param policy         one of {@link #WAIT_ALL}, {@link #DEADLINE}, {@link #QUORUM}
 * @param deadlineFactor with {@code deadline}, else null
 * @param quorum         with {@code quorum}, else null
 */
public record Stragglers(String policy, Double deadlineFactor, Integer quorum) {
    public static final String WAIT_ALL = "wait-all";
    public static final String DEADLINE = "deadline";
    public static final String QUORUM = "quorum";

    /**
     * The policy the fields describe, defaults filled in.
     *
     * @param quorumAllowed whether the protocol models over-selection
     * @param protocol      the protocol's name, for the error when it does not
     * @throws InvalidField naming the field and the rule broken
     */
    public static Stragglers of(String straggler, Double deadlineFactor, Integer quorum, boolean quorumAllowed,
                                String protocol) {
        String policy = straggler == null ? WAIT_ALL : straggler;
        List<String> allowed = quorumAllowed ? List.of(WAIT_ALL, DEADLINE, QUORUM) : List.of(WAIT_ALL, DEADLINE);
        if (!allowed.contains(policy)) {
            throw new InvalidField("straggler", "must be " + (quorumAllowed ? "'wait-all', 'deadline' or 'quorum'"
                    : "'wait-all' or 'deadline' (protocol " + protocol + " has no over-selection)") + ", got '"
                    + policy + "'");
        }
        if ((quorum != null) != policy.equals(QUORUM)) {
            throw new InvalidField("quorum", quorum == null ? "missing: the 'quorum' policy needs the number of updates"
                    + " to wait for" : "only the 'quorum' straggler policy has a quorum");
        }
        if (quorum != null) {
            InvalidField.atLeast("quorum", quorum, 1);
        }
        if (deadlineFactor != null && !policy.equals(DEADLINE)) {
            throw new InvalidField("deadlineFactor", "only the 'deadline' straggler policy has a deadline");
        }
        Double factor = !policy.equals(DEADLINE) ? null : deadlineFactor == null ? 1.5
                : InvalidField.positive("deadlineFactor", deadlineFactor, Dimension.COUNT);
        return new Stragglers(policy, factor, quorum);
    }

    /** The deadline from the phase's start, {@code deadlineFactor} times its planned length; infinite without one. */
    public double deadline(double planned) {
        return policy.equals(DEADLINE) ? deadlineFactor * planned : Double.POSITIVE_INFINITY;
    }

    /** Whether this is the papers' policy: the server waits for every update. */
    public boolean waitsForAll() {
        return policy.equals(WAIT_ALL);
    }

    /**
     * How many updates the server waits for out of {@code n}: the quorum, or all of them when there
     * are no more (a cell serving fewer devices than the quorum, with several cells).
     */
    public int quorum(int n) {
        return quorum == null ? n : Math.min(quorum, n);
    }
}

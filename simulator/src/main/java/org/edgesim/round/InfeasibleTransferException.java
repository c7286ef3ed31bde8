package org.edgesim.round;

/**
 * A transfer that cannot end within any time a scenario may state: its link is too weak (a rate
 * that 100-200 dB of shadowing leaves). Bad input, like the protocols' infeasible scenarios; it
 * lives here because the round engine knows no protocol.
 */
public final class InfeasibleTransferException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InfeasibleTransferException(String reason) {
        super(reason);
    }
}

package org.edgesim.protocol;

/**
 * A scenario that no schedule can run, and why (a device that can never finish its transfer, a
 * batch larger than a device's data, ...). The CLI reports it as bad input (exit 2).
 */
public class InfeasibleScenarioException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InfeasibleScenarioException(String reason) {
        super(reason);
    }
}

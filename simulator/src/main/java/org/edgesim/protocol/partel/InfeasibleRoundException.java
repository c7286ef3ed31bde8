package org.edgesim.protocol.partel;

/**
 * A PARTEL round no allocation can complete, and why: a worker that can never compute or upload
 * its block, or a model with fewer parameters than groups. Names the worker where there is one.
 */
public final class InfeasibleRoundException extends org.edgesim.protocol.InfeasibleScenarioException {
    private static final long serialVersionUID = 1L;
    private final int worker;

    public InfeasibleRoundException(int worker, String reason) {
        super((worker >= 0 ? "infeasible round: worker " + worker + " " : "infeasible round: ") + reason);
        this.worker = worker;
    }

    /** The worker at fault, or -1 if the round as a whole is infeasible. */
    public int worker() {
        return worker;
    }
}

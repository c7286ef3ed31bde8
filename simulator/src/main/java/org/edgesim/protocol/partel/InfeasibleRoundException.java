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

    /** A plan longer than the scenario's latency budget ends the run, naming the worker that finishes last. */
    static void checkBudget(Double budget, String scheduler, PartelSnapshot s, PartelPlan plan) {
        if (budget == null || plan.plannedLatencyS() <= budget) {
            return;
        }
        Worker last = s.workers().get(0);
        double worst = -1;
        for (Worker w : s.workers()) {
            double t = s.workerLatency(w, plan.block(w.group()), plan.share(w.index()));
            if (t > worst) {
                worst = t;
                last = w;
            }
        }
        double block = plan.block(last.group());
        double share = plan.share(last.index());
        throw new InfeasibleRoundException(last.index(), String.format(java.util.Locale.ROOT,
                "(group %d) of round %d finishes after %.4g s under scheduler %s, over the latency budget of %.4g s:"
                        + " push %.4g s, compute %.4g s (%d parameters, %d samples, %.3g GHz), upload %.4g s"
                        + " (bandwidth share %.3g)", last.group(), s.round(), worst, scheduler, budget,
                s.pushTime(), s.computeTime(last, block), (long) block, last.samples(), last.speedHz() / 1e9,
                s.uploadTime(last, block, share), share));
    }
}

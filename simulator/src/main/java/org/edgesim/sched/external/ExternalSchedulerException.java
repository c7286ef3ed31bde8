package org.edgesim.sched.external;

/**
 * An external scheduler failed: its answer was not a plan ({@link #badAnswer()}: not JSON, a
 * missing field, a plan that breaks a rule: bad input, exit 2), or its process could not start,
 * died or did not answer in time (exit 1). The message is one line naming the scheduler and the
 * round.
 */
public final class ExternalSchedulerException extends RuntimeException {
    private final boolean badAnswer;

    public ExternalSchedulerException(String message, boolean badAnswer) {
        super(message);
        this.badAnswer = badAnswer;
    }

    /** Whether the process answered, but not with a valid plan. */
    public boolean badAnswer() {
        return badAnswer;
    }
}

package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A scheduler outside the JVM ({@code externalSchedulers.<name>} in a scenario): a command started
 * once per run, in edgesim's working folder, that reads each round's snapshot as one JSON line on
 * its standard input and answers the plan as one JSON line on its standard output.
 *
 * @param command     the program and its arguments, e.g. {@code [python3, my_scheduler.py]}
 * @param timeout     s, how long one answer may take (default 60 s); a process that takes longer
 *                    is stopped and the run fails
 * @param description one line for messages (optional)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExternalSchedulerSpec(@JsonProperty(required = true) List<String> command,
                                    @Unit(Dimension.TIME) Double timeout,
                                    String description) {
    /** The default time one answer may take, s. */
    public static final double DEFAULT_TIMEOUT_S = 60;

    public ExternalSchedulerSpec {
        if (command.isEmpty() || command.stream().anyMatch(c -> c == null || c.isEmpty())) {
            throw new InvalidField("command", "must name a program (and its arguments), e.g. [python3, my_scheduler.py]");
        }
        command = List.copyOf(command);
        if (timeout != null && !(timeout > 0)) {
            throw new InvalidField("timeout", "must be > 0 s, got " + timeout + " s");
        }
    }

    /** The answer timeout, s. */
    public double timeoutS() {
        return timeout == null ? DEFAULT_TIMEOUT_S : timeout;
    }
}

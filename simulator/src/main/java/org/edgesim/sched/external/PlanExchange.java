package org.edgesim.sched.external;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/**
 * Where a protocol's scheduler gets its plans from outside Java: the round's snapshot as JSON goes
 * out, a plan comes back as JSON and is decoded (and checked) by {@code decode}. An external
 * process answers ({@link ExternalProcess}); so does a step environment driven from Python
 * ({@code edgesim serve}).
 */
@FunctionalInterface
public interface PlanExchange {
    /** The plan of round {@code round}, asked with {@code snapshot}, as {@code decode} reads it. */
    <P> P exchange(int round, JsonNode snapshot, Function<JsonNode, P> decode);
}

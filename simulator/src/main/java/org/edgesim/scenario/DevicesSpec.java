package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The device population: how many (optional where the protocol fixes it) and exactly one
 * compute kind, {@code cpu} or {@code gpu}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DevicesSpec(Integer count, CpuSpec cpu, GpuSpec gpu) {
    public DevicesSpec {
        if (count != null) {
            InvalidField.atLeast("count", count, 1);
        }
        if ((cpu == null) == (gpu == null)) {
            throw new InvalidField(cpu == null ? "cpu" : "gpu", "give exactly one of 'cpu' and 'gpu'");
        }
    }
}

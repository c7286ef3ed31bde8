package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The device population: how many (optional where the protocol fixes it), exactly one compute
 * kind, {@code cpu} or {@code gpu}, and optionally their {@code availability} (dropouts and outages; every protocol)
 * and compute {@code jitter} (every protocol).
 *
 * @param count        how many devices (optional where the protocol fixes it)
 * @param cpu          CPU devices: clock speeds and energy (exclusive with {@code gpu})
 * @param gpu          GPU devices: profile and power (exclusive with {@code cpu})
 * @param availability dropouts and outages
 * @param jitter       random spread of compute times
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DevicesSpec(Integer count, CpuSpec cpu, GpuSpec gpu, AvailabilitySpec availability, JitterSpec jitter) {
    /** Always-available devices computing in their nominal times. */
    public DevicesSpec(Integer count, CpuSpec cpu, GpuSpec gpu) {
        this(count, cpu, gpu, null, null);
    }

    public DevicesSpec {
        if (count != null) {
            InvalidField.atLeast("count", count, 1);
        }
        if ((cpu == null) == (gpu == null)) {
            throw new InvalidField(cpu == null ? "cpu" : "gpu", "give exactly one of 'cpu' and 'gpu'");
        }
    }
}

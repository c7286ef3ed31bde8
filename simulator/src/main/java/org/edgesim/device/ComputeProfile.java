package org.edgesim.device;

/** How long a device takes to compute. */
public sealed interface ComputeProfile permits CpuProfile, GpuProfile {
}

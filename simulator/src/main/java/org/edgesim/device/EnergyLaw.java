package org.edgesim.device;

/**
 * What a device's work costs: computing draws {@code kappa_e f^3} watts on a CPU at clock
 * {@code f} ({@code kappa_e f^2} joules per cycle, {@code devices.cpu.capacitance}) or the board's
 * power on a GPU ({@code devices.gpu.power}); transmitting draws {@code transmitPower} watts.
 * Without a computing law nothing is metered (energy is NaN).
 *
 * @param capacitance   kappa_e of the CPUs, or null
 * @param gpuPower      W of the GPUs while computing, or null
 * @param transmitPower W while a device transmits
 */
public record EnergyLaw(Double capacitance, Double gpuPower, double transmitPower) {
    /** No energy model. */
    public static final EnergyLaw NONE = new EnergyLaw(null, null, 0.0);

    /** Whether energy is metered. */
    public boolean modelled() {
        return capacitance != null || gpuPower != null;
    }

    /**
     * The energy of {@code seconds} of nominal (jitter-free) computing at clock {@code speedHz} (NaN on
     * a GPU): {@code kappa_e f^2 (f t)} on a CPU, {@code P t} on a GPU.
     */
    public double computing(double speedHz, double seconds) {
        if (capacitance != null) {
            return capacitance * speedHz * speedHz * (seconds * speedHz);
        }
        return gpuPower == null ? Double.NaN : gpuPower * seconds;
    }

    /** The energy of {@code seconds} of transmitting. */
    public double transmitting(double seconds) {
        return transmitPower * seconds;
    }
}

package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.edgesim.radio.Doppler;

/**
 * The radio environment.
 *
 * @param bandwidth    system bandwidth, Hz ({@code 100 MHz})
 * @param noiseDensity noise power spectral density, W/Hz ({@code -174 dBm/Hz})
 * @param pathLoss     path-loss law, default {@code urban-macro}
 * @param fading       {@code rayleigh} (default), {@code none}, {@code {law: rician, kFactor: 6 dB}} or
 *                     {@code {law: nakagami, m: 2}}; block fading, redrawn every round
 * @param shadowing    standard deviation of per-round Gaussian shadowing, dB (default 0)
 * @param apPower      access-point transmit power, W ({@code 46 dBm})
 * @param devicePower  device transmit power, W ({@code 24 dBm})
 * @param csiError     imperfect channel knowledge: the schedulers see every gain (or SNR) times a
 *                     per-round log-normal error of this standard deviation, dB, while the
 *                     transfers run on the true channel (default 0: perfect knowledge)
 * @param coherenceTime  fading blocks shorter than a round: the channel is redrawn every this many
 *                     seconds from the round's start, and a transfer integrates its rate over the
 *                     blocks it spans (default: {@code 0.423 / f_D} with {@code mobility}, else none,
 *                     one draw per round as in the papers)
 * @param mobility     devices moving at {@code speed} on {@code carrier}: the Doppler frequency sets
 *                     the default coherence time and how fast {@code csiAge} decorrelates
 * @param csiAge       outdated channel knowledge: the schedulers see the channel as it was this long
 *                     before, whose complex gain has correlation {@code J_0(2 pi f_D csiAge)} with
 *                     the true one (default 0: fresh); needs {@code mobility}
 * @param packetErrorRate packet loss: every transfer of every protocol goes in packets of
 *                     {@code packetBits}, each lost with this probability and resent until received
 *                     (ARQ); the resent bits take airtime and energy (default 0: none)
 * @param packetBits   bits per packet (default 12,000: a 1,500-byte frame)
 */
public record RadioSpec(@JsonProperty(required = true) @Unit(Dimension.FREQUENCY) double bandwidth,
                        @JsonProperty(required = true) @Unit(Dimension.POWER_DENSITY) double noiseDensity,
                        PathLossSpec pathLoss,
                        FadingSpec fading,
                        @Unit(Dimension.DECIBEL) Double shadowing,
                        @JsonProperty(required = true) @Unit(Dimension.POWER) double apPower,
                        @JsonProperty(required = true) @Unit(Dimension.POWER) double devicePower,
                        @Unit(Dimension.DECIBEL) Double csiError,
                        @Unit(Dimension.TIME) Double coherenceTime,
                        MobilitySpec mobility,
                        @Unit(Dimension.TIME) Double csiAge,
                        Double packetErrorRate,
                        @Unit(Dimension.DATA) Double packetBits) {
    public RadioSpec {
        InvalidField.positive("bandwidth", bandwidth, Dimension.FREQUENCY);
        InvalidField.positive("noiseDensity", noiseDensity, Dimension.POWER_DENSITY);
        InvalidField.positive("apPower", apPower, Dimension.POWER);
        InvalidField.positive("devicePower", devicePower, Dimension.POWER);
        pathLoss = pathLoss == null ? PathLossSpec.ofPreset("urban-macro") : pathLoss;
        fading = fading == null ? FadingSpec.ofName("rayleigh") : fading;
        shadowing = shadowing == null ? 0.0 : InvalidField.nonNegative("shadowing", shadowing, Dimension.DECIBEL);
        csiError = csiError == null ? 0.0 : InvalidField.nonNegative("csiError", csiError, Dimension.DECIBEL);
        if (coherenceTime != null) {
            InvalidField.positive("coherenceTime", coherenceTime, Dimension.TIME);
        } else if (mobility != null) {
            coherenceTime = doppler(mobility).coherenceTime();
        }
        packetErrorRate = packetErrorRate == null ? 0.0 : packetErrorRate;
        if (!(packetErrorRate >= 0 && packetErrorRate < 1)) {
            throw new InvalidField("packetErrorRate", "must be in [0, 1) (a packet lost every time is never"
                    + " delivered), got " + packetErrorRate);
        }
        packetBits = packetBits == null ? 12_000.0 : InvalidField.positive("packetBits", packetBits, Dimension.DATA);
        csiAge = csiAge == null ? 0.0 : InvalidField.nonNegative("csiAge", csiAge, Dimension.TIME);
        if (csiAge > 0 && mobility == null) {
            throw new InvalidField("csiAge", "needs radio.mobility ({speed: 3 km/h, carrier: 2.4 GHz}): the Doppler"
                    + " frequency sets how far the channel has moved from what the schedulers saw");
        }
        if (csiAge > 0 && !fading.classic()) {
            throw new InvalidField("csiAge", "needs rayleigh fading (or none): the outdated channel is drawn as a"
                    + " Jakes-correlated complex Gaussian, which a " + fading.name() + " law is not");
        }
    }

    /** The packet loss of every transfer ({@code packetErrorRate}, {@code packetBits}). */
    public org.edgesim.radio.PacketLoss packetLoss() {
        return new org.edgesim.radio.PacketLoss(packetErrorRate, packetBits);
    }

    /** The devices' Doppler ({@code mobility}); null when they do not move. */
    public Doppler doppler() {
        return mobility == null ? null : doppler(mobility);
    }

    private static Doppler doppler(MobilitySpec m) {
        return new Doppler(m.speed(), m.carrier());
    }
}

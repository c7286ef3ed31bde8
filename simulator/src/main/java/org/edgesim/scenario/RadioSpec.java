package org.edgesim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.edgesim.radio.Fading;

/**
 * The radio environment.
 *
 * @param bandwidth    system bandwidth, Hz ({@code 100 MHz})
 * @param noiseDensity noise power spectral density, W/Hz ({@code -174 dBm/Hz})
 * @param pathLoss     path-loss law, default {@code urban-macro}
 * @param fading       {@code rayleigh} (default) or {@code none}; block fading, redrawn every round
 * @param shadowing    standard deviation of per-round Gaussian shadowing, dB (default 0)
 * @param apPower      access-point transmit power, W ({@code 46 dBm})
 * @param devicePower  device transmit power, W ({@code 24 dBm})
 * @param csiError     imperfect channel knowledge: the schedulers see every gain (or SNR) times a
 *                     per-round log-normal error of this standard deviation, dB, while the
 *                     transfers run on the true channel (default 0: perfect knowledge)
 * @param coherenceTime  fading blocks shorter than a round: the channel is redrawn every this many
 *                     seconds from the round's start, and a transfer integrates its rate over the
 *                     blocks it spans (default none: one draw per round, as in the papers)
 */
public record RadioSpec(@JsonProperty(required = true) @Unit(Dimension.FREQUENCY) double bandwidth,
                        @JsonProperty(required = true) @Unit(Dimension.POWER_DENSITY) double noiseDensity,
                        PathLossSpec pathLoss,
                        Fading fading,
                        @Unit(Dimension.DECIBEL) Double shadowing,
                        @JsonProperty(required = true) @Unit(Dimension.POWER) double apPower,
                        @JsonProperty(required = true) @Unit(Dimension.POWER) double devicePower,
                        @Unit(Dimension.DECIBEL) Double csiError,
                        @Unit(Dimension.TIME) Double coherenceTime) {
    public RadioSpec {
        InvalidField.positive("bandwidth", bandwidth, Dimension.FREQUENCY);
        InvalidField.positive("noiseDensity", noiseDensity, Dimension.POWER_DENSITY);
        InvalidField.positive("apPower", apPower, Dimension.POWER);
        InvalidField.positive("devicePower", devicePower, Dimension.POWER);
        pathLoss = pathLoss == null ? PathLossSpec.ofPreset("urban-macro") : pathLoss;
        fading = fading == null ? Fading.RAYLEIGH : fading;
        shadowing = shadowing == null ? 0.0 : InvalidField.nonNegative("shadowing", shadowing, Dimension.DECIBEL);
        csiError = csiError == null ? 0.0 : InvalidField.nonNegative("csiError", csiError, Dimension.DECIBEL);
        if (coherenceTime != null) {
            InvalidField.positive("coherenceTime", coherenceTime, Dimension.TIME);
        }
    }
}

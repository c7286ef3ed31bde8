package org.edgesim.protocol.feel;

import org.edgesim.channel.AnalogAggregation;

/**
 * What a scheduler of over-the-air aggregation ({@code protocol.aggregation: aircomp}) sees of the
 * round besides FEEL's snapshot: the analog sum's resources and each device's place and large-scale
 * gain, in the snapshot's device order.
 *
 * @param subcarriers  {@code M}
 * @param bandHz       {@code B}
 * @param noiseDensity {@code N_0}, W/Hz
 * @param powerW       a device's transmit power {@code P}, W
 * @param rayleigh     Rayleigh fading per subcarrier (else none)
 * @param coordinates  {@code q}: the gradient's coordinates, one per subcarrier and symbol
 * @param cellRadiusM  the cell's radius {@code R}, m
 * @param distanceM    per device, its distance to the access point, m
 * @param largeScale   per device, its large-scale power gain (path loss and shadowing)
 */
public record AirCompView(int subcarriers, double bandHz, double noiseDensity, double powerW, boolean rayleigh,
                          long coordinates, double cellRadiusM, double[] distanceM, double[] largeScale) {
    public AirCompView {
        if (distanceM.length != largeScale.length) {
            throw new IllegalArgumentException(distanceM.length + " distances, " + largeScale.length + " gains");
        }
        distanceM = distanceM.clone();
        largeScale = largeScale.clone();
    }

    /** The settings of an aggregation at truncation threshold {@code threshold}. */
    public AnalogAggregation.Settings settings(double threshold) {
        return new AnalogAggregation.Settings(subcarriers, bandHz, noiseDensity, powerW, threshold, rayleigh);
    }

    /** The airtime of one aggregation, {@code ceil(q / M) M / B}, s: the same for any number of devices. */
    public double airtimeS() {
        return AnalogAggregation.airtimeS(coordinates, subcarriers, bandHz);
    }

    public double distance(int k) {
        return distanceM[k];
    }

    public double largeScale(int k) {
        return largeScale[k];
    }
}

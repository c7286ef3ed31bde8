package org.edgesim.protocol.fdma;

/**
 * What an FDMA scheduler sees of a round (in device order).
 *
 * @param round        1-based
 * @param bandHz       the band {@code W} the shares split
 * @param powerW       a device's transmit power
 * @param noiseDensity the noise density it plans on, W/Hz (with several cells, last round's interference added)
 * @param modelBits    bits of one upload
 * @param computeS     each device's computation
 * @param largeScale   per device, its large-scale power gain as seen
 */
public record FdmaSnapshot(int round, double bandHz, double powerW, double noiseDensity, double modelBits,
                           double computeS, double[] largeScale) {
    public FdmaSnapshot {
        largeScale = largeScale.clone();
    }

    public int size() {
        return largeScale.length;
    }
}

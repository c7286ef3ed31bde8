package org.edgesim.protocol;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.radio.BlockClock;
import org.edgesim.radio.Fading;
import org.edgesim.radio.PiecewiseRate;
import umontreal.ssj.rng.RandomStream;

/**
 * One round's small-scale fading in blocks of {@code radio.coherenceTime}, counted from the
 * round's start: device {@code k}'s gain in block {@code j} is drawn (unit-mean exponential under
 * Rayleigh fading; 1 without fading) from its stream in block order as transfers reach the block,
 * and is common to its uplink and downlink (time-division duplex). A link of mean SNR {@code snr}
 * on bandwidth {@code W} then has rate {@code W log2(1 + snr g)} in the block.
 */
public final class FadingBlocks {
    private final BlockClock clock;
    private final Fading fading;
    private final RandomStream[] streams;
    private final List<List<Double>> gains = new ArrayList<>();

    public FadingBlocks(double coherence, Fading fading, RandomStream[] streams, double start) {
        this.clock = new BlockClock(start, coherence);
        this.fading = fading;
        this.streams = streams;
        for (int k = 0; k < streams.length; k++) {
            gains.add(new ArrayList<>());
        }
    }

    /** Device {@code k}'s link of mean SNR {@code snr} on {@code bandwidth} Hz. */
    public PiecewiseRate link(int k, double bandwidth, double snr) {
        return clock.rates(block -> bandwidth * Math.log1p(snr * gain(k, block)) / Math.log(2));
    }

    private double gain(int k, int block) {
        List<Double> g = gains.get(k);
        while (g.size() <= block) {
            g.add(fading.draw(streams[k]));
        }
        return g.get(block);
    }
}

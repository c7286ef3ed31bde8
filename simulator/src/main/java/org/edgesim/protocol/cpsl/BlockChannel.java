package org.edgesim.protocol.cpsl;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.radio.BlockClock;
import org.edgesim.radio.PiecewiseRate;
import org.edgesim.rng.Draws;
import umontreal.ssj.rng.RandomStream;

/**
 * One round's channel in fading blocks of {@code radio.coherenceTime}, counted from the round's
 * start: block 0 holds each device's SNR of the round, later blocks are drawn (Gaussian in dB
 * around the device's mean) from its stream {@code cpsl/snr-blocks/device-k}, in block order, as
 * the transfers reach them.
 */
final class BlockChannel {
    private final BlockClock clock;
    private final double subcarrierBandwidth;
    private final double[] meanSnr;
    private final double sigma;
    private final RandomStream[] streams;
    private final List<List<Double>> blocks = new ArrayList<>();

    BlockChannel(double coherence, double subcarrierBandwidth, double[] meanSnr, double sigma, RandomStream[] streams,
                 double start, CpslSnapshot round) {
        this.clock = new BlockClock(start, coherence);
        this.subcarrierBandwidth = subcarrierBandwidth;
        this.meanSnr = meanSnr;
        this.sigma = sigma;
        this.streams = streams;
        for (int k = 0; k < round.size(); k++) {
            blocks.add(new ArrayList<>(List.of(round.device(k).snrDb())));
        }
    }

    /** Device {@code k}'s link on {@code width} subcarriers. */
    PiecewiseRate link(int k, int width) {
        return clock.rates(block -> rate(k, block, width));
    }

    /** Device {@code k}'s rate on {@code width} subcarriers during block {@code j}. */
    private double rate(int k, int j, int width) {
        List<Double> b = blocks.get(k);
        while (b.size() <= j) {
            b.add(sigma == 0 ? meanSnr[k] : Draws.normal(streams[k], meanSnr[k], sigma));
        }
        return width * subcarrierBandwidth * Math.log1p(Math.pow(10, b.get(j) / 10)) / Math.log(2);
    }
}

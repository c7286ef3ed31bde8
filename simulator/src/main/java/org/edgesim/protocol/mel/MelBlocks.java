package org.edgesim.protocol.mel;

import java.util.ArrayList;
import java.util.List;
import org.edgesim.protocol.BlockTransfer;
import org.edgesim.radio.Fading;
import umontreal.ssj.rng.RandomStream;

/**
 * One cycle's links in fading blocks of {@code radio.coherenceTime}, counted from the cycle's
 * start: in block {@code j} learner {@code k}'s rate is {@code W log2(1 + snr_k g)}, {@code g} the
 * block's small-scale gain (unit-mean exponential under Rayleigh fading, drawn in block order from
 * {@code mel/fading-blocks/device-k}; 1 without fading), {@code snr_k} its mean SNR. The schedulers
 * still plan on the ergodic rates.
 */
final class MelBlocks {
    private final double coherence;
    private final double bandwidth;
    private final double[] snr;
    private final Fading fading;
    private final RandomStream[] streams;
    private final double start;
    private final List<List<Double>> rates = new ArrayList<>();

    MelBlocks(double coherence, double bandwidth, double[] snr, Fading fading, RandomStream[] streams, double start) {
        this.coherence = coherence;
        this.bandwidth = bandwidth;
        this.snr = snr.clone();
        this.fading = fading;
        this.streams = streams;
        this.start = start;
        for (int k = 0; k < snr.length; k++) {
            rates.add(new ArrayList<>());
        }
    }

    BlockTransfer.Link link(int k) {
        return new BlockTransfer.Link() {
            @Override
            public int blockAt(double t) {
                int block = (int) Math.floor((t - start) / coherence);
                return start + (block + 1) * coherence <= t ? block + 1 : block;
            }

            @Override
            public double end(int block) {
                return start + (block + 1) * coherence;
            }

            @Override
            public double rate(int block) {
                List<Double> r = rates.get(k);
                while (r.size() <= block) {
                    double g = fading.draw(streams[k]);
                    r.add(bandwidth * Math.log1p(snr[k] * g) / Math.log(2));
                }
                return r.get(block);
            }
        };
    }
}
